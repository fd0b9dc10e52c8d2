// A keystroke that leaves one item of a long list with a YAML error (a quote not closed yet)
// was answered by a full parse: half a second at 10,000 entries, three at 50,000, on every pause
// while the entry stays half-typed. YAML is read from left to right, so everything before that
// item parses as it did. Only the text from the item on is parsed again, behind its list's own
// header line, which puts the parser in the state a full parse is in there; its nodes and errors
// are then moved to where they stand. Where that could differ from a full parse (the tail
// repeats a key from before it, or the list is no longer a list), undefined: parse it whole.
import { Document, isMap, isScalar, isSeq, parseDocument, visit, YAMLMap } from 'yaml';
import type { Node, Pair } from 'yaml';
import { dashBefore } from './segments';

/** A YAML error or warning at absolute offsets of the text. */
export interface RawProblem { pos: [number, number]; message: string; code: string }

export interface TailParse {
  doc: Document.Parsed;
  errors: RawProblem[];
  warnings: RawProblem[];
}

export interface TailInput {
  text: string;
  /** The top-level pairs before the list's header, as composed from unchanged segments. */
  before: Pair<Node, Node | null>[];
  /** The header pair (`timeline:`) and where its cut lies. */
  header: Pair<Node, Node | null>;
  headerStart: number;
  headerEnd: number;
  /** The list's items before the broken one, unchanged. */
  items: unknown[];
  /** Where the broken item's cut starts. */
  itemStart: number;
}

export function parseTail(input: TailInput): TailParse | undefined {
  const { text, before, header, headerStart, headerEnd, items, itemStart } = input;
  const head = text.slice(headerStart, headerEnd);
  const tail = parseDocument(head + text.slice(itemStart), { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false });
  const root = tail.contents;
  const delta = itemStart - head.length;
  if (!isMap(root)) return undefined;
  const pairs = root.items as Pair<Node, Node | null>[];
  const first = pairs[0];
  const list = first?.value;
  if (!first || !isScalar(first.key) || !isScalar(header.key) || first.key.value !== header.key.value || !isSeq(list)) return undefined;
  // Keys are checked across the whole map by a full parse: the segments before may hold a
  // duplicate themselves (a text that could not be composed either), or one of the tail's.
  const earlier = new Set<string>();
  for (const p of before) {
    if (!isScalar(p.key) || earlier.has(String(p.key.value))) return undefined;
    earlier.add(String(p.key.value));
  }
  if (earlier.has(String(header.key.value))) return undefined;
  if (pairs.some((p, i) => i > 0 && (!isScalar(p.key) || earlier.has(String(p.key.value))))) return undefined;
  const problems = [...tail.errors, ...tail.warnings];
  if (problems.some((e) => e.pos[0] < head.length)) return undefined;

  visit(tail, (_, node) => {
    const r = (node as { range?: [number, number, number] | null } | null)?.range;
    if (r) { r[0] += delta; r[1] += delta; r[2] += delta; }
  });
  first.key = header.key;
  // A block list starts at its first dash, as in assemble().
  const firstItem = (items[0] as Node | null | undefined)?.range?.[0];
  if (firstItem !== undefined && list.range) list.range[0] = dashBefore(text, firstItem) ?? firstItem;
  list.items = [...items, ...list.items];

  const composed = new YAMLMap();
  composed.items = [...before, ...pairs];
  const firstKey = (composed.items[0]?.key as Node | undefined)?.range;
  composed.range = [firstKey ? firstKey[0] : 0, text.length, text.length];
  const doc = new Document(null, { version: '1.2' }) as Document.Parsed;
  doc.contents = composed as unknown as Document.Parsed['contents'];
  doc.range = [0, text.length, text.length];
  const at = (e: { pos: [number, number]; message: string; code: string }): RawProblem => ({ pos: [e.pos[0] + delta, e.pos[1] + delta], message: e.message, code: e.code });
  return { doc, errors: tail.errors.map(at), warnings: tail.warnings.map(at) };
}
