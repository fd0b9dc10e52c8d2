// From parsed messages to timeline entries for one log: times read in the incident's zone and
// written in the style its timeline already uses, senders matched to roster handles, a kind
// guessed from the words of the message. The person reviews all of it before it is inserted.
import type { Entry, Incident, Person } from '../model/incident';
import { formatInZone, isValidZone, parseTimestamp } from '../time';
import type { ChatMessage } from './types';

export type EntryKind = 'note' | 'communication' | 'decision' | 'observation';

/**
 * The documented guess (docs/chat-import.md), first match wins:
 * 1. a notice marker at the start (`[공지]`, `공지:`, `[notice]`, `notice:`) → communication;
 * 2. 결정 / 하기로 했 / decided / decision → decision (the linter then asks for `why`);
 * 3. 공지 / 안내 / notice / announce → communication;
 * 4. 원인 / cause → observation;
 * 5. anything else → note.
 */
export function guessKind(text: string): EntryKind {
  const t = text.toLowerCase();
  if (/^\s*(\[\s*(공지|notice)\s*\]|(공지|notice)\s*:)/.test(t)) return 'communication';
  if (/결정|하기로\s*(했|함|합니다|하였)|\bdecided\b|\bdecision\b/.test(t)) return 'decision';
  if (/공지|안내|\bnotice\b|\bannounce/.test(t)) return 'communication';
  if (/원인|\bcause[sd]?\b|\broot cause\b/.test(t)) return 'observation';
  return 'note';
}

const norm = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
const bare = (s: string): string => norm(s).replace(/^@/, '').replace(/\s*(님|씨)$/, '').replace(/\s*[([].*[)\]]$/, '').trim();

/** The roster handle a chat name stands for: a handle, a name, or a name with `님` or a `(team)` after it. */
export function matchSender(sender: string, people: ReadonlyMap<string, Pick<Person, 'name'>>): string | undefined {
  const s = bare(sender);
  if (!s) return undefined;
  for (const handle of people.keys()) if (norm(handle) === s) return handle;
  const byName = [...people].filter(([, p]) => p.name && bare(p.name) === s).map(([h]) => h);
  return byName.length === 1 ? byName[0] : undefined;
}

export interface PlannedEntry {
  /** The instant the written `at` reads as (to the minute unless the log writes seconds). */
  ms: number;
  at: string;
  kind: EntryKind;
  window?: string;
  by?: string;
  text: string;
  sender: string;
  /** Position in the message list, to keep chat order among equal times. */
  order: number;
}

export interface PlanOptions {
  /** The zone wall clocks are read in and instants are written in. */
  zone: string;
  /** Chat name → handle chosen by the person; `null` keeps the name in the text instead. */
  senders?: ReadonlyMap<string, string | null>;
  /** Overrides the guess for every entry. */
  kind?: EntryKind;
}

export interface Plan {
  entries: PlannedEntry[];
  /** Senders with no handle: neither in the roster nor in `senders`. Their names stay in the text. */
  unknownSenders: string[];
  /** Messages dropped: no date, or a wall clock that does not read in the zone. */
  dropped: { message: ChatMessage; reason: 'no-date' | 'bad-time' }[];
}

/** How the log writes `at`: with an offset or not, with seconds or not. */
export function atStyle(incident: Incident | undefined): { offset: boolean; seconds: boolean } {
  const last = [...(incident?.timeline ?? [])].reverse().find((e) => e.at);
  const value = last?.at?.value ?? '';
  return {
    offset: /(Z|[+-]\d{2}(:?\d{2})?)$/.test(value.trim()) || !incident?.zone,
    seconds: /T?\d{2}:\d{2}:\d{2}/.test(value),
  };
}

/** The messages as entries, sorted by time (chat order among equal times). */
export function planEntries(messages: readonly ChatMessage[], incident: Incident | undefined, options: PlanOptions): Plan {
  const zone = isValidZone(options.zone) ? options.zone : 'UTC';
  const style = atStyle(incident);
  const pattern = `yyyy-MM-dd'T'HH:mm${style.seconds ? ':ss' : ''}${style.offset ? 'XXX' : ''}`;
  const people = incident?.people ?? new Map<string, Person>();
  const unknown = new Set<string>();
  const dropped: Plan['dropped'] = [];
  const entries: PlannedEntry[] = [];
  messages.forEach((m, order) => {
    let ms = m.ms;
    if (ms === undefined) {
      if (!m.local) { dropped.push({ message: m, reason: 'no-date' }); return; }
      const r = parseTimestamp(m.local, zone);
      if (!r.ok) { dropped.push({ message: m, reason: 'bad-time' }); return; }
      ms = r.time.ms;
    }
    const at = formatInZone(ms, zone, pattern);
    const written = parseTimestamp(at, zone);
    const chosen = options.senders?.get(m.sender);
    const by = chosen === null ? undefined : chosen ?? (m.sender ? matchSender(m.sender, people) : undefined);
    if (!by && m.sender && chosen !== null) unknown.add(m.sender);
    entries.push({
      ms: written.ok ? written.time.ms : ms, at, kind: options.kind ?? guessKind(m.text),
      window: incident ? windowAt(incident, ms) : undefined, by,
      text: by || !m.sender ? m.text : `${m.sender}: ${m.text}`, sender: m.sender, order,
    });
  });
  entries.sort((a, b) => a.ms - b.ms || a.order - b.order);
  return { entries, unknownSenders: [...unknown], dropped };
}

/** The id of the window an instant falls in (start ≤ at ≤ end, or still open); the latest-starting one if several. */
export function windowAt(incident: Incident, ms: number): string | undefined {
  let best: { id: string; start: number } | undefined;
  for (const w of incident.windows) {
    const start = w.start?.time?.ms;
    const end = w.end?.time?.ms;
    if (!w.id || start === undefined || ms < start || (w.end && end === undefined) || (end !== undefined && ms > end)) continue;
    if (!best || start > best.start) best = { id: w.id.value, start };
  }
  return best?.id;
}

/** The date (`YYYY-MM-DD`, in the zone) of the log's latest entry: the default day for undated chat lines. */
export function lastEntryDate(incident: Incident, zone: string): string | undefined {
  let last: Entry | undefined;
  for (const e of incident.timeline) {
    const ms = e.at?.time?.ms;
    if (ms !== undefined && (!last || ms >= last.at!.time!.ms)) last = e;
  }
  return last ? formatInZone(last.at!.time!.ms, isValidZone(zone) ? zone : 'UTC', 'yyyy-MM-dd') : undefined;
}
