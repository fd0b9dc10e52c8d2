// Geometry of an existing YAML file, read from its source tokens, so that text we insert
// looks like the lines around it. Nothing here re-serializes a document: re-printing
// would move comments, blank lines and quoting that responders wrote on purpose.
import { isMap, isPair, isScalar, isSeq, stringify, visit } from 'yaml';
import type { Document, Node, YAMLMap, YAMLSeq } from 'yaml';
import { hasLoneCR } from '../text';
import { dashBefore } from '../segments';
import type { LineIndex } from '../text';

export interface Indent {
  /** Columns a nested block map's keys sit right of their parent key. */
  map: number;
  /** Columns a block list's `-` sits right of the key that holds it (0 is `key:\n- item`). */
  seq: number;
  /** Columns an item's keys sit right of its `-`. */
  item: number;
}

export const DEFAULT_INDENT: Indent = { map: 2, seq: 2, item: 2 };

/** Why an edit could not be computed; the editor turns these into messages. */
export type EditProblem = 'yaml-errors' | 'lone-cr' | 'not-a-map' | 'not-a-list' | 'exists' | 'flow-layout' | 'no-path';

/**
 * Why a file takes no line-writing edit at all: YAML errors, or a lone CR line break, where the
 * editor's lines and the yaml package's lines differ and new lines could land inside what yaml
 * reads as one line.
 */
export function editBlocker(src: { yamlErrors: readonly unknown[]; text: string }): EditProblem | undefined {
  if (src.yamlErrors.length) return 'yaml-errors';
  if (hasLoneCR(src.text)) return 'lone-cr';
  return undefined;
}

export type EditResult =
  | { ok: true; edit: { span: readonly [number, number]; newText: string }; /** Offset, in the new text, of the end of the value a caret should land on. */ caret: number }
  | { ok: false; problem: EditProblem };

export function columnOf(lines: LineIndex, offset: number): number { return lines.position(offset).character; }

/**
 * Offset of the `-` that opens item `i` of a block list: the first character before the item
 * that is not a space or line break. Read from the text, because documents are kept without
 * source tokens (they would double the memory of a long log).
 */
export function dashOffset(seq: YAMLSeq, i: number, text: string): number | undefined {
  if (seq.flow) return undefined;
  const start = (seq.items[i] as Node | null | undefined)?.range?.[0];
  return start === undefined ? undefined : dashBefore(text, start);
}

function mostCommon(values: number[], fallback: number): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount) { best = v; bestCount = c; }
  return best;
}

/**
 * The indentation a file already uses, voted over every block collection in it. Only
 * spaces count: YAML forbids tabs in indentation, so a tab never becomes a unit.
 */
/**
 * Where a new item goes after the last one of a block list: the last item, its dash column, and
 * the gap from the dash to the item's first key (`-   at:` keeps its three spaces).
 */
export function lastItemLayout(seq: YAMLSeq, keyCol: number, indent: Indent, lines: LineIndex): { last: Node; dashCol: number; gap: number } {
  const i = seq.items.length - 1;
  const last = seq.items[i] as Node;
  const dash = dashOffset(seq, i, lines.text);
  const dashCol = dash !== undefined ? columnOf(lines, dash) : keyCol + indent.seq;
  let gap = indent.item;
  if (dash !== undefined && isMap(last) && !last.flow && last.range && lines.position(last.range[0]).line === lines.position(dash).line) {
    gap = columnOf(lines, last.range[0]) - dashCol;
  }
  return { last, dashCol, gap };
}

export function detectIndent(doc: Document.Parsed, lines: LineIndex): Indent {
  const map: number[] = [];
  const seq: number[] = [];
  const item: number[] = [];
  visit(doc, {
    Pair(_k, pair) {
      if (!isPair(pair) || !pair.key || !(pair.key as Node).range) return;
      const keyCol = columnOf(lines, (pair.key as Node).range![0]);
      const keyLine = lines.position((pair.key as Node).range![0]).line;
      const v = pair.value as Node | null;
      if (isMap(v) && !v.flow && v.items.length && isPair(v.items[0]) && (v.items[0].key as Node)?.range) {
        const start = (v.items[0].key as Node).range![0];
        if (lines.position(start).line > keyLine) map.push(columnOf(lines, start) - keyCol);
      } else if (isSeq(v) && !v.flow) {
        const dash = dashOffset(v, 0, lines.text);
        if (dash !== undefined && lines.position(dash).line > keyLine) seq.push(columnOf(lines, dash) - keyCol);
      }
    },
    Seq(_k, s) {
      if (s.flow) return;
      s.items.forEach((it, i) => {
        const dash = dashOffset(s, i, lines.text);
        if (dash === undefined || !isMap(it) || it.flow || !it.range) return;
        if (lines.position(dash).line !== lines.position(it.range[0]).line) return;
        item.push(columnOf(lines, it.range[0]) - columnOf(lines, dash));
      });
    },
  });
  const positive = (xs: number[]) => xs.filter((x) => x > 0 && x <= 8);
  return {
    map: mostCommon(positive(map), DEFAULT_INDENT.map),
    seq: mostCommon(seq.filter((x) => x >= 0 && x <= 8), DEFAULT_INDENT.seq),
    item: mostCommon(positive(item), DEFAULT_INDENT.item),
  };
}

/**
 * Where lines go so that they follow a node ending at `end`: the start of the next line
 * when the node's range already took its line break, else the end of its last line (then
 * the inserted text starts with a line break, and the file's own break stays after it).
 */
export function insertionAfter(text: string, lines: LineIndex, end: number): { at: number; leadingBreak: boolean } {
  if (end > 0 && text.charCodeAt(end - 1) === 10) return { at: end, leadingBreak: false };
  const line = lines.position(end).line;
  return { at: lines.lineEnd(line), leadingBreak: true };
}

/** A value as YAML text for one line: plain when that reads back the same, else quoted. */
export function scalarText(value: string): string {
  const out = stringify(value, { lineWidth: 0, version: '1.2' }).replace(/\n$/, '');
  return out.includes('\n') ? JSON.stringify(value) : out;
}

/** A small map as one flow map, `{ at: ..., kind: ... }`, for lists written in flow style. */
export function flowMapText(fields: readonly (readonly [string, string])[]): string {
  return `{ ${fields.map(([k, v]) => `${k}: ${flowScalarText(v)}`).join(', ')} }`;
}

function flowScalarText(value: string): string {
  const plain = scalarText(value);
  // Inside [] or {} these characters end a plain scalar, so such values are quoted.
  return /[,[\]{}]/.test(plain) && !/^["']/.test(plain) ? JSON.stringify(value) : plain;
}

/** Follows a key path from the root; numbers index lists. */
export function nodeAt(doc: Document.Parsed, path: readonly (string | number)[]): Node | null | undefined {
  let cur: unknown = doc.contents;
  for (const part of path) {
    if (typeof part === 'number') {
      if (!isSeq(cur)) return undefined;
      cur = cur.items[part];
    } else {
      if (!isMap(cur)) return undefined;
      const pair = (cur as YAMLMap).items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === part);
      if (!pair) return undefined;
      cur = pair.value;
    }
  }
  return cur as Node | null;
}

/** Offset just after the `:` that follows a key (or the key's end if the colon is not found). */
export function afterColon(text: string, keyEnd: number): number {
  const m = /^[ \t]*:/.exec(text.slice(keyEnd, keyEnd + 200));
  return m ? keyEnd + m[0].length : keyEnd;
}
