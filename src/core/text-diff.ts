// How a new text differs from the old one, and what of the old text's structure still holds:
// the unchanged prefix and suffix, and the line starts moved past the edit.
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

export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  // Compare in chunks first: far fewer steps on megabyte texts than char by char.
  const step = 4096;
  while (i + step <= n && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

export function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  const step = 4096;
  while (i + step <= n && a.slice(a.length - i - step, a.length - i) === b.slice(b.length - i - step, b.length - i)) i += step;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
