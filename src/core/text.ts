// Positions are 0-based lines and UTF-16 columns, the same units as LSP and JS strings,
// so the server hands them over without conversion. Offsets index the document string.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
/** A half-open [start, end) pair of string offsets. */
export type Span = readonly [number, number];
/** Replace text[span[0], span[1]) with newText. */
export interface TextEdit { span: Span; newText: string }

/** Maps offsets to positions and back in O(log lines). */
export class LineIndex {
  readonly lineStarts: number[];
  /** `starts`, when given, are the text's line starts already known (see SegmentCache). */
  constructor(readonly text: string, starts?: number[]) {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
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

  /** Offset of the end of a line, before its line break (CR LF or LF). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    return next > this.lineStarts[line] && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  lineText(line: number): string { return this.text.slice(this.lineStarts[line], this.lineEnd(line)); }
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

/** The line break a file already uses, so inserted lines match it. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}
