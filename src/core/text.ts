// Positions are 0-based lines and UTF-16 columns, the same units as LSP and JS strings,
// so the server hands them over without conversion. Offsets index the document string.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
/** A half-open [start, end) pair of string offsets. */
export type Span = readonly [number, number];
/** Replace text[span[0], span[1]) with newText. */
export interface TextEdit { span: Span; newText: string }

/**
 * Maps offsets to positions and back in O(log lines). A line ends at CR LF, LF or a lone CR,
 * as in LSP and VS Code, so a position names the line the editor shows.
 */
export class LineIndex {
  readonly lineStarts: number[];
  /** Whether a line ends in a lone CR (see hasLoneCR). */
  readonly hasLoneCR: boolean;
  /**
   * `known`, when given, are the text's line starts already known (see SegmentCache, which
   * only ever holds text without a lone CR, so LF ends every line there).
   */
  constructor(readonly text: string, known?: number[]) {
    if (known) {
      this.lineStarts = known;
      this.hasLoneCR = false;
      return;
    }
    const starts = [0];
    this.hasLoneCR = hasLoneCR(text);
    if (!this.hasLoneCR) {
      // The usual file: every break ends in LF, which the native search finds fastest.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }
  get lineCount(): number { return this.lineStarts.length; }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offset(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, pos.line)];
    const end = this.lineEnd(pos.line);
    return Math.min(start + Math.max(0, pos.character), end);
  }

  range(span: Span): Range { return { start: this.position(span[0]), end: this.position(span[1]) }; }

  /** Offset of the end of a line, before its line break (CR LF, LF or CR). */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[line + 1];
    if (this.text.charCodeAt(next - 1) === 13) return next - 1;
    return next - 1 > this.lineStarts[line] && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  lineText(line: number): string { return this.text.slice(this.lineStarts[line], this.lineEnd(line)); }
}

/**
 * Whether the text holds a CR not followed by LF. Editors show it as a line break, but the
 * `yaml` package reads it as an ordinary character (eemeli/yaml#595), so the file's lines and
 * the document's lines differ: edits that write lines refuse such a file.
 */
export function hasLoneCR(text: string): boolean {
  return loneCRAt(text, 0) >= 0;
}

/** Offset of the first lone CR in [from, to), or -1. */
export function loneCRAt(text: string, from: number, to = text.length): number {
  for (let i = text.indexOf('\r', from); i >= 0 && i < to; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return i;
  }
  return -1;
}

/** Applies non-overlapping edits; later spans first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span[0] - a.span[0] || b.span[1] - a.span[1]);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.span[1] > limit) continue; // overlaps an edit already applied: skip rather than corrupt
    out = out.slice(0, e.span[0]) + e.newText + out.slice(e.span[1]);
    limit = e.span[0];
  }
  return out;
}

/**
 * The single replacement that turns `before` into `after`: everything between their common
 * head and tail, widened to whole lines. Builders that write several places join them into one
 * edit (one undo step); whole lines keep every untouched line an untouched line, and an end
 * never falls between a CR and its LF, which editors cannot address.
 */
export function oneEdit(before: string, after: string): TextEdit {
  let head = commonPrefix(before, after);
  let tail = commonSuffix(before, after, head);
  if (head === before.length && tail === 0 && head === after.length) return { span: [head, head], newText: '' };
  while (head > 0 && !isLineStart(before, head)) head--;
  while (tail > 0 && !(isLineStart(before, before.length - tail) && isLineStart(after, after.length - tail))) tail--;
  return { span: [head, before.length - tail], newText: after.slice(head, after.length - tail) };
}

function isLineStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  return i === 0 || c === 10 || (c === 13 && text.charCodeAt(i) !== 10);
}

/** The line break a file already uses, so inserted lines match it. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

/** Length of the longest common prefix of two texts. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  // Compare in chunks first: far fewer steps on megabyte texts than char by char.
  const step = 4096;
  while (i + step <= n && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the longest common suffix of two texts that does not reach into the first `prefix` characters. */
export function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  const step = 4096;
  while (i + step <= n && a.slice(a.length - i - step, a.length - i) === b.slice(b.length - i - step, b.length - i)) i += step;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
