// One parsed file: the text, its YAML document (nodes with exact ranges) and a line index. Everything else reads from this.
import { Document, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { SegmentCache } from './incremental';
import { LineIndex, Span } from './text';

export type FileKind = 'incident' | 'runbook' | 'config';

export interface YamlProblem { span: Span; message: string; code: string }

export interface SourceFile {
  fileName: string;
  kind: FileKind;
  text: string;
  lines: LineIndex;
  doc: Document.Parsed;
  /** Parse errors of the first document, plus one for each extra document. */
  yamlErrors: YamlProblem[];
  yamlWarnings: YamlProblem[];
}

const KIND_PATTERNS: [RegExp, FileKind][] = [
  [/\.incident\.ya?ml$/i, 'incident'],
  [/\.runbook\.ya?ml$/i, 'runbook'],
  [/(^|[\\/])\.incident-command\.ya?ml$/i, 'config'],
];

/** What a file is, by its name alone, whatever language id an editor gave it. */
export function fileKindOf(fileName: string): FileKind | undefined {
  for (const [re, kind] of KIND_PATTERNS) if (re.test(fileName)) return kind;
  return undefined;
}

/**
 * Parses a file. With a cache (one per open document), unchanged parts of the text are not
 * parsed again; the result is the same either way.
 */
export function parseSource(text: string, fileName: string, kind = fileKindOf(fileName) ?? 'incident', cache?: SegmentCache): SourceFile {
  const toProblem = (e: { pos: [number, number]; message: string; code: string }): YamlProblem => {
    // yaml can place an error at end-of-input + 1 (an unclosed quote at the end): clamp into the text.
    // An unclosed quote is found at the end of the file; the place to fix is where it opens.
    const opening = e.code === 'MISSING_CHAR' ? openingQuote(text, e.message, e.pos[0]) : undefined;
    if (opening !== undefined) return { span: [opening, opening + 1], message: firstLine(e.message), code: e.code };
    const s = Math.min(e.pos[0], text.length);
    const end = Math.min(e.pos[1], text.length);
    return { span: [s, Math.max(end, Math.min(s + 1, text.length))], message: firstLine(e.message), code: e.code };
  };
  const composed = cache?.compose(text);
  if (composed) {
    return { fileName, kind, text, lines: composed.lines, doc: composed.doc,
      yamlErrors: composed.errors?.map(toProblem) ?? [], yamlWarnings: composed.warnings?.map(toProblem) ?? [] };
  }
  // A BOM is not content; yaml skips it, and offsets stay those of the original string.
  const doc = parseDocument(text, { version: '1.2', schema: 'core', prettyErrors: false, uniqueKeys: true });
  const lines = new LineIndex(text);
  const yamlErrors = doc.errors.map(toProblem);
  const docEnd = doc.range?.[2] ?? text.length;
  const rest = text.slice(docEnd);
  if (/^\s*---/m.test(rest) || /^\s*\.\.\.\s*\S/m.test(rest)) {
    const start = docEnd + rest.search(/\S/);
    yamlErrors.push({ span: [start, Math.min(start + 3, text.length)], message: 'A log holds one YAML document; this one is ignored.', code: 'MULTIPLE_DOCS' });
  }
  return { fileName, kind, text, lines, doc, yamlErrors, yamlWarnings: doc.warnings.map(toProblem) };
}

/** The quote that opens the unclosed scalar ending at `end`: the last one not escaped inside it. */
function openingQuote(text: string, message: string, end: number): number | undefined {
  const q = /closing "quote/.test(message) ? '"' : /closing 'quote/.test(message) ? "'" : undefined;
  if (!q) return undefined;
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] !== q) continue;
    let run = 1;
    // `\"` in double quotes and `''` in single quotes are content, not the opening quote.
    if (q === '"') { let b = 0; while (text[i - 1 - b] === '\\') b++; if (b % 2 === 0) return i; continue; }
    while (text[i - run] === q) run++;
    if (run % 2 === 1) return i - run + 1;
    i -= run - 1;
  }
  return undefined;
}

function firstLine(s: string): string { return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''); }

// ---- small, total helpers over yaml nodes -------------------------------------------------

/**
 * The span of a node. It is the node's own range array (its first two numbers), not a copy:
 * when an edit earlier in the file shifts a reused segment, every span read from it moves
 * along, which is what lets the model and rule results of unchanged nodes be reused.
 */
export function spanOf(node: Node | null | undefined, fallback: Span = [0, 0]): Span {
  const r = node?.range;
  return r ? (r as unknown as Span) : fallback;
}

export function asMap(node: unknown): YAMLMap | undefined { return isMap(node) ? node : undefined; }
export function asSeq(node: unknown): YAMLSeq | undefined { return isSeq(node) ? node : undefined; }
export function asScalar(node: unknown): Scalar | undefined { return isScalar(node) ? node : undefined; }

export function keyName(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number' || typeof k.value === 'boolean')) return String(k.value);
  return undefined;
}

export function getPair(map: YAMLMap | undefined, key: string): Pair<Node, Node> | undefined {
  if (!map) return undefined;
  for (const item of map.items) if (isPair(item) && keyName(item) === key) return item as Pair<Node, Node>;
  return undefined;
}

export function pairsOf(map: YAMLMap | undefined): Pair<Node, Node>[] {
  return map ? (map.items.filter((p) => isPair(p)) as Pair<Node, Node>[]) : [];
}

/** The span of a key in a map, or of the map itself when the key is absent. */
export function keySpan(map: YAMLMap | undefined, key: string, fallback: Span): Span {
  const p = getPair(map, key);
  return p ? spanOf(p.key as Node, fallback) : fallback;
}

/** A scalar's value as text: strings as they are, numbers and booleans as written. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (node.value === null) return undefined;
  return node.source ?? String(node.value);
}

/** The span of a map's first key: where a reader looks for "this entry". */
export function headSpan(map: YAMLMap | undefined, fallback: Span): Span {
  const first = map ? pairsOf(map)[0] : undefined;
  return first ? spanOf(first.key as Node, fallback) : spanOf(map, fallback);
}

/**
 * Calls `fn` for every scalar below `node`, with the pair it is the key or value of. A plain
 * recursion: yaml's `visit` builds a path per node, which costs more than the checks on a long log.
 */
export function forEachScalar(node: unknown, fn: (scalar: Scalar, isKey: boolean, pair?: Pair) => void, pair?: Pair, isKey = false): void {
  if (!node) return;
  if (isScalar(node)) { fn(node, isKey, pair); return; }
  if (isPair(node)) {
    forEachScalar(node.key, fn, node, true);
    forEachScalar(node.value, fn, node, false);
    return;
  }
  if (isMap(node) || isSeq(node)) for (const item of node.items) forEachScalar(item, fn);
}
