// Re-parsing a 10,000-entry log costs most of a second, so after an edit only the changed
// parts are parsed again. The text is cut into segments (each top-level key, and each item
// of a long block sequence such as `timeline:`), each segment is parsed on its own and
// cached by its text, and the nodes are composed into one Document with absolute ranges.
// Rules and services cannot tell the difference. Whatever this cannot compose exactly
// (YAML errors, anchors and aliases, directives, several documents, duplicate keys) falls
// back to a full parse, so the result is always the one a full parse gives.
import { Document, isAlias, isCollection, isPair, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import { Cut, cutSegments, dashColumn, lineStartsOf, recutItems } from './segments';
import { LineIndex } from './text';

interface Segment {
  length: number;
  /** The offset the nodes' ranges are currently absolute to. */
  base: number;
  contents: Node | null;
  /** Every range array below `contents`, so that moving the segment is one flat loop. */
  ranges: [number, number, number][];
  clean: boolean;
  /** A `key:` header whose value composing replaces with the following items; kept to restore it. */
  header?: { pair: Pair<Node, Node | null>; value: Node | null };
}

/** A parse composed from segments, with the line index that goes with its text. */
export interface Composed { doc: Document.Parsed; lines: LineIndex }

/** Segments of the previous parse of one document, reused where the text did not change. */
export class SegmentCache {
  private prevText = '';
  private cuts: Cut[] = [];
  private segs: Segment[] = [];
  private lines: LineIndex | undefined;
  /** How many segments the last compose parsed anew (for tests and benchmarks). */
  lastParsed = 0;

  /** Parses `text`, reusing every unchanged segment; undefined when only a full parse is exact. */
  compose(text: string): Composed | undefined {
    const old = this.prevText;
    // The edit lies between an unchanged prefix and an unchanged suffix; a segment wholly in
    // either is the same text as before, at the same or a shifted offset.
    const prefix = old ? commonPrefix(old, text) : 0;
    const suffix = old ? commonSuffix(old, text, prefix) : 0;
    const delta = text.length - old.length;
    if (old && prefix === text.length && delta === 0 && this.lines) { this.lastParsed = 0; return this.finish(text, this.lines); }
    // Only the changed lines need checking for what a segment cannot hold: the rest passed before.
    const from = old ? lineStartBefore(text, prefix) : 0;
    const to = old ? lineEndAfter(text, text.length - suffix) : text.length;
    if (DIRECTIVE.test(text.slice(from, to)) || hasLoneCr(text, from, to)) return this.reset();
    const lines = old && this.lines ? shiftedLines(this.lines, text, prefix, suffix) : new LineIndex(text);
    const fast = old ? this.recut(text, prefix, suffix, delta) : undefined;
    if (!fast) {
      const cuts = cutSegments(text, lines.lineStarts);
      if (!cuts) return this.reset();
      const segs = this.reuse(cuts, text, prefix, suffix, delta);
      if (!segs) return this.reset();
      this.cuts = cuts;
      this.segs = segs;
    }
    this.prevText = text;
    return this.finish(text, lines);
  }

  private finish(text: string, lines: LineIndex): Composed | undefined {
    const root = assemble(this.cuts, this.segs, text.length);
    if (!root) return this.reset();
    this.lines = lines;
    const doc = new Document(null, { version: '1.2' }) as Document.Parsed;
    doc.contents = root as unknown as Document.Parsed['contents'];
    doc.range = [0, text.length, text.length];
    return { doc, lines };
  }

  /**
   * The common case, an edit inside the items of one long list: only the items it touches are
   * cut and parsed again, and the ones after it move. False when the whole text must be cut.
   */
  private recut(text: string, prefix: number, suffix: number, delta: number): boolean {
    const cuts = this.cuts;
    const oldEnd = this.prevText.length - suffix;
    // Cuts that merely touch the edit are cut again too: text appended at an item's end may
    // belong to it or start the next one.
    const i = firstEndingAtOrAfter(cuts, prefix);
    const j = lastStartingAtOrBefore(cuts, oldEnd);
    if (i < 0 || j < i) return false;
    for (let k = i; k <= j; k++) if (!cuts[k].item) return false;
    const indent = dashColumn(this.prevText, cuts[i].start);
    const fresh = recutItems(text, cuts[i].start, cuts[j].end + delta, indent);
    if (!fresh) return false;
    const segs: Segment[] = [];
    for (const cut of fresh) {
      const seg = parseSegment(detached(text, cut.start, cut.end), cut.start);
      if (!seg.clean) return false;
      segs.push(seg);
    }
    this.lastParsed = segs.length;
    for (let k = j + 1; k < cuts.length; k++) {
      cuts[k].start += delta;
      cuts[k].end += delta;
      move(this.segs[k], cuts[k].start);
    }
    cuts.splice(i, j - i + 1, ...fresh);
    this.segs.splice(i, j - i + 1, ...segs);
    return true;
  }

  /** Segments for freshly cut text: unchanged ones from the previous parse, the rest parsed. */
  private reuse(cuts: Cut[], text: string, prefix: number, suffix: number, delta: number): Segment[] | undefined {
    const byStart = new Map<number, Segment>();
    this.cuts.forEach((c, k) => byStart.set(c.start, this.segs[k]));
    this.lastParsed = 0;
    const out: Segment[] = [];
    for (const cut of cuts) {
      let seg: Segment | undefined;
      if (cut.end <= prefix) seg = byStart.get(cut.start);
      else if (cut.start >= text.length - suffix) seg = byStart.get(cut.start - delta);
      if (seg && seg.length !== cut.end - cut.start) seg = undefined;
      if (seg) move(seg, cut.start);
      else {
        seg = parseSegment(detached(text, cut.start, cut.end), cut.start);
        this.lastParsed++;
      }
      if (!seg.clean) return undefined;
      out.push(seg);
    }
    return out;
  }

  private reset(): undefined {
    this.cuts = [];
    this.segs = [];
    this.lines = undefined;
    this.prevText = '';
    return undefined;
  }
}

const DIRECTIVE = /^(%|---|\.\.\.)/m;

/** A CR not followed by LF: a line break to editors, but not to the cutting here. */
function hasLoneCr(text: string, from: number, to: number): boolean {
  for (let i = text.indexOf('\r', from); i >= 0 && i < to; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}

function lineStartBefore(text: string, offset: number): number {
  return offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndAfter(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
}

/** The line index of the new text from the old one: starts before the edit kept, after it moved. */
function shiftedLines(old: LineIndex, text: string, prefix: number, suffix: number): LineIndex {
  const starts = old.lineStarts;
  const oldEnd = old.text.length - suffix;
  const delta = text.length - old.text.length;
  let k = 0;
  // Starts at or before the prefix follow an unchanged LF.
  while (k < starts.length && starts[k] <= prefix) k++;
  const out = starts.slice(0, k);
  lineStartsOf(text, prefix, text.length - suffix, out);
  let m = k;
  while (m < starts.length && starts[m] - 1 < oldEnd) m++;
  for (; m < starts.length; m++) out.push(starts[m] + delta);
  return new LineIndex(text, out);
}

function firstEndingAtOrAfter(cuts: Cut[], offset: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (cuts[mid].end < offset) lo = mid + 1; else hi = mid; }
  return lo < cuts.length ? lo : -1;
}

function lastStartingAtOrBefore(cuts: Cut[], offset: number): number {
  let lo = -1;
  let hi = cuts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (cuts[mid].start <= offset) lo = mid; else hi = mid - 1; }
  return lo;
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  // Compare in chunks first: far fewer steps on megabyte texts than char by char.
  const step = 4096;
  while (i + step <= n && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  const step = 4096;
  while (i + step <= n && a.slice(a.length - i - step, a.length - i) === b.slice(b.length - i - step, b.length - i)) i += step;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * A copy of text[start, end) that does not point into `text`. V8 makes a substring a view
 * of its parent, and every scalar parsed from it is a view again: a segment kept for hours
 * would otherwise keep alive the whole text of the edit that parsed it, one copy per edit.
 */
function detached(text: string, start: number, end: number): string {
  return Buffer.from(text.slice(start, end), 'utf16le').toString('utf16le');
}

function parseSegment(text: string, base: number): Segment {
  const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false });
  const contents = doc.contents as Node | null;
  const seg: Segment = { length: text.length, base: 0, contents, ranges: [], clean: doc.errors.length === 0 && doc.warnings.length === 0 };
  if (seg.clean && hasAnchors(contents)) seg.clean = false;
  collectRanges(contents, seg.ranges);
  move(seg, base);
  return seg;
}

function hasAnchors(node: unknown): boolean {
  if (!node) return false;
  if (isAlias(node)) return true;
  if ((node as { anchor?: string }).anchor) return true;
  if (isPair(node)) return hasAnchors(node.key) || hasAnchors(node.value);
  if (isCollection(node)) return node.items.some((n) => hasAnchors(n));
  return false;
}

function collectRanges(node: unknown, out: [number, number, number][]): void {
  if (!node) return;
  if (isPair(node)) { collectRanges(node.key, out); collectRanges(node.value, out); return; }
  const r = (node as { range?: [number, number, number] | null }).range;
  if (r) out.push(r);
  if (isCollection(node)) for (const n of node.items) collectRanges(n, out);
}

function move(seg: Segment, base: number): void {
  const delta = base - seg.base;
  if (delta !== 0) for (const r of seg.ranges) { r[0] += delta; r[1] += delta; r[2] += delta; }
  seg.base = base;
}

/** Joins top-level maps and sequence items into one root map; undefined if not exactly composable. */
function assemble(cuts: readonly Cut[], segs: readonly Segment[], length: number): YAMLMap | undefined {
  const root = new YAMLMap();
  const keys = new Set<string>();
  let open: YAMLSeq | undefined;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const c = seg.contents;
    if (cuts[i].item) {
      if (!open || !isSeq(c) || c.items.length !== 1) return undefined;
      open.items.push(c.items[0]);
      continue;
    }
    open = undefined;
    if (c === null) continue; // only comments
    if (!(c instanceof YAMLMap)) return undefined;
    for (const pair of c.items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || keys.has(key)) return undefined;
      keys.add(key);
      root.items.push(pair);
    }
    if (cuts[i + 1]?.item) {
      const pair = c.items[0] as Pair<Node, Node | null>;
      // A header composed before holds the list made then; what it parsed to is kept aside.
      const v = seg.header ? seg.header.value : pair.value;
      if (c.items.length !== 1 || (v !== null && !(isScalar(v) && v.value === null))) return undefined;
      seg.header ??= { pair, value: v };
      const seq = new YAMLSeq();
      // The header's comment (`timeline: # ...`) stays on the sequence, as a full parse would keep it near.
      if (v && isScalar(v) && v.comment) seq.comment = v.comment;
      pair.value = seq as unknown as Node;
      open = seq;
    } else if (seg.header) {
      seg.header.pair.value = seg.header.value;
    }
  }
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const v = pair.value;
    if (isSeq(v) && !v.range) {
      if (v.items.length === 0) { pair.value = null; continue; }
      const first = (v.items[0] as Node).range;
      const last = (v.items[v.items.length - 1] as Node).range;
      if (first && last) v.range = [first[0], last[1], last[2]];
    }
  }
  const firstRange = (root.items[0]?.key as Node | undefined)?.range;
  root.range = [firstRange ? firstRange[0] : 0, length, length];
  return root;
}
