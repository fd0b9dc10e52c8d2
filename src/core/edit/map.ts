// "Add this key to that map" as one text edit that leaves every other byte alone: the
// new line goes after the map's last pair, at the column its keys already use.
import { isMap, isScalar } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import { keyName, parseSource, SourceFile } from '../source';
import { eolOf } from '../text';
import { afterColon, columnOf, detectIndent, editBlocker, EditResult, flowMapText, insertionAfter, nodeAt, scalarText } from './layout';

/**
 * A value for a new key: a string is written as one scalar on the key's line; a list of
 * lines becomes a nested block under the key (each line may carry its own extra indent).
 */
export type KeyValue = string | readonly string[];

/** Inserts `key: value` into the map at `path` (`[]` is the root map). */
export function insertKeyLine(text: string, path: readonly (string | number)[], key: string, value: KeyValue, fileName = 'file.incident.yaml'): EditResult {
  return insertKeyLineIn(parseSource(text, fileName), path, key, value);
}

/** `childIndent` overrides the file's map unit for nested lines (a list under the key wants the list offset). */
export function insertKeyLineIn(src: SourceFile, path: readonly (string | number)[], key: string, value: KeyValue, childIndent?: number): EditResult {
  const blocked = editBlocker(src);
  if (blocked) return { ok: false, problem: blocked };
  const { text, lines, doc } = src;
  const eol = eolOf(text);
  const detected = detectIndent(doc, lines);
  const indent = { ...detected, map: childIndent ?? detected.map };
  const target = nodeAt(doc, path);
  if (target === undefined && path.length) return { ok: false, problem: 'no-path' };
  const keyText = scalarText(key);
  const isEmptyRoot = path.length === 0 && (target === null || (isScalar(target) && target.value === null && !target.source));

  if (isMap(target) && target.items.some((p) => keyName(p as Pair) === key)) return { ok: false, problem: 'exists' };

  if (isMap(target) && target.flow) {
    if (typeof value !== 'string') return { ok: false, problem: 'flow-layout' };
    const close = (target.range?.[1] ?? 0) - 1;
    if (text[close] !== '}') return { ok: false, problem: 'flow-layout' };
    // `{}` becomes `{ key: value }`; `{ a: 1 }` becomes `{ a: 1, key: value }`.
    const body = text.slice(target.range![0] + 1, close);
    const newText = target.items.length === 0
      ? flowMapText([[key, value]])
      : `${body.replace(/[\s,]*$/, '')}, ${keyText}: ${scalarText(value)}${body.match(/\s*$/)?.[0] ?? ''}`;
    const span = target.items.length === 0 ? [target.range![0], close + 1] as const : [target.range![0] + 1, close] as const;
    return { ok: true, edit: { span, newText }, caret: span[0] + newText.length - (target.items.length === 0 ? 2 : 0) };
  }

  if (isMap(target) || isEmptyRoot) {
    const map = isMap(target) ? target : undefined;
    const col = map ? mapColumn(src, map, path) : 0;
    const block = blockLines(col, indent.map, keyText, value);
    if (!map || map.items.length === 0) {
      // An empty document: the new key starts the file's first content line.
      const at = text.length;
      const lead = at > 0 && text.charCodeAt(at - 1) !== 10 ? eol : '';
      const newText = lead + block.join(eol) + eol;
      return { ok: true, edit: { span: [at, at], newText }, caret: at + newText.length - eol.length };
    }
    const last = map.items[map.items.length - 1] as Pair<Node, Node | null>;
    const end = lastEnd(text, last);
    const { at, leadingBreak } = insertionAfter(text, lines, end);
    const body = block.join(eol);
    const newText = leadingBreak ? eol + body : body + eol;
    return { ok: true, edit: { span: [at, at], newText }, caret: at + (leadingBreak ? newText.length : body.length) };
  }

  // `key:` with nothing after it: the map is created under the key that holds it.
  if (target === null || (isScalar(target) && target.value === null)) {
    const parentPair = pairAt(src, path);
    if (!parentPair?.key || !(parentPair.key as Node).range) return { ok: false, problem: 'not-a-map' };
    const keyStart = (parentPair.key as Node).range![0];
    const col = columnOf(lines, keyStart) + detected.map;
    const colon = afterColon(text, (parentPair.key as Node).range![1]);
    // An empty value's range starts after the space; only a written `~`/`null` is removed.
    const valueEnd = target?.source && target.range ? target.range[1] : colon;
    const lineEnd = lines.lineEnd(lines.position(valueEnd).line);
    // An explicit `~` or `null` goes; a comment after it stays on the key's line.
    const rest = text.slice(valueEnd, lineEnd).replace(/^[ \t]+$/, '');
    const body = blockLines(col, indent.map, keyText, value).join(eol);
    const newText = rest + eol + body;
    return { ok: true, edit: { span: [colon, lineEnd], newText }, caret: colon + newText.length };
  }
  return { ok: false, problem: 'not-a-map' };
}

function blockLines(col: number, unit: number, keyText: string, value: KeyValue): string[] {
  const pad = ' '.repeat(col);
  if (typeof value === 'string') return [`${pad}${keyText}: ${scalarText(value)}`];
  return [`${pad}${keyText}:`, ...value.map((l) => ' '.repeat(col + unit) + l)];
}

/** Column of a block map's keys: its first key's column, or that of the `?` an explicit key follows. */
function mapColumn(src: SourceFile, map: YAMLMap, _path: readonly (string | number)[]): number {
  const first = map.items[0] as Pair<Node, Node> | undefined;
  let start = first?.key?.range?.[0] ?? map.range?.[0] ?? 0;
  // A key written after `? ` starts right of the map's column; the `?` stands at the column itself.
  let p = start - 1;
  while (p >= 0 && src.text.charCodeAt(p) === 32) p--;
  if (p >= 0 && src.text.charCodeAt(p) === 63) start = p;
  return columnOf(src.lines, start);
}

/** Where a pair's text ends: its value's end, or its key line's end when it has no value. */
export function lastEnd(text: string, pair: Pair<Node, Node | null>): number {
  const v = pair.value;
  if (v?.range && !(isScalar(v) && v.value === null && !v.source)) return v.range[1];
  const keyEnd = pair.key?.range?.[1] ?? 0;
  return afterColon(text, keyEnd);
}

function pairAt(src: SourceFile, path: readonly (string | number)[]): Pair<Node, Node | null> | undefined {
  if (path.length === 0) return undefined;
  const parent = nodeAt(src.doc, path.slice(0, -1));
  const k = path[path.length - 1];
  if (!isMap(parent) || typeof k !== 'string') return undefined;
  return parent.items.find((p) => keyName(p as Pair) === k) as Pair<Node, Node | null> | undefined;
}
