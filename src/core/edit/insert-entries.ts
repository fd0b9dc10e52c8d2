// Entries from elsewhere (a pasted chat) inserted into `timeline:` at their times: each goes
// before the first existing entry that is later than it (above that entry's own comment
// lines), else after the last one. Text edits only: every byte already in the file stays,
// comments included, and new lines use the file's indentation and line breaks.
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import type { Node, Pair } from 'yaml';
import { readIncident } from '../model/incident';
import { defaultConfig } from '../config';
import type { Config } from '../config';
import { asMap, getPair, parseSource, SourceFile } from '../source';
import { eolOf, oneEdit, TextEdit } from '../text';
import { appendTimelineEntryIn, NewEntry } from './timeline';
import { columnOf, dashOffset, detectIndent, editBlocker, EditProblem, insertionAfter } from './layout';

export interface InsertEntry {
  /** The instant `at` reads as, which decides the position. */
  ms: number;
  at: string;
  kind: string;
  window?: string;
  by?: string;
  text: string;
}

export type InsertResult = { ok: true; edits: TextEdit[]; text: string } | { ok: false; problem: EditProblem };

/**
 * A value for `key: value` on one line, or a block scalar for text with line breaks, with its
 * continuation lines indented under the key. The yaml package decides the quoting.
 */
export function valueText(value: string, contIndent: string, eol: string): string {
  if (!/[\n\r]/.test(value)) {
    const one = stringify(value, { lineWidth: 0, version: '1.2' }).replace(/\n$/, '');
    if (!one.includes('\n')) return one;
  }
  // Nested under a key, the yaml package indents block content by two (adding an indentation
  // indicator when the text starts with spaces); that indent becomes the key's column plus two.
  const nested = stringify({ t: value }, { lineWidth: 0, version: '1.2', blockQuote: 'literal' }).replace(/\n$/, '');
  const [head, ...rest] = nested.replace(/^t: /, '').split('\n');
  const block = [head, ...rest.map((l) => (l === '' ? '' : contIndent + l.replace(/^ {2}/, '')))].join(eol);
  if (/^[|>]/.test(head) && readsBack(block, value, contIndent)) return block;
  return JSON.stringify(value);
}

/** Whether `text: <block>` at this indentation reads back as the value. */
function readsBack(block: string, value: string, contIndent: string): boolean {
  const key = ' '.repeat(Math.max(0, contIndent.length - 2));
  const doc = parseDocument(`${key}text: ${block}\n`, { version: '1.2' });
  return doc.errors.length === 0 && doc.get('text') === value;
}

function entryLines(e: InsertEntry, dashCol: number, keyGap: number, eol: string): string[] {
  const fields: [string, string][] = [['at', e.at], ['kind', e.kind]];
  if (e.window) fields.push(['window', e.window]);
  if (e.by) fields.push(['by', e.by]);
  fields.push(['text', e.text]);
  const keyCol = dashCol + Math.max(1, keyGap);
  return fields.map(([k, v], i) => {
    const lead = i === 0 ? `${' '.repeat(dashCol)}-${' '.repeat(Math.max(1, keyGap - 1))}` : ' '.repeat(keyCol);
    return `${lead}${k}: ${valueText(v, ' '.repeat(keyCol + 2), eol)}`;
  });
}

/** Inserts the entries; `config` only supplies the zone for logs without their own `timezone:`. */
export function insertEntries(text: string, entries: readonly InsertEntry[], fileName = 'file.incident.yaml', config: Config = defaultConfig()): InsertResult {
  return insertEntriesIn(parseSource(text, fileName, 'incident'), entries, config);
}

export function insertEntriesIn(src: SourceFile, entries: readonly InsertEntry[], config: Config = defaultConfig()): InsertResult {
  const blocked = editBlocker(src);
  if (blocked) return { ok: false, problem: blocked };
  const sorted = entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.ms - b.e.ms || a.i - b.i).map((x) => x.e);
  if (!sorted.length) return { ok: true, edits: [], text: src.text };
  const eol = eolOf(src.text);
  const seq = getPair(asMap(src.doc.contents), 'timeline')?.value;
  const result = isSeq(seq) && !seq.flow && seq.items.length > 0 && seq.items.every((n) => isMap(n) && !n.flow)
    ? intoBlockList(src, sorted, config, eol)
    : appendEach(src, sorted);
  if (!result.ok) return result;
  const out = result.text;
  // A check, not a hope: the new file must parse and read every inserted text back as given.
  const back = parseDocument(out, { version: '1.2' });
  if (back.errors.length) return { ok: false, problem: 'yaml-errors' };
  let texts: Set<unknown>;
  try {
    const tl = (back.toJS() as { timeline?: unknown } | null)?.timeline;
    texts = new Set(Array.isArray(tl) ? tl.map((x) => (x as { text?: unknown } | null)?.text) : []);
  } catch { return { ok: false, problem: 'yaml-errors' }; }
  if (!sorted.every((e) => texts.has(e.text))) return { ok: false, problem: 'yaml-errors' };
  return result;
}

/** The usual case: a block list of block maps. One insertion per gap between existing entries. */
function intoBlockList(src: SourceFile, sorted: InsertEntry[], config: Config, eol: string): InsertResult {
  const { text, lines, doc } = src;
  const incident = readIncident(src, config);
  const pair = getPair(asMap(doc.contents), 'timeline') as Pair<Node, Node>;
  const seq = pair.value as unknown as { items: Node[] } & Parameters<typeof dashOffset>[0];
  const indent = detectIndent(doc, lines);
  const dashes = seq.items.map((_, i) => dashOffset(seq, i, text));
  if (dashes.some((d) => d === undefined)) return appendEach(src, sorted);
  const dashCol = columnOf(lines, dashes[0]!);
  const first = seq.items[0];
  const keyGap = first.range && lines.position(first.range[0]).line === lines.position(dashes[0]!).line
    ? columnOf(lines, first.range[0]) - dashCol : indent.item;
  // Existing entries' instants by list position; an entry whose time does not read never decides a position.
  const times = new Map<number, number>();
  for (const e of incident.timeline) if (e.at?.time) times.set(e.index, e.at.time.ms);

  const groups = new Map<number, InsertEntry[]>();
  for (const e of sorted) {
    let k = seq.items.findIndex((_, i) => (times.get(i) ?? -Infinity) > e.ms);
    if (k < 0) k = seq.items.length;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  const edits: TextEdit[] = [];
  for (const [k, group] of groups) {
    const body = group.flatMap((e) => entryLines(e, dashCol, keyGap, eol)).join(eol);
    if (k < seq.items.length) {
      const at = lineStartAboveComments(src, dashes[k]!, dashCol);
      edits.push({ span: [at, at], newText: body + eol });
    } else {
      const last = seq.items[seq.items.length - 1];
      const { at, leadingBreak } = insertionAfter(text, lines, last.range?.[1] ?? text.length);
      edits.push({ span: [at, at], newText: leadingBreak ? eol + body : body + eol });
    }
  }
  const sortedEdits = edits.sort((a, b) => b.span[0] - a.span[0]);
  let out = text;
  for (const e of sortedEdits) out = out.slice(0, e.span[0]) + e.newText + out.slice(e.span[1]);
  return { ok: true, edits: sortedEdits.reverse(), text: out };
}

/** The start of the first of the comment lines directly above a dash (comments above an entry belong to it). */
function lineStartAboveComments(src: SourceFile, dash: number, dashCol: number): number {
  const { lines } = src;
  let line = lines.position(dash).line;
  while (line > 0) {
    const prev = lines.lineText(line - 1);
    const trimmed = prev.trimStart();
    if (!trimmed.startsWith('#') || prev.length - trimmed.length > dashCol) break;
    line--;
  }
  return lines.lineStarts[line];
}


/** Any other shape (no timeline, `timeline: []`, a flow list): one append per entry, in time order. */
function appendEach(src: SourceFile, sorted: InsertEntry[]): InsertResult {
  let cur = src;
  for (const e of sorted) {
    const extra: [string, string][] = e.by ? [['by', e.by]] : [];
    const entry: NewEntry = { at: e.at, kind: e.kind, text: e.text, window: e.window, extra };
    const r = appendTimelineEntryIn(cur, entry);
    if (!r.ok) return r;
    const next = cur.text.slice(0, r.edit.span[0]) + r.edit.newText + cur.text.slice(r.edit.span[1]);
    cur = parseSource(next, src.fileName, 'incident');
  }
  return { ok: true, edits: [oneEdit(src.text, cur.text)], text: cur.text };
}
