// The postmortem as a small document tree. Sections build this tree from the log; the
// Markdown and HTML writers each escape every string they are given, so text from a log can
// never become markup, and the file and the editor preview say exactly the same thing.

/** Inline content: a plain string is text, never markup. */
export type Inline = string | { strong: Inline[] } | { em: Inline[] } | { code: string };

export interface GanttBar { label: string; startMs: number; endMs: number; open: boolean }
export interface GanttMark { label: string; atMs: number; kind: string }
export interface GanttData {
  title: string; zone: string; barsLabel: string; marksLabel: string; bars: GanttBar[]; marks: GanttMark[];
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'table'; head: Inline[][]; rows: Inline[][][] }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'gantt'; data: GanttData };

export const h = (level: 1 | 2 | 3 | 4, ...content: Inline[]): Block => ({ type: 'heading', level, content });
export const p = (...content: Inline[]): Block => ({ type: 'paragraph', content });
export const ul = (items: Inline[][]): Block => ({ type: 'list', ordered: false, items });
export const ol = (items: Inline[][]): Block => ({ type: 'list', ordered: true, items });
export const quote = (...blocks: Block[]): Block => ({ type: 'quote', blocks });
export const table = (head: Inline[][], rows: Inline[][][]): Block => ({ type: 'table', head, rows });
export const b = (...content: Inline[]): Inline => ({ strong: content });
export const em = (...content: Inline[]): Inline => ({ em: content });

/** Whitespace in log text (folded or literal YAML blocks) collapsed to single spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\s\u0085\u2028\u2029]+/g, ' ').trim();
}

/** A paragraph of log text split at blank lines, each part on one line. */
export function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/).map(oneLine).filter((s) => s.length > 0);
}

/** The plain text of inline content, for hashes, anchors and tests. */
export function plain(content: Inline[]): string {
  return content.map((c) => (typeof c === 'string' ? c : 'code' in c ? c.code : plain('strong' in c ? c.strong : c.em))).join('');
}
