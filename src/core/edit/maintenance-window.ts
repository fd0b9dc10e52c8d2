// "Start Maintenance Window" and "End Maintenance Window": each writes two things, the window
// under `maintenance:` and its timeline entry, and the editor applies them as one undo step.
// Both pieces are built with the same helpers as "Log Entry Now" (same layout detection, same
// line breaks, every other byte kept), one after the other on the text the first produced;
// the pair is then handed back as one edit over the original text.
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { asMap, getPair, pairsOf, parseSource, scalarText as readScalar, SourceFile } from '../source';
import { eolOf, oneEdit, Span } from '../text';
import { parseTimestamp } from '../time';
import { afterColon, columnOf, detectIndent, editBlocker, EditProblem, flowMapText, insertionAfter, lastItemLayout, nodeAt, scalarText } from './layout';
import { insertKeyLineIn, lastEnd } from './map';
import { appendTimelineEntryIn, entryTimestamp, timelineStyle } from './timeline';

export { oneEdit };

export type WindowEditResult =
  | { ok: true; edit: { span: Span; newText: string } }
  | { ok: false; problem: EditProblem | 'no-window' | 'already-ended' };

export interface WindowInfo {
  /** Position in `maintenance:`. */
  index: number;
  id?: string;
  title?: string;
  /** The window has no `end` (or an empty one). */
  open: boolean;
}

function maintenanceSeq(src: SourceFile): YAMLSeq | undefined {
  const v = getPair(asMap(src.doc.contents), 'maintenance')?.value;
  return isSeq(v) ? v : undefined;
}

/** The windows of a log as written, open or not, in file order. */
export function listWindows(src: SourceFile): WindowInfo[] {
  const seq = maintenanceSeq(src);
  if (!seq) return [];
  return seq.items.flatMap((item, index) => {
    const m = asMap(item);
    if (!m) return [];
    return [{
      index, id: readScalar(getPair(m, 'id')?.value), title: readScalar(getPair(m, 'title')?.value),
      open: !readScalar(getPair(m, 'end')?.value),
    }];
  });
}

/** The next free `mN` id: one past the highest `m<number>` already used (m1 when none is). */
export function nextWindowId(src: SourceFile): string {
  const used = new Set(listWindows(src).map((w) => w.id));
  let n = 0;
  for (const id of used) {
    const m = /^m(\d+)$/.exec(id ?? '');
    if (m) n = Math.max(n, Number(m[1]));
  }
  while (used.has(`m${n + 1}`)) n++;
  return `m${n + 1}`;
}

/**
 * The announced end a person typed: a duration from now (`4h`, `90m`, `1h30m`), a wall
 * clock in the log's zone (`01:00`, the next time it reads that, so past midnight works), or a
 * full timestamp. Undefined when it is none of these or not after `nowMs`.
 */
export function parseAnnouncedEnd(input: string, nowMs: number, zone: string): number | undefined {
  const text = input.trim();
  if (!text) return undefined;
  const hm = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (hm && Number(hm[1]) < 24 && Number(hm[2]) < 60) {
    const day = entryTimestamp(nowMs, zone).slice(0, 10);
    const wall = `${hm[1].padStart(2, '0')}:${hm[2]}`;
    // Today's reading if still ahead, else tomorrow's (DST can move the day length, so re-read).
    for (let d = 0; d < 2; d++) {
      const date = d === 0 ? day : entryTimestamp(Date.parse(`${day}T12:00:00Z`) + 86400000, 'UTC').slice(0, 10);
      const r = parseTimestamp(`${date}T${wall}`, zone);
      if (r.ok && r.time.ms > nowMs) return r.time.ms;
    }
    return undefined;
  }
  const dur = /^\d/.test(text) && !/[-:T]/.test(text) ? parseDurationLoose(text) : undefined;
  if (dur !== undefined) return dur > 0 ? nowMs + dur : undefined;
  const r = parseTimestamp(text, zone);
  return r.ok && r.time.ms > nowMs ? r.time.ms : undefined;
}

function parseDurationLoose(text: string): number | undefined {
  const m = /^(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?$/i.exec(text);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  return ((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 60000;
}

export interface NewWindow {
  id: string;
  title?: string;
  /** Written as is, e.g. from `entryTimestamp`. */
  start: string;
  announcedEnd?: string;
  /** The `maintenance-start` entry's text. */
  entryText: string;
}

export function startMaintenanceWindow(text: string, w: NewWindow, fileName = 'file.incident.yaml'): WindowEditResult {
  return startMaintenanceWindowIn(parseSource(text, fileName, 'incident'), w);
}

/** Adds the window under `maintenance:` and a `maintenance-start` entry at its start. */
export function startMaintenanceWindowIn(src: SourceFile, w: NewWindow): WindowEditResult {
  if (listWindows(src).some((x) => x.id === w.id)) return { ok: false, problem: 'exists' };
  const fields: [string, string][] = [['id', w.id]];
  if (w.title) fields.push(['title', w.title]);
  fields.push(['start', w.start]);
  if (w.announcedEnd) fields.push(['announced_end', w.announcedEnd]);
  const first = addWindowItem(src, fields);
  if (!first.ok) return first;
  return thenTimeline(src, first.edit, { at: w.start, kind: 'maintenance-start', window: w.id, text: w.entryText });
}

export interface WindowEnd {
  /** Which window: its id, or its position in `maintenance:`. */
  window: string | number;
  end: string;
  /** The `maintenance-end` entry's text. */
  entryText: string;
}

export function endMaintenanceWindow(text: string, e: WindowEnd, fileName = 'file.incident.yaml'): WindowEditResult {
  return endMaintenanceWindowIn(parseSource(text, fileName, 'incident'), e);
}

/** Writes `end:` into the window and a `maintenance-end` entry at that time. */
export function endMaintenanceWindowIn(src: SourceFile, e: WindowEnd): WindowEditResult {
  const blocked = editBlocker(src);
  if (blocked) return { ok: false, problem: blocked };
  const info = listWindows(src).find((w) => (typeof e.window === 'number' ? w.index === e.window : w.id === e.window));
  if (!info) return { ok: false, problem: 'no-window' };
  if (!info.open) return { ok: false, problem: 'already-ended' };
  const map = maintenanceSeq(src)!.items[info.index] as YAMLMap;
  const first = writeEnd(src, map, info.index, e.end);
  if (!first.ok) return first;
  return thenTimeline(src, first.edit, { at: e.end, kind: 'maintenance-end', ...(info.id ? { window: info.id } : {}), text: e.entryText });
}

/** Where window `index` is in the file, for "reveal the window". */
export function windowSpan(src: SourceFile, index: number): Span | undefined {
  const node = nodeAt(src.doc, ['maintenance', index]);
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

type Piece = { ok: true; edit: { span: readonly [number, number]; newText: string } } | { ok: false; problem: EditProblem };

/** Applies the first piece, appends the entry to that text, and returns both as one edit on the original. */
function thenTimeline(src: SourceFile, first: { span: readonly [number, number]; newText: string }, entry: Parameters<typeof appendTimelineEntryIn>[1]): WindowEditResult {
  const { text } = src;
  const mid = text.slice(0, first.span[0]) + first.newText + text.slice(first.span[1]);
  const second = appendTimelineEntryIn(parseSource(mid, src.fileName, 'incident'), entry);
  if (!second.ok) return second;
  const final = mid.slice(0, second.edit.span[0]) + second.edit.newText + mid.slice(second.edit.span[1]);
  return { ok: true, edit: oneEdit(text, final) };
}

function addWindowItem(src: SourceFile, fields: [string, string][]): Piece {
  const blocked = editBlocker(src);
  if (blocked) return { ok: false, problem: blocked };
  const { text, lines, doc } = src;
  const root = doc.contents;
  if (root !== null && !isMap(root) && !(isScalar(root) && root.value === null)) return { ok: false, problem: 'not-a-map' };
  if (isMap(root) && root.flow) return { ok: false, problem: 'flow-layout' };
  const eol = eolOf(text);
  const indent = detectIndent(doc, lines);
  const pair = getPair(asMap(root), 'maintenance') as Pair<Node, Node | null> | undefined;
  const item = (dashCol: number, gap: number): string[] => fields.map(([k, v], i) =>
    `${i === 0 ? `${' '.repeat(dashCol)}-${' '.repeat(Math.max(1, gap - 1))}` : ' '.repeat(dashCol + Math.max(2, gap))}${k}: ${scalarText(v)}`);

  if (!pair) return newSection(src, item(0, indent.item), indent.seq);
  const keyCol = columnOf(lines, pair.key?.range?.[0] ?? 0);
  const value = pair.value;
  if (isSeq(value) && !value.flow && value.items.length > 0) {
    const { last, dashCol, gap } = lastItemLayout(value, keyCol, indent, lines);
    const body = isMap(last) && last.flow ? [`${' '.repeat(dashCol)}- ${flowMapText(fields)}`] : item(dashCol, gap);
    const { at, leadingBreak } = insertionAfter(text, lines, last.range?.[1] ?? value.range?.[1] ?? text.length);
    const joined = body.join(eol);
    return { ok: true, edit: { span: [at, at], newText: leadingBreak ? eol + joined : joined + eol } };
  }
  if (isSeq(value) && value.flow) {
    const close = (value.range?.[1] ?? 0) - 1;
    if (text[close] !== ']') return { ok: false, problem: 'flow-layout' };
    const inner = text.slice(value.range![0] + 1, close);
    const trimmed = inner.replace(/[\s,]*$/, '');
    const newText = `${trimmed}${trimmed.trim() ? ', ' : ''}${flowMapText(fields)}${inner.slice(inner.trimEnd().length)}`;
    return { ok: true, edit: { span: [value.range![0] + 1, close], newText } };
  }
  if (value === null || (isScalar(value) && value.value === null)) {
    // `maintenance:` with nothing (or `~`) after it: the list goes under the key.
    const colon = afterColon(text, pair.key?.range?.[1] ?? 0);
    const written = isScalar(value) && value.source ? value.range?.[1] ?? colon : colon;
    const lineEnd = lines.lineEnd(lines.position(Math.max(written, colon)).line);
    const rest = text.slice(Math.max(written, colon), lineEnd).replace(/^[ \t]+$/, '');
    return { ok: true, edit: { span: [colon, lineEnd], newText: rest + eol + item(keyCol + indent.seq, indent.item).join(eol) } };
  }
  return { ok: false, problem: 'not-a-list' };
}

/**
 * A log without `maintenance:` gets it right before `timeline:` (and before the comment lines
 * that head the timeline), where the format's examples keep it; without a timeline, at the end.
 */
function newSection(src: SourceFile, itemLines: string[], seqIndent: number): Piece {
  const { text, lines } = src;
  const eol = eolOf(text);
  const timeline = getPair(asMap(src.doc.contents), 'timeline');
  const keyStart = timeline?.key && (timeline.key as Node).range?.[0];
  if (keyStart === undefined || keyStart === null || columnOf(lines, keyStart) !== 0) {
    return insertKeyLineIn(src, [], 'maintenance', itemLines, seqIndent);
  }
  let line = lines.position(keyStart).line;
  while (line > 0 && /^#/.test(lines.lineText(line - 1))) line--;
  const blankAbove = line > 0 && lines.lineText(line - 1).trim() === '';
  const body = ['maintenance:', ...itemLines.map((l) => ' '.repeat(seqIndent) + l)].join(eol) + eol + (blankAbove ? eol : '');
  const at = lines.lineStarts[line];
  return { ok: true, edit: { span: [at, at], newText: body } };
}

/** `end:` after the window's `announced_end` (else `start`, else its last key), at that key's column. */
function writeEnd(src: SourceFile, map: YAMLMap, index: number, end: string): Piece {
  const { text, lines } = src;
  const existing = getPair(map, 'end') as Pair<Node, Node | null> | undefined;
  if (existing) {
    // `end:` written but empty: the value goes on the key's line, a comment after it stays.
    const colon = afterColon(text, existing.key?.range?.[1] ?? 0);
    const v = existing.value;
    const span: Span = isScalar(v) && v.source && v.range ? [v.range[0], v.range[1]] : [colon, colon];
    return { ok: true, edit: { span, newText: span[0] === colon ? ` ${scalarText(end)}` : scalarText(end) } };
  }
  if (map.flow) return insertKeyLineIn(src, ['maintenance', index], 'end', end);
  const pairs = pairsOf(map) as Pair<Node, Node | null>[];
  const after = getPair(map, 'announced_end') ?? getPair(map, 'start') ?? pairs[pairs.length - 1];
  if (!after?.key?.range) return insertKeyLineIn(src, ['maintenance', index], 'end', end);
  const col = columnOf(lines, after.key.range[0]);
  const { at, leadingBreak } = insertionAfter(text, lines, lastEnd(text, after as Pair<Node, Node | null>));
  const line = `${' '.repeat(col)}end: ${scalarText(end)}`;
  const eol = eolOf(text);
  return { ok: true, edit: { span: [at, at], newText: leadingBreak ? eol + line : line + eol } };
}

/** The start and end timestamps for now, in the log's zone and `at` style. */
export function windowTimestamp(src: SourceFile, nowMs: number, fallbackZone: string): string {
  const style = timelineStyle(src);
  return entryTimestamp(nowMs, style.zone ?? fallbackZone, style.seconds);
}

/** The entry text the commands write, in the log's language: "m1 점검을 시작합니다 (…)." / "Maintenance m1 begins: …". */
export function windowEntryText(kind: 'maintenance-start' | 'maintenance-end', id: string, title: string | undefined, lang: 'en' | 'ko'): string {
  if (lang === 'ko') {
    const ko = kind === 'maintenance-start' ? `${id} 점검을 시작합니다` : `${id} 점검을 마쳤습니다`;
    return title ? `${ko} (${title}).` : `${ko}.`;
  }
  const tail = title ? `: ${title}` : '.';
  return kind === 'maintenance-start' ? `Maintenance ${id} begins${tail}` : `Maintenance ${id} ends${tail}`;
}
