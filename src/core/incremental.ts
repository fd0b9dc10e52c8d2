// Re-parsing a 10,000-entry log costs most of a second, so after an edit only the changed
// parts are parsed again. The text is cut into segments (each top-level key, and each item
// of a long block sequence such as `timeline:`), each segment is parsed on its own and
// cached by its text, and the nodes are composed into one Document with absolute ranges.
// Rules and services cannot tell the difference. Whatever this cannot compose exactly
// (YAML errors, anchors and aliases, directives, several documents, duplicate keys) falls
// back to a full parse, so the result is always the one a full parse gives.
import { Document, isAlias, isCollection, isPair, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import type { Node, Pair } from 'yaml';

interface Segment {
  length: number;
  /** The offset the nodes' ranges are currently absolute to. */
  base: number;
  contents: Node | null;
  clean: boolean;
  /** A `key:` header whose value composing replaces with the following items; kept to restore it. */
  header?: { pair: Pair<Node, Node | null>; value: Node | null };
}

interface Cut { start: number; end: number; item: boolean }

/** Segments of the previous parse of one document, reused where the text did not change. */
export class SegmentCache {
  private prevText = '';
  /** Previous segments by their start offset in the previous text. */
  private prev = new Map<number, Segment>();
  /** How many segments the last compose parsed anew (for tests and benchmarks). */
  lastParsed = 0;

  /** Parses `text`, reusing every unchanged segment; undefined when only a full parse is exact. */
  compose(text: string): Document.Parsed | undefined {
    if (/^(%|---|\.\.\.)/m.test(text)) return this.reset();
    const cuts = cutSegments(text);
    if (!cuts) return this.reset();
    // The edit lies between an unchanged prefix and an unchanged suffix; a segment wholly in
    // either is the same text as before, at the same or a shifted offset.
    const old = this.prevText;
    const prefix = commonPrefix(old, text);
    const suffix = commonSuffix(old, text, prefix);
    const delta = text.length - old.length;
    const next = new Map<number, Segment>();
    this.lastParsed = 0;
    const segs: { seg: Segment; item: boolean }[] = [];
    for (const cut of cuts) {
      let seg: Segment | undefined;
      if (cut.end <= prefix) seg = this.prev.get(cut.start);
      else if (cut.start >= text.length - suffix) seg = this.prev.get(cut.start - delta);
      if (seg && seg.length !== cut.end - cut.start) seg = undefined;
      if (seg?.header) seg.header.pair.value = seg.header.value;
      if (seg) shift(seg, cut.start);
      else {
        seg = parseSegment(detached(text, cut.start, cut.end), cut.start);
        this.lastParsed++;
      }
      if (!seg.clean) return this.reset();
      next.set(cut.start, seg);
      segs.push({ seg, item: cut.item });
    }
    const root = assemble(segs, text.length);
    if (!root) return this.reset();
    this.prev = next;
    this.prevText = text;
    const doc = new Document(null, { version: '1.2' }) as Document.Parsed;
    doc.contents = root as unknown as Document.Parsed['contents'];
    doc.range = [0, text.length, text.length];
    return doc;
  }

  private reset(): undefined {
    this.prev.clear();
    this.prevText = '';
    return undefined;
  }
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

const SPLITTABLE_MIN_LINES = 40;

/** Cuts the text into top-level blocks and, for long block sequences, their items. */
function cutSegments(text: string): Cut[] | undefined {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const tops: number[] = [];
  for (let l = 0; l < lineStarts.length; l++) {
    const c = text.charCodeAt(lineStarts[l]);
    // A new top-level key starts at column 0; blanks, comments and `- ` items continue a block.
    if (lineStarts[l] < text.length && c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 35 && c !== 45 && c !== 0xfeff) tops.push(l);
    else if (c === 45 && tops.length === 0) return undefined; // a top-level sequence: not a log
  }
  if (tops.length === 0) return undefined;
  const cuts: Cut[] = [];
  if (tops[0] > 0) cuts.push({ start: 0, end: lineStarts[tops[0]], item: false });
  for (let t = 0; t < tops.length; t++) {
    const first = tops[t];
    const last = t + 1 < tops.length ? tops[t + 1] : lineStarts.length;
    const end = last < lineStarts.length ? lineStarts[last] : text.length;
    const items = last - first > SPLITTABLE_MIN_LINES ? itemLines(text, lineStarts, first, last) : undefined;
    if (!items) { cuts.push({ start: lineStarts[first], end, item: false }); continue; }
    cuts.push({ start: lineStarts[first], end: lineStarts[items[0]], item: false });
    items.forEach((line, i) => {
      cuts.push({ start: lineStarts[line], end: i + 1 < items.length ? lineStarts[items[i + 1]] : end, item: true });
    });
  }
  return cuts;
}

/** Lines that start an item of the block sequence under a `key:` line, or undefined. */
function itemLines(text: string, lineStarts: number[], header: number, stop: number): number[] | undefined {
  const headerText = text.slice(lineStarts[header], lineStarts[header + 1] ?? text.length);
  if (!/^[A-Za-z_][\w-]*:\s*(#.*)?\r?\n$/.test(headerText)) return undefined;
  let indent = -1;
  const out: number[] = [];
  for (let l = header + 1; l < stop; l++) {
    const s = lineStarts[l];
    let i = s;
    while (text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 35 || i >= text.length) continue;
    const isItem = c === 45 && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10 || text.charCodeAt(i + 1) === 13);
    if (indent < 0) {
      if (!isItem) return undefined;
      indent = i - s;
    }
    if (isItem && i - s === indent) out.push(l);
    else if (i - s <= indent && !isItem) return undefined; // a less-indented line: not one clean sequence
  }
  return out.length > 1 ? out : undefined;
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
  const seg: Segment = { length: text.length, base: 0, contents: doc.contents as Node | null, clean: doc.errors.length === 0 && doc.warnings.length === 0 };
  if (seg.clean && hasAnchors(seg.contents)) seg.clean = false;
  shift(seg, base);
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

function shift(seg: Segment, base: number): void {
  const delta = base - seg.base;
  if (delta !== 0) shiftNode(seg.contents, delta);
  seg.base = base;
}

function shiftNode(node: unknown, delta: number): void {
  if (!node) return;
  if (isPair(node)) { shiftNode(node.key, delta); shiftNode(node.value, delta); return; }
  const r = (node as { range?: [number, number, number] | null }).range;
  if (r) { r[0] += delta; r[1] += delta; r[2] += delta; }
  if (isCollection(node)) for (const n of node.items) shiftNode(n, delta);
}

/** Joins top-level maps and sequence items into one root map; undefined if not exactly composable. */
function assemble(segs: { seg: Segment; item: boolean }[], length: number): YAMLMap | undefined {
  const root = new YAMLMap();
  const keys = new Set<string>();
  let open: YAMLSeq | undefined;
  for (let i = 0; i < segs.length; i++) {
    const { seg, item } = segs[i];
    const c = seg.contents;
    if (item) {
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
    if (segs[i + 1]?.item) {
      const pair = c.items[0] as Pair<Node, Node | null>;
      const v = pair.value;
      if (c.items.length !== 1 || (v !== null && !(isScalar(v) && v.value === null))) return undefined;
      seg.header ??= { pair, value: v };
      const seq = new YAMLSeq();
      // The header's comment (`timeline: # ...`) stays on the sequence, as a full parse would keep it near.
      if (v && isScalar(v) && v.comment) seq.comment = v.comment;
      pair.value = seq as unknown as Node;
      open = seq;
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
