// Where a log's text is cut into segments that parse on their own: each top-level key, and
// each item of a long block sequence such as `timeline:`. Cutting is by lines and columns
// only; whether a cut is exact is decided later, by parsing the segments and composing them.

export interface Cut {
  start: number;
  end: number;
  /** An item of the block sequence opened by the nearest header cut before it. */
  item: boolean;
}

const SPLITTABLE_MIN_LINES = 40;

/** Offsets where lines start: after every LF. A lone CR never reaches here (see SegmentCache). */
export function lineStartsOf(text: string, from = 0, to = text.length, out: number[] = []): number[] {
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** Cuts the whole text into top-level blocks and, for long block sequences, their items. */
export function cutSegments(text: string, lineStarts: readonly number[]): Cut[] | undefined {
  const tops: number[] = [];
  for (let l = 0; l < lineStarts.length; l++) {
    const c = text.charCodeAt(lineStarts[l]);
    // A new top-level key starts at column 0; blanks, comments and `- ` items continue a block.
    if (lineStarts[l] < text.length && c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 35 && c !== 45 && c !== 0xfeff) tops.push(l);
    else if (c === 45 && tops.length === 0) return undefined; // a top-level sequence: not a log
  }
  if (tops.length === 0) return undefined;
  // Before the first key only comments may stand: an indented line there parses on its own
  // but is an error in the whole document.
  for (let l = 0; l < tops[0]; l++) if (!blankOrComment(text, lineStarts[l])) return undefined;
  const cuts: Cut[] = [];
  for (let t = 0; t < tops.length; t++) {
    const first = tops[t];
    // Comments above the first key go with it, which is where a full parse puts them.
    const start = t === 0 ? 0 : lineStarts[first];
    const last = t + 1 < tops.length ? tops[t + 1] : lineStarts.length;
    const end = last < lineStarts.length ? lineStarts[last] : text.length;
    const items = last - first > SPLITTABLE_MIN_LINES ? itemLines(text, lineStarts, first, last) : undefined;
    if (!items) { cuts.push({ start, end, item: false }); continue; }
    cuts.push({ start, end: lineStarts[items[0]], item: false });
    for (let i = 0; i < items.length; i++) {
      cuts.push({ start: lineStarts[items[i]], end: i + 1 < items.length ? lineStarts[items[i + 1]] : end, item: true });
    }
  }
  return cuts;
}

/** Lines that start an item of the block sequence under a `key:` line, or undefined. */
function itemLines(text: string, lineStarts: readonly number[], header: number, stop: number): number[] | undefined {
  const headerText = text.slice(lineStarts[header], lineStarts[header + 1] ?? text.length);
  if (!/^[A-Za-z_][\w-]*:\s*(#.*)?\r?\n$/.test(headerText)) return undefined;
  let indent = -1;
  const out: number[] = [];
  for (let l = header + 1; l < stop; l++) {
    const kind = lineKind(text, lineStarts[l], indent);
    if (kind === SKIP) continue;
    if (indent < 0) {
      if (kind < 0) return undefined;
      indent = kind;
      out.push(l);
      continue;
    }
    if (kind === ITEM) out.push(l);
    else if (kind === OUTDENT) return undefined; // a less-indented line: not one clean sequence
  }
  return out.length > 1 ? out : undefined;
}

const SKIP = -1;
const OUTDENT = -2;
const INSIDE = -3;
const ITEM = -4;

/**
 * What the line at `s` is inside a block sequence whose dashes sit at column `indent`: a blank
 * or comment line, an item start, a line inside an item, or a line that ends the sequence.
 * With `indent` < 0 (not known yet), an item start gives its column instead, anything else OUTDENT.
 */
function lineKind(text: string, s: number, indent: number): number {
  let i = s;
  while (text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  if (c === 10 || c === 13 || c === 35 || i >= text.length) return SKIP;
  const n = text.charCodeAt(i + 1);
  const isItem = c === 45 && (n === 32 || n === 10 || n === 13 || i + 1 >= text.length);
  if (indent < 0) return isItem ? i - s : OUTDENT;
  if (isItem && i - s === indent) return ITEM;
  return i - s <= indent && !isItem ? OUTDENT : INSIDE;
}

function blankOrComment(text: string, s: number): boolean {
  let i = s === 0 && text.charCodeAt(0) === 0xfeff ? 1 : s;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const c = text.charCodeAt(i);
  return c === 10 || c === 13 || c === 35 || i >= text.length;
}

/** The `-` that opens the list item whose node starts at `start`: the first character before it that is not a space or line break. */
export function dashBefore(text: string, start: number): number | undefined {
  let p = start - 1;
  for (let c = text.charCodeAt(p); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(--p));
  return p >= 0 && text.charCodeAt(p) === 45 ? p : undefined;
}

/** The column of the dash that opens the item cut starting at `start`. */
export function dashColumn(text: string, start: number): number {
  let i = start;
  while (text.charCodeAt(i) === 32) i++;
  return i - start;
}

/**
 * Re-cuts [start, end) of the new text, a run of whole items of one block sequence whose
 * dashes sit at column `indent`, into items again; undefined when the run no longer is one
 * (the first line is not an item, a line left the sequence), and the whole text must be cut.
 */
export function recutItems(text: string, start: number, end: number, indent: number): Cut[] | undefined {
  const starts = [start];
  lineStartsOf(text, start, end - 1, starts);
  const cuts: Cut[] = [];
  for (const s of starts) {
    const kind = lineKind(text, s, indent);
    if (kind === SKIP) { if (cuts.length === 0) return undefined; continue; }
    if (kind === OUTDENT) return undefined;
    if (kind === ITEM) {
      if (cuts.length) cuts[cuts.length - 1].end = s;
      cuts.push({ start: s, end, item: true });
    } else if (cuts.length === 0) return undefined;
  }
  return cuts.length ? cuts : undefined;
}
