// Re-parsing a 10,000-entry log costs most of a second, so after an edit only the changed
// parts are parsed again. The text is cut into segments (each top-level key, and each item
// of a long block sequence such as `timeline:`), each segment is parsed on its own (which
// also keeps the memory of a first parse low: one segment's tokens at a time), and after an
// edit only the segments it touched are parsed again. The nodes are composed into one
// Document with absolute ranges. Rules and services cannot tell the difference. An edit that
// breaks an item of a long list is answered from that item on (broken-tail.ts). Whatever else
// this cannot compose exactly (YAML errors elsewhere, anchors and aliases, directives, several
// documents, duplicate keys) falls back to a full parse, so the result is always the one a full
// parse gives.
import { Document, isAlias, isCollection, isPair, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import { parseTail, RawProblem } from './broken-tail';
import { Cut, cutSegments, dashBefore, dashColumn, recutItems } from './segments';
import { commonPrefix, commonSuffix, LineIndex, loneCRAt } from './text';
import {
  firstEndingAtOrAfter, lastStartingAtOrBefore, lineEndAfter, lineStartBefore, shiftedLines,
} from './text-diff';

interface Segment {
  length: number;
  /** The offset the nodes' ranges are currently absolute to. */
  base: number;
  /** A list item's node, for item cuts. */
  item?: Node | null;
  /** The top-level pairs, for other cuts. */
  pairs: Pair<Node, Node | null>[];
  /** Every range array below the segment's nodes, so that moving the segment is one flat loop. */
  ranges: [number, number, number][];
  clean: boolean;
  /** A `key:` header whose value composing replaces with the following items: what it held alone. */
  header?: { pair: Pair<Node, Node | null>; value: Node | null };
}

/**
 * A parse composed from segments, with the line index that goes with its text; with `errors`
 * when an edited item is broken and the text from it on was parsed behind its list's header.
 */
export interface Composed { doc: Document.Parsed; lines: LineIndex; errors?: RawProblem[]; warnings?: RawProblem[] }

/** Segments of the previous parse of one document, reused where the text did not change. */
export class SegmentCache {
  private prevText = '';
  private cuts: Cut[] = [];
  private segs: Segment[] = [];
  private lines: LineIndex | undefined;
  /** How many segments the last compose parsed anew (for tests and benchmarks). */
  lastParsed = 0;
  /** Whether the last text could be composed; when not, a full parse answered it. */
  lastComposed = false;
  /** Whether the last text had a broken item and was answered from that item on (for tests and benchmarks). */
  lastTail = false;

  /** Whether a previous parse is held, so that `compose` has something to reuse. */
  get ready(): boolean { return this.prevText !== ''; }

  /** Parses `text`, reusing every unchanged segment; undefined when only a full parse is exact. */
  compose(text: string): Composed | undefined {
    this.lastTail = false;
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
    if (DIRECTIVE.test(text.slice(from, to)) || loneCRAt(text, from, to) >= 0) return this.fail();
    const fast = old ? this.recut(text, prefix, suffix, delta) : 'recut-all';
    if (fast === 'broken') {
      const tail = this.tail(text, prefix);
      this.fail();
      this.lastTail = tail !== undefined;
      return tail;
    }
    let lines: LineIndex;
    // The line index moves in place only once the parse is known to succeed: the previous
    // analysis shares it until then.
    if (fast === 'done') lines = this.lines ? shiftedLines(this.lines, text, prefix, suffix) : new LineIndex(text);
    else {
      lines = new LineIndex(text);
      const cuts = cutSegments(text, lines.lineStarts);
      if (!cuts) return this.fail();
      const segs = this.reuse(cuts, text, prefix, suffix, delta);
      if (!segs) return this.fail();
      this.cuts = cuts;
      this.segs = segs;
    }
    this.prevText = text;
    return this.finish(text, lines);
  }

  private finish(text: string, lines: LineIndex): Composed | undefined {
    const root = assemble(this.cuts, this.segs, text);
    if (!root) return this.fail();
    this.lines = lines;
    const doc = new Document(null, { version: '1.2' }) as Document.Parsed;
    doc.contents = root as unknown as Document.Parsed['contents'];
    doc.range = [0, text.length, text.length];
    this.lastComposed = true;
    return { doc, lines };
  }

  /**
   * The common case, an edit inside the items of one long list: only the items it touches are
   * cut and parsed again, and the ones after it move. 'recut-all' when the edit changed more
   * than items (the whole text must be cut), 'broken' when an item it touched has a YAML error
   * (then no cut composes: a full parse must answer).
   */
  private recut(text: string, prefix: number, suffix: number, delta: number): 'done' | 'recut-all' | 'broken' {
    const cuts = this.cuts;
    const oldEnd = this.prevText.length - suffix;
    // Cuts that merely touch the edit are cut again too: text appended at an item's end may
    // belong to it or start the next one.
    const i = firstEndingAtOrAfter(cuts, prefix);
    const j = lastStartingAtOrBefore(cuts, oldEnd);
    if (i < 0 || j < i) return 'recut-all';
    for (let k = i; k <= j; k++) if (!cuts[k].item) return 'recut-all';
    const indent = dashColumn(this.prevText, cuts[i].start);
    const fresh = recutItems(text, cuts[i].start, cuts[j].end + delta, indent);
    if (!fresh || fresh.length > 10_000) return 'recut-all';
    // Many new items (a paste) are parsed together, as on a first open.
    const segs = (fresh.length > 1 ? parseBatch(text, fresh) : undefined) ?? fresh.map((cut) => parseSegment(text, cut));
    if (segs.some((seg) => !seg.clean)) return 'broken';
    this.lastParsed = segs.length;
    for (let k = j + 1; k < cuts.length; k++) {
      cuts[k].start += delta;
      cuts[k].end += delta;
      move(this.segs[k], cuts[k].start);
    }
    cuts.splice(i, j - i + 1, ...fresh);
    this.segs.splice(i, j - i + 1, ...segs);
    return 'done';
  }

  /** An edited item of a long list is broken: the text from it on, parsed behind the list's header. */
  private tail(text: string, prefix: number): Composed | undefined {
    const i = firstEndingAtOrAfter(this.cuts, prefix);
    let h = i - 1;
    while (h >= 0 && this.cuts[h].item) h--;
    const header = h >= 0 ? this.segs[h].header : undefined;
    if (i < 0 || !this.cuts[i].item || !header) return undefined;
    const before: Pair<Node, Node | null>[] = [];
    for (let k = 0; k < h; k++) before.push(...this.segs[k].pairs);
    const items = this.segs.slice(h + 1, i).map((seg) => seg.item);
    const t = parseTail({ text, before, header: header.pair, headerStart: this.cuts[h].start, headerEnd: this.cuts[h].end, items, itemStart: this.cuts[i].start });
    return t && { doc: t.doc, lines: new LineIndex(text), errors: t.errors, warnings: t.warnings };
  }

  /** Segments for freshly cut text: unchanged ones from the previous parse, the rest parsed. */
  private reuse(cuts: Cut[], text: string, prefix: number, suffix: number, delta: number): Segment[] | undefined {
    const prev = this.cuts;
    this.lastParsed = 0;
    const out: (Segment | undefined)[] = [];
    // The old start each new cut would have had rises with the cuts (the prefix lies before
    // the suffix), so one pointer walks the old cuts alongside.
    let p = 0;
    for (const cut of cuts) {
      const was = cut.end <= prefix ? cut.start : cut.start >= text.length - suffix ? cut.start - delta : -1;
      while (was >= 0 && p < prev.length && prev[p].start < was) p++;
      const k = was >= 0 && p < prev.length && prev[p].start === was ? p : -1;
      const seg = k >= 0 && prev[k].item === cut.item && this.segs[k].length === cut.end - cut.start ? this.segs[k] : undefined;
      if (seg) move(seg, cut.start);
      out.push(seg);
    }
    for (let k = 0; k < cuts.length;) {
      if (out[k]) { k++; continue; }
      // Runs of list items to parse go in batches: one parse per item costs a document each.
      let end = k + 1;
      while (cuts[k].item && end < cuts.length && end - k < BATCH && !out[end] && cuts[end].item) end++;
      const batch = end - k > 1 ? parseBatch(text, cuts.slice(k, end)) : undefined;
      for (let b = k; b < end; b++) {
        const seg = batch?.[b - k] ?? parseSegment(text, cuts[b]);
        if (!seg.clean) return undefined;
        out[b] = seg;
      }
      this.lastParsed += end - k;
      k = end;
    }
    return out as Segment[];
  }

  /**
   * Keeps the last composable state when this text cannot be composed (a half-typed entry with a
   * YAML error): the full parse answers now, and the edit that mends the text is incremental
   * again instead of parsing every segment anew. Segments a failed pass moved go back.
   */
  private fail(): undefined {
    this.lastComposed = false;
    for (let k = 0; k < this.segs.length; k++) move(this.segs[k], this.cuts[k].start);
    this.lines = undefined;
    return undefined;
  }
}

const DIRECTIVE = /^(%|---|\.\.\.)/m;

/**
 * A copy of text[start, end) that does not point into `text`. V8 makes a substring a view
 * of its parent, and every scalar parsed from it is a view again: a segment kept for hours
 * would otherwise keep alive the whole text of the edit that parsed it, one copy per edit.
 */
function detached(text: string, start: number, end: number): string {
  return Buffer.from(text.slice(start, end), 'utf16le').toString('utf16le');
}

function parseSegment(text: string, cut: Cut): Segment {
  const source = detached(text, cut.start, cut.end);
  const doc = parseDocument(source, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false });
  const c = doc.contents as Node | null;
  const seg: Segment = { length: cut.end - cut.start, base: 0, pairs: [], ranges: [], clean: doc.errors.length === 0 && doc.warnings.length === 0 };
  if (cut.item) {
    if (isSeq(c) && c.items.length === 1) seg.item = c.items[0] as Node | null;
    else seg.clean = false;
  } else if (c instanceof YAMLMap) seg.pairs = c.items as Pair<Node, Node | null>[];
  else if (c !== null) seg.clean = false;
  const mayAlias = source.includes('&') || source.includes('*');
  if (seg.clean && mayAlias && (hasAnchors(seg.item) || seg.pairs.some((pair) => hasAnchors(pair)))) seg.clean = false;
  compact(seg.item, seg.ranges);
  for (const pair of seg.pairs) compact(pair, seg.ranges);
  seg.ranges = seg.ranges.slice();
  move(seg, cut.start);
  return seg;
}

// Sixteen items a parse: opening a 50,000-entry log took 0.98 of a bare parse with 16 and 1.10
// with 64 (medians of five fresh servers each, in turns): less of each batch's garbage outlives
// the young generation.
const BATCH = 16;
// An item's segment holds no top-level pairs: one empty list for all of them, not one each.
const NO_PAIRS: Pair<Node, Node | null>[] = Object.freeze([]) as unknown as Pair<Node, Node | null>[];

/**
 * Consecutive items of one list parsed together, split into one segment each; undefined when
 * the batch does not parse cleanly into exactly these items (they are then parsed one by one).
 */
function parseBatch(text: string, cuts: Cut[]): Segment[] | undefined {
  const from = cuts[0].start;
  const source = detached(text, from, cuts[cuts.length - 1].end);
  const doc = parseDocument(source, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false });
  // Anchors and aliases need `&` or `*`: text without either needs no walk for them.
  const mayAlias = source.includes('&') || source.includes('*');
  const c = doc.contents as Node | null;
  if (doc.errors.length || doc.warnings.length || !isSeq(c) || c.flow || c.items.length !== cuts.length) return undefined;
  const segs: Segment[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const item = c.items[i] as Node | null;
    const start = item?.range?.[0];
    if (start === undefined || start + from < cuts[i].start || start + from >= cuts[i].end || (mayAlias && hasAnchors(item))) return undefined;
    // The item's ranges are relative to the batch: that is, to its own cut at cut - batch start.
    const seg: Segment = { length: cuts[i].end - cuts[i].start, base: cuts[i].start - from, item, pairs: NO_PAIRS, ranges: [], clean: true };
    compact(item, seg.ranges);
    seg.ranges = seg.ranges.slice();
    move(seg, cuts[i].start);
    segs.push(seg);
  }
  return segs;
}

function hasAnchors(node: unknown): boolean {
  if (!node) return false;
  if (isAlias(node)) return true;
  if ((node as { anchor?: string }).anchor) return true;
  if (isPair(node)) return hasAnchors(node.key) || hasAnchors(node.value);
  if (isCollection(node)) return node.items.some((n) => hasAnchors(n));
  return false;
}

// Keys and short values repeat thousands of times in a long log (`kind`, `at`, `m1`, a
// handle); kept once each. Bounded, so a file of distinct words cannot grow it without end.
const SHORT = 24;
const interned = new Map<string, string>();
function intern(s: string): string {
  const hit = interned.get(s);
  if (hit !== undefined) return hit;
  const copy = own(s);
  if (interned.size < 4096) interned.set(copy, copy);
  return copy;
}

const LONE_SURROGATE = /[\uD800-\uDFFF]/;
/**
 * A string of its own. A longer substring is a view of its parent in V8: one scalar would keep
 * the whole text it was parsed from, two bytes a character as soon as one Korean letter is in
 * it. Copied through UTF-8, text without Korean is stored at one byte a character.
 */
function own(s: string): string {
  if (s.length < 13) return s; // V8 copies substrings this short anyway
  return LONE_SURROGATE.test(s) ? Buffer.from(s, 'utf16le').toString('utf16le') : Buffer.from(s, 'utf8').toString('utf8');
}

type Commented = { comment?: string | null; commentBefore?: string | null };
function ownComments(node: Commented): void {
  if (node.comment) node.comment = own(node.comment);
  if (node.commentBefore) node.commentBefore = own(node.commentBefore);
}

/**
 * Walks a freshly parsed segment's nodes: collects every range array (so that moving the
 * segment is one flat loop; walking the nodes instead made an edit of a 50,000-entry log
 * 13 ms slower); keeps repeated short strings once and gives longer ones their own copy, so
 * that the text the segment was parsed from can go; and trims the item arrays that yaml grew
 * by pushing (room for 17 where a map holds 5) to their length.
 */
function compact(node: unknown, ranges: [number, number, number][]): void {
  if (!node) return;
  if (isPair(node)) { compact(node.key, ranges); compact(node.value, ranges); return; }
  const r = (node as { range?: [number, number, number] | null }).range;
  if (r) ranges.push(r);
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string') {
      const s = v.length <= SHORT ? intern(v) : own(v);
      if (node.source === v) node.source = s;
      node.value = s;
    }
    if (typeof node.source === 'string' && node.source !== node.value) node.source = own(node.source);
    ownComments(node);
  } else if (isCollection(node)) {
    ownComments(node);
    const items = node.items as unknown[];
    for (const n of items) compact(n, ranges);
    if (items.length < 16) node.items = items.slice() as typeof node.items;
  }
}

function move(seg: Segment, base: number): void {
  const delta = base - seg.base;
  if (delta !== 0) for (const r of seg.ranges) { r[0] += delta; r[1] += delta; r[2] += delta; }
  seg.base = base;
}

/** Joins top-level pairs and list items into one root map; undefined if not exactly composable. */
function assemble(cuts: readonly Cut[], segs: readonly Segment[], text: string): YAMLMap | undefined {
  const length = text.length;
  const root = new YAMLMap();
  const keys = new Set<string>();
  let open: YAMLSeq | undefined;
  let n = 0;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (cuts[i].item) {
      if (!open) return undefined;
      open.items[n++] = seg.item;
      continue;
    }
    open = undefined;
    for (const pair of seg.pairs) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || keys.has(key)) return undefined;
      keys.add(key);
      root.items.push(pair);
    }
    if (cuts[i + 1]?.item) {
      const pair = seg.pairs[0];
      // A header composed before holds the list made then; what it parsed to is kept aside.
      const v = seg.header ? seg.header.value : pair?.value;
      if (seg.pairs.length !== 1 || (v != null && !(isScalar(v) && v.value === null))) return undefined;
      seg.header ??= { pair, value: v ?? null };
      const seq = new YAMLSeq();
      // Sized once: grown by pushes, a 50,000-item list left a megabyte of garbage per edit.
      let count = 0;
      while (cuts[i + 1 + count]?.item) count++;
      seq.items = new Array(count);
      n = 0;
      // The header's comment (`timeline: # ...`, and comment lines before the first item) goes
      // before the sequence, where a full parse puts it.
      if (v && isScalar(v) && v.comment) seq.commentBefore = v.comment;
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
      const first = (v.items[0] as Node | null)?.range;
      const last = (v.items[v.items.length - 1] as Node | null)?.range;
      // A block list starts at its first dash, as in a full parse, not at its first item's content.
      if (first && last) v.range = [dashBefore(text, first[0]) ?? first[0], last[1], last[2]];
    }
  }
  const firstRange = (root.items[0]?.key as Node | undefined)?.range;
  root.range = [firstRange ? firstRange[0] : 0, length, length];
  return root;
}
