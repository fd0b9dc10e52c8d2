// Which checklist items a log owes at a given "now", and what made each one due. A pure
// function of the log, the config and now; the rule, the CLI, the tree view and the timer
// that re-publishes diagnostics all read this one result.
//
// Triggers read what is written (a window, an `end`, a `maintenance-end` entry, the status),
// since an `end` typed ahead is exactly the moment "before the end" prompts are for. Time
// only matters where the spec makes it matter: whether a window is open at now, the notice
// cadence, the announced end, and records, which count only once their `done` time has come.
import { activeWindow, computeClock, WindowClock } from '../clock';
import type { ChecklistItemDef, Config, LocalText } from '../config';
import { entryFacts, KIND } from '../model/entry-facts';
import { formatDurationShort } from '../time';
import type { ChecklistRecord, Entry, Incident, Window } from '../model/incident';
import { headSpan } from '../source';
import type { Span } from '../text';
import { checklistItems, ChecklistTrigger } from './items';

/**
 * `not-due`: its trigger has not fired (or, for cadence items, the next deadline is ahead);
 * `pending`: due and not recorded; `done` / `skipped`: a `checklist:` record that counts.
 */
export type ChecklistState = 'not-due' | 'pending' | 'done' | 'skipped';

/** What made an item due: the window or entry a diagnostic sits on. Plain JSON. */
export interface ChecklistCause {
  kind: 'window' | 'entry' | 'status';
  /** The key and value that triggered it (`start: ...`, `kind: maintenance-end`, `status: resolved`). */
  span: Span;
  /** Position in `maintenance:` or `timeline:`. */
  index?: number;
  /** The window's id, when the cause is (or belongs to) a window. */
  windowId?: string | null;
  /** `start`, `end`, `announced_end`, `kind`, `expected_end`, `status`. */
  field: string;
}

export interface ChecklistRecordView {
  /** The `done` text as written, and its instant when it reads as one. */
  done: string | null;
  doneMs: number | null;
  skipped: string | null;
  by: string | null;
  note: string | null;
  /** Whether this record settles the item at now (see the cadence items). */
  counts: boolean;
  /** The record's value and key in the log. */
  span: Span;
  keySpan: Span;
}

export interface ChecklistItemResult {
  id: string;
  trigger: ChecklistTrigger;
  builtIn: boolean;
  text: LocalText;
  state: ChecklistState;
  /** When it became (or, for `not-due` cadence items, becomes) due; null when no time applies. */
  dueAtMs: number | null;
  cause: ChecklistCause | null;
  /** For cadence items: the figures behind the state, for messages and hovers. */
  detail: LocalText | null;
  record: ChecklistRecordView | null;
}

export interface ChecklistResult {
  nowMs: number;
  items: ChecklistItemResult[];
  pending: number;
  /** `checklist:` keys that name no item in force: usually a typo, which leaves the item pending. */
  unknownRecords: { id: string; keySpan: Span }[];
}

type Due = { dueAtMs: number | null; cause: ChecklistCause; detail?: LocalText; window?: WindowClock };

const resultMemo = new WeakMap<Incident, { now: number; config: object; result: ChecklistResult }>();

/** Evaluated once per model, config and instant: the rule and the editor features share it. */
export function evaluateChecklist(incident: Incident, config: Pick<Config, 'checklists' | 'statusUpdateEveryMs'>, now: number): ChecklistResult {
  const hit = resultMemo.get(incident);
  if (hit && hit.now === now && hit.config === config) return hit.result;
  const result = evaluateChecklistUncached(incident, config, now);
  resultMemo.set(incident, { now, config, result });
  return result;
}

function evaluateChecklistUncached(incident: Incident, config: Pick<Config, 'checklists' | 'statusUpdateEveryMs'>, now: number): ChecklistResult {
  const defs = checklistItems(config);
  const clock = computeClock(incident, now, config);
  const open = activeWindow(clock);
  const openWindow = open ? incident.windows[open.index] : undefined;
  const triggers = {
    'maintenance-start': maintenanceStart(incident),
    'before-end': beforeEnd(incident),
    resolved: resolved(incident),
  };
  const severity = incident.severity?.value.toLowerCase();
  const items: ChecklistItemResult[] = [];
  for (const def of defs) {
    const sev = def.when?.severity;
    if (sev && !(severity && sev.some((s) => s.toLowerCase() === severity))) continue;
    const record = incident.checklist.get(def.id);
    items.push(def.trigger === 'open-window'
      ? openWindowItem(def, record, incident, open, openWindow, clock.communication.nextDueMs, config.statusUpdateEveryMs, now)
      : settle(def, triggers[def.trigger], record, now));
  }
  const known = new Set(defs.map((d) => d.id));
  const unknownRecords = [...incident.checklist.values()].filter((r) => !known.has(r.id)).map((r) => ({ id: r.id, keySpan: r.keySpan }));
  return { nowMs: now, items, pending: items.filter((i) => i.state === 'pending').length, unknownRecords };
}

/** An item whose record, once made, settles it for good (any `done` up to now, or a skip). */
function settle(def: ChecklistItemDef, due: Due | undefined, record: ChecklistRecord | undefined, now: number): ChecklistItemResult {
  const doneMs = record?.done?.time?.ms;
  // A `done` that does not read as a time still says it was done; the timestamp rules report it.
  const counts = !!record && (!!record.skipped || (!!record.done && (doneMs === undefined || doneMs <= now)));
  const state: ChecklistState = counts ? (record!.skipped ? 'skipped' : 'done') : due ? 'pending' : 'not-due';
  return result(def, state, due, record, counts);
}

function result(def: ChecklistItemDef, state: ChecklistState, due: Due | undefined, record: ChecklistRecord | undefined, counts: boolean, detail?: LocalText): ChecklistItemResult {
  return {
    id: def.id, trigger: def.trigger, builtIn: def.builtIn, text: def.text, state,
    dueAtMs: due?.dueAtMs ?? null, cause: due?.cause ?? null, detail: detail ?? due?.detail ?? null,
    record: record ? {
      done: record.done?.value ?? null, doneMs: record.done?.time?.ms ?? null, skipped: record.skipped?.value ?? null,
      by: record.by?.value ?? null, note: record.note?.value ?? null, counts, span: record.span, keySpan: record.keySpan,
    } : null,
  };
}

const fieldSpan = (f: { keySpan: Span; span: Span }): Span => [f.keySpan[0], f.span[1]];
const ms = (f: { time?: { ms: number } } | undefined): number | undefined => f?.time?.ms;
const earliest = <T>(xs: T[], at: (x: T) => number | undefined): T | undefined => {
  let best: T | undefined;
  for (const x of xs) {
    const a = at(x);
    if (best === undefined || (a !== undefined && (at(best) === undefined || a < at(best)!))) best = x;
  }
  return best;
};

function windowCause(w: Window, field: 'start' | 'end' | 'announced_end'): ChecklistCause {
  const f = field === 'start' ? w.start : field === 'end' ? w.end : w.announcedEnd;
  return { kind: 'window', span: f ? fieldSpan(f) : headSpan(w.node, w.span), index: w.index, windowId: w.id?.value ?? null, field };
}

function entryCause(e: Entry, field: 'kind' | 'expected_end'): ChecklistCause {
  const f = field === 'kind' ? e.kind : e.expectedEnd;
  return { kind: 'entry', span: f ? fieldSpan(f) : headSpan(e.node, e.span), index: e.index, windowId: e.window?.value ?? null, field };
}

/**
 * The earliest timeline entry of a kind (the first of them when none has a readable time), as
 * `earliest` would pick it; found in the entries' facts, so only that entry is read.
 */
function earliestOfKind(inc: Incident, code: number): Entry | undefined {
  const { atMs, kind } = entryFacts(inc, 'timeline');
  let best = -1;
  for (let i = 0; i < kind.length; i++) {
    if (kind[i] !== code) continue;
    const a = atMs[i];
    if (best < 0 || (a === a && (atMs[best] !== atMs[best] || a < atMs[best]))) best = i;
  }
  return best < 0 ? undefined : inc.timeline[best];
}

/** Any window, else a `maintenance-start` entry: anchored on the first window's `start`. */
function maintenanceStart(inc: Incident): Due | undefined {
  const w = earliest(inc.windows, (x) => ms(x.start));
  if (w) return { dueAtMs: ms(w.start) ?? null, cause: windowCause(w, 'start') };
  const e = earliestOfKind(inc, KIND.maintenanceStart);
  return e && { dueAtMs: ms(e.at) ?? null, cause: entryCause(e, 'kind') };
}

/** A `maintenance-end` entry, else a window's `end`: the moment traffic is about to return. */
function beforeEnd(inc: Incident): Due | undefined {
  const e = earliestOfKind(inc, KIND.maintenanceEnd);
  if (e) return { dueAtMs: ms(e.at) ?? null, cause: entryCause(e, 'kind') };
  const w = earliest(inc.windows.filter((x) => x.end), (x) => ms(x.end));
  return w && { dueAtMs: ms(w.end) ?? null, cause: windowCause(w, 'end') };
}

function resolved(inc: Incident): Due | undefined {
  const s = inc.status;
  if (s?.value !== 'resolved') return undefined;
  return { dueAtMs: null, cause: { kind: 'status', span: fieldSpan(s), field: 'status' } };
}

/**
 * Items that apply while a window is open. A `done` counts only from the moment the item
 * became due, so each cadence (and each new window) asks again; a skip holds for good.
 */
function openWindowItem(
  def: ChecklistItemDef, record: ChecklistRecord | undefined, inc: Incident, open: WindowClock | undefined,
  w: Window | undefined, nextNoticeMs: number | null, cadenceMs: number, now: number,
): ChecklistItemResult {
  if (record?.skipped) return result(def, 'skipped', undefined, record, true);
  if (!open || !w) return result(def, 'not-due', undefined, record, false);
  const doneMs = record?.done?.time?.ms;
  const countsFrom = (dueAt: number) => doneMs !== undefined && doneMs >= dueAt && doneMs <= now;

  if (def.builtIn && def.id === 'status-update' && nextNoticeMs !== null) {
    const last = lastCommunication(inc, open.startMs, now);
    const cause = last ? entryCause(last, 'kind') : windowCause(w, 'start');
    const since = now - (last ? ms(last.at)! : open.startMs);
    const every = formatDurationShort(cadenceMs);
    const detail = last
      ? { en: `last notice ${formatDurationShort(since)} ago; one is due every ${every}`, ko: `마지막 공지 후 ${formatDurationShort(since)} 지났습니다. 공지 주기는 ${every}입니다` }
      : { en: `no notice since the window opened ${formatDurationShort(since)} ago; one is due every ${every}`, ko: `점검 시작 후 ${formatDurationShort(since)} 동안 공지가 없습니다. 공지 주기는 ${every}입니다` };
    const due: Due = { dueAtMs: nextNoticeMs, cause, detail };
    if (now <= nextNoticeMs) return result(def, 'not-due', due, record, false);
    if (!countsFrom(nextNoticeMs)) return result(def, 'pending', due, record, false);
    // Recorded after it fell due: settled until one more cadence has passed since the record.
    const again = doneMs! + cadenceMs;
    return now > again ? result(def, 'pending', { ...due, dueAtMs: again }, record, false) : result(def, 'done', due, record, true);
  }

  if (def.builtIn && def.id === 'announced-end') {
    const told = lastExpectedEnd(inc, open.startMs, now);
    const deadline = told ? ms(told.expectedEnd) : ms(w.announcedEnd);
    if (deadline === undefined) return result(def, 'not-due', undefined, record, false);
    const cause = told ? entryCause(told, 'expected_end') : windowCause(w, 'announced_end');
    const detail = { en: `${formatDurationShort(Math.abs(now - deadline))} ${now > deadline ? 'past' : 'before'} the end users were told`, ko: `사용자에게 알린 종료 시각${now > deadline ? `에서 ${formatDurationShort(now - deadline)} 지났습니다` : `까지 ${formatDurationShort(deadline - now)} 남았습니다`}` };
    const due: Due = { dueAtMs: deadline, cause, detail };
    if (now <= deadline) return result(def, 'not-due', due, record, false);
    return countsFrom(deadline) ? result(def, 'done', due, record, true) : result(def, 'pending', due, record, false);
  }

  // A team's open-window item: once per window, from the window's start.
  const due: Due = { dueAtMs: open.startMs, cause: windowCause(w, 'start') };
  return countsFrom(open.startMs) ? result(def, 'done', due, record, true) : result(def, 'pending', due, record, false);
}

/** The latest `communication` at or before now, if it is inside the open window. */
function lastCommunication(inc: Incident, startMs: number, now: number): Entry | undefined {
  return lastNotice(inc, startMs, now, false);
}

/** The latest notice in the open window that told users a new `expected_end`. */
function lastExpectedEnd(inc: Incident, startMs: number, now: number): Entry | undefined {
  return lastNotice(inc, startMs, now, true);
}

/** The latest `communication` in [startMs, now] (the later in the file on a tie), from the entries' facts. */
function lastNotice(inc: Incident, startMs: number, now: number, withExpectedEnd: boolean): Entry | undefined {
  const { atMs, kind, expectedEndMs } = entryFacts(inc, 'timeline');
  let best = -1;
  for (let i = 0; i < kind.length; i++) {
    if (kind[i] !== KIND.communication) continue;
    const at = atMs[i];
    if (at !== at || at > now || at < startMs) continue;
    if (withExpectedEnd && expectedEndMs[i] !== expectedEndMs[i]) continue;
    if (best < 0 || at >= atMs[best]) best = i;
  }
  return best < 0 ? undefined : inc.timeline[best];
}
