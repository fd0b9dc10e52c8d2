// What of the old text's structure still holds after an edit: the lines around the change,
// the line starts moved past it, and the cuts it touches.
import { lineStartsOf } from './segments';
import type { Cut } from './segments';
import { LineIndex } from './text';

export function lineStartBefore(text: string, offset: number): number {
  return offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

export function lineEndAfter(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
}

/**
 * The line index of the new text from the old one: starts before the edit kept, after it moved.
 * The old index's array is changed in place, as node ranges are: at 50,000 entries a fresh copy
 * per keystroke was 4 MB for the garbage collector. The old index is superseded by the new one.
 */
export function shiftedLines(old: LineIndex, text: string, prefix: number, suffix: number): LineIndex {
  const starts = old.lineStarts;
  const oldEnd = old.text.length - suffix;
  const delta = text.length - old.text.length;
  // Starts at or before the prefix follow an unchanged LF; those whose LF is at or after the
  // old edit end move by delta; the ones between are read again from the new text.
  const k = firstAbove(starts, prefix);
  const m = firstAbove(starts, oldEnd);
  const fresh = lineStartsOf(text, prefix, text.length - suffix);
  if (fresh.length > 10_000) {
    const out = starts.slice(0, k).concat(fresh);
    for (let i = m; i < starts.length; i++) out.push(starts[i] + delta);
    return new LineIndex(text, out);
  }
  starts.splice(k, m - k, ...fresh);
  if (delta !== 0) for (let i = k + fresh.length; i < starts.length; i++) starts[i] += delta;
  return new LineIndex(text, starts);
}

/** Index of the first value greater than `x` in ascending `values`. */
function firstAbove(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (values[mid] <= x) lo = mid + 1; else hi = mid; }
  return lo;
}

export function firstEndingAtOrAfter(cuts: Cut[], offset: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (cuts[mid].end < offset) lo = mid + 1; else hi = mid; }
  return lo < cuts.length ? lo : -1;
}

export function lastStartingAtOrBefore(cuts: Cut[], offset: number): number {
  let lo = -1;
  let hi = cuts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (cuts[mid].start <= offset) lo = mid; else hi = mid - 1; }
  return lo;
}
