// "Mark done now" and "Skip with reason": one text edit that writes `checklist.<id>` and
// leaves every other byte alone. A missing `checklist:` is added at the end of the log; a
// new record follows the style of the records already there (one flow map per line, or block
// maps), in the file's own indentation and line breaks. An existing record is replaced whole,
// keeping its `note` when it is marked done and, in a block record, the comments beside the keys it keeps.
import { CST, isMap, isScalar, Lexer } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import { asMap, getPair, keyName, pairsOf, parseSource, scalarText as readScalar, SourceFile } from '../source';
import { applyEdits, eolOf, TextEdit } from '../text';
import { afterColon, columnOf, detectIndent, editBlocker, EditResult, flowMapText, insertionAfter, scalarText } from './layout';
import { insertKeyLineIn, lastEnd } from './map';
import { entryTimestamp, timelineStyle } from './timeline';

export type ChecklistMark =
  | { done: string; by?: string; note?: string }
  | { skipped: string; by?: string };

/** A `done` mark for this moment, in the log's zone (else UTC) with its offset and seconds. */
export function doneNow(src: SourceFile, nowMs: number, by?: string): ChecklistMark {
  const zone = timelineStyle(src).zone ?? 'UTC';
  return { done: entryTimestamp(nowMs, zone, true), ...(by ? { by } : {}) };
}

export function recordChecklistItem(text: string, id: string, mark: ChecklistMark, fileName = 'file.incident.yaml'): EditResult {
  return recordChecklistItemIn(parseSource(text, fileName, 'incident'), id, mark);
}

// Stands in for a value that insertKeyLineIn would otherwise quote: the flow map is swapped in after.
const SENTINEL = 'ic-checklist-value-7f3a';

export function recordChecklistItemIn(src: SourceFile, id: string, mark: ChecklistMark): EditResult {
  const blocked = editBlocker(src);
  if (blocked) return { ok: false, problem: blocked };
  const root = src.doc.contents;
  if (root !== null && !isMap(root) && !(isScalar(root) && root.value === null)) return { ok: false, problem: 'not-a-map' };
  const section = getPair(asMap(root), 'checklist') as Pair<Node, Node | null> | undefined;
  const list = section ? asMap(section.value) : undefined;
  const existing = list ? (pairsOf(list).find((p) => keyName(p) === id) as Pair<Node, Node | null> | undefined) : undefined;
  const fields = markFields(mark, existing);

  if (existing) return replaceRecord(src, existing, fields);
  if (!section) {
    // `checklist:` goes at the end of the log, its records one flow map per line.
    return insertKeyLineIn(src, [], 'checklist', [`${scalarText(id)}: ${flowMapText(fields)}`]);
  }
  if (section.value !== null && !list && !(isScalar(section.value) && section.value.value === null)) {
    return { ok: false, problem: 'not-a-map' };
  }
  if (list && !list.flow && usesBlockRecords(list)) {
    const unit = detectIndent(src.doc, src.lines).map;
    return insertKeyLineIn(src, ['checklist'], id, fields.map(([k, v]) => `${k}: ${scalarText(v)}`), unit);
  }
  const r = insertKeyLineIn(src, ['checklist'], id, SENTINEL);
  if (!r.ok) return r;
  const flow = flowMapText(fields);
  const at = r.edit.newText.lastIndexOf(SENTINEL);
  const newText = r.edit.newText.slice(0, at) + flow + r.edit.newText.slice(at + SENTINEL.length);
  // The caret sat at the end of the value, which is where the sentinel ended.
  return { ok: true, edit: { span: r.edit.span, newText }, caret: r.caret + flow.length - SENTINEL.length };
}

/** The keys to write, in order: what the mark says, plus a done record's kept `note`. */
function markFields(mark: ChecklistMark, existing: Pair<Node, Node | null> | undefined): [string, string][] {
  const out: [string, string][] = 'done' in mark ? [['done', mark.done]] : [['skipped', mark.skipped]];
  if (mark.by) out.push(['by', mark.by]);
  if ('done' in mark) {
    const note = mark.note ?? readScalar(getPair(asMap(existing?.value), 'note')?.value);
    if (note) out.push(['note', note]);
  }
  return out;
}

/** Whether any record already there is a block map (then a new one is too). */
function usesBlockRecords(list: YAMLMap): boolean {
  return pairsOf(list).some((p) => isMap(p.value) && !p.value.flow);
}

function replaceRecord(src: SourceFile, pair: Pair<Node, Node | null>, fields: [string, string][]): EditResult {
  const { text } = src;
  const v = pair.value;
  if (isMap(v) && !v.flow && v.items.length > 0 && v.range) return rewriteBlockRecord(src, v, fields);
  const flow = flowMapText(fields);
  if (v?.range && !(isScalar(v) && v.value === null && !v.source)) {
    const span = [v.range[0], trimEnd(text, v.range[0], v.range[1])] as const;
    return { ok: true, edit: { span, newText: flow }, caret: span[0] + flow.length };
  }
  // `id:` with nothing after it: the flow map goes on the key's line.
  const colon = afterColon(text, pair.key?.range?.[1] ?? 0);
  return { ok: true, edit: { span: [colon, colon], newText: ` ${flow}` }, caret: colon + flow.length + 1 };
}

const MANAGED = new Set(['done', 'skipped', 'by', 'note']);

/**
 * A block record is changed key by key, so comments beside the keys it keeps stay: values
 * are replaced in place, keys the new mark does not have are removed with their lines (their
 * comments stay, as comment lines), and new keys follow the last kept one at its column. With
 * no key kept, the first one's line takes the new keys. The pieces are joined into one edit.
 */
function rewriteBlockRecord(src: SourceFile, map: YAMLMap, fields: [string, string][]): EditResult {
  const { text, lines } = src;
  const eol = eolOf(text);
  const want = new Map(fields);
  const edits: TextEdit[] = [];
  const pairs = pairsOf(map) as Pair<Node, Node | null>[];
  const dropped = pairs.filter((p) => !want.has(keyName(p) ?? '') && MANAGED.has(keyName(p) ?? ''));
  let lastKept: Pair<Node, Node | null> | undefined;
  for (const p of pairs) {
    const k = keyName(p) ?? '';
    if (dropped.includes(p)) continue;
    lastKept = p;
    if (!want.has(k)) continue;
    const value = scalarText(want.get(k)!);
    want.delete(k);
    const val = p.value;
    if (val?.range && !(isScalar(val) && val.value === null && !val.source)) {
      edits.push({ span: [val.range[0], trimEnd(text, val.range[0], val.range[1])], newText: value });
    } else {
      const colon = afterColon(text, p.key?.range?.[1] ?? 0);
      edits.push({ span: [colon, colon], newText: ` ${value}` });
    }
  }
  if (!lastKept) {
    // Nothing of the old record stays: the first key's text becomes the new record, a comment after it stays.
    const first = dropped.shift()!;
    const start = first.key!.range![0];
    const col = columnOf(lines, start);
    const newText = [...want].map(([k, val], i) => `${i ? ' '.repeat(col) : ''}${k}: ${scalarText(val)}`).join(eol);
    want.clear();
    edits.push({ span: [start, trimEnd(text, start, lastEnd(text, first))], newText });
  }
  for (const p of dropped) edits.push(removeKeepingComments(src, p, eol));
  if (want.size && lastKept) {
    const col = columnOf(lines, lastKept.key?.range?.[0] ?? 0);
    const { at, leadingBreak } = insertionAfter(text, lines, lastEnd(text, lastKept));
    const body = [...want].map(([k, val]) => `${' '.repeat(col)}${k}: ${scalarText(val)}`).join(eol);
    edits.push({ span: [at, at], newText: leadingBreak ? eol + body : body + eol });
  }
  const start = Math.min(...edits.map((e) => e.span[0]));
  const end = Math.max(...edits.map((e) => e.span[1]));
  const newText = applyEdits(text.slice(start, end), edits.map((e) => ({ span: [e.span[0] - start, e.span[1] - start] as const, newText: e.newText })));
  return { ok: true, edit: { span: [start, end], newText }, caret: start + newText.length };
}

/** Removes a pair's lines; the comments on them stay behind as comment lines at the key's column. */
function removeKeepingComments(src: SourceFile, p: Pair<Node, Node | null>, eol: string): TextEdit {
  const { text, lines } = src;
  const first = lines.position(p.key?.range?.[0] ?? 0).line;
  const last = lines.position(lastEnd(text, p)).line;
  const start = lines.lineStarts[first];
  const end = last + 1 < lines.lineCount ? lines.lineStarts[last + 1] : text.length;
  const pad = ' '.repeat(columnOf(lines, p.key?.range?.[0] ?? 0));
  const kept: string[] = [];
  for (const tok of new Lexer().lex(text.slice(start, end))) if (CST.tokenType(tok) === 'comment') kept.push(pad + tok);
  const tail = end === text.length && !/[\r\n]$/.test(text.slice(start, end)) ? '' : eol;
  return { span: [start, end], newText: kept.length ? kept.join(eol) + tail : '' };
}

/** A node's range may run over the spaces and line break after it; those are not the value's. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s]/.test(text[e - 1])) e--;
  return e;
}
