// The maintenance clocks: a pure function of an incident log and a given "now". Every figure
// is a difference of two instants (timestamps parsed through the zone, or `now`), never a count
// of ticks, so it is right across midnight, DST changes and a laptop that slept for an hour.
//
// `now` is the moment the clock is read at, and the log is read as it stood then: an `end`
// or an entry later than `now` has not happened yet. With the real time that changes nothing;
// with `clock --at` it replays the clocks as the responders saw them at that moment.
//
// ClockState is plain JSON: the server sends it once and the client ticks locally from the
// windows' `startMs` / `announcedEndMs` with its own Date.now().
import type { Config, Lang } from './config';
import { formatDurationShort } from './time';
import { formatStopwatch } from './format/duration';
import { entryFacts, KIND } from './model/entry-facts';
import { Entry, incidentStartMs, Incident } from './model/incident';

export type WindowPhase = 'upcoming' | 'open' | 'closed';

export interface WindowClock {
  /** The window's `id`, or null when it has none. */
  id: string | null;
  /** Position in `maintenance:`. */
  index: number;
  title: string | null;
  /** `upcoming`: starts after now; `open`: started, no end yet (as of now); `closed`. */
  phase: WindowPhase;
  open: boolean;
  startMs: number;
  /** Null unless the window had closed by now. */
  endMs: number | null;
  announcedEndMs: number | null;
  /** From start to end, or to now while open; 0 before it starts. */
  elapsedMs: number;
  /** (end, or now) − announced end: negative while there is time left. Null without an announced end. */
  overrunMs: number | null;
}

export interface ClockMetrics {
  /** First `detection` − `impact.start`. */
  timeToDetectMs: number | null;
  /** First `mitigation` − first `detection`. */
  timeToMitigateMs: number | null;
  /** First `resolution` − first `detection`. */
  timeToResolveMs: number | null;
}

export interface ClockMarks {
  impactStartMs: number | null;
  firstDetectionMs: number | null;
  firstMitigationMs: number | null;
  firstResolutionMs: number | null;
}

export interface CommunicationClock {
  /** The config's `status_update_every`. */
  cadenceMs: number;
  /** The latest `communication` entry at or before now. */
  lastMs: number | null;
  sinceLastMs: number | null;
  /** While a window is open: the later of the last notice and the window's start, plus the cadence. */
  nextDueMs: number | null;
  /** How far past `nextDueMs` now is; 0 when not yet due; null with no open window. */
  overdueMs: number | null;
}

export interface ClockState {
  incident: string | null;
  status: string | null;
  /** The zone the file's wall clocks are read in, for display. */
  zone: string | null;
  nowMs: number;
  /** The incident's first entry: what `T+` counts from. */
  startMs: number | null;
  /** Windows with a readable `start`, in file order. */
  windows: WindowClock[];
  /** Sum of the windows' elapsed time. */
  totalMaintenanceMs: number;
  metrics: ClockMetrics;
  marks: ClockMarks;
  communication: CommunicationClock;
}

/** An entry reduced to what the clock needs; the client can build one without the model. */
export interface EntryPoint { atMs: number; window?: string | null }

export interface EntryClock {
  /** Since the incident's first entry; null when the log has no timed entry. */
  tPlusMs: number | null;
  /** The window the entry falls in, and how long that window had run by then. */
  window?: { id: string | null; index: number; elapsedMs: number };
}

type ClockConfig = Pick<Config, 'statusUpdateEveryMs'>;

// Within one analysis the rules, the checklist and the editor's clock ask for the same figures.
const clockMemo = new WeakMap<Incident, { now: number; cadence: number; state: ClockState }>();

export function computeClock(incident: Incident, now: number, config: ClockConfig): ClockState {
  const hit = clockMemo.get(incident);
  if (hit && hit.now === now && hit.cadence === config.statusUpdateEveryMs) return hit.state;
  const state = computeClockUncached(incident, now, config);
  clockMemo.set(incident, { now, cadence: config.statusUpdateEveryMs, state });
  return state;
}

function computeClockUncached(incident: Incident, now: number, config: ClockConfig): ClockState {
  const windows: WindowClock[] = [];
  for (const w of incident.windows) {
    const startMs = w.start?.time?.ms;
    if (startMs === undefined) continue;
    windows.push(windowClock(w.index, w.id?.value ?? null, w.title?.value ?? null, startMs, w.end?.time?.ms, w.announcedEnd?.time?.ms, now));
  }
  // One pass over the entries that have happened by now: first of each milestone kind, last notice.
  // It runs over the entries' facts, not the entries (see entry-facts.ts); decisions have no kind.
  let firstDetection: number | null = null;
  let firstMitigation: number | null = null;
  let firstResolution: number | null = null;
  let lastCommunication: number | null = null;
  const { atMs, kind } = entryFacts(incident, 'timeline');
  for (let i = 0; i < atMs.length; i++) {
    const k = kind[i];
    if (k === KIND.other) continue;
    const ms = atMs[i];
    if (ms !== ms || ms > now) continue;
    if (k === KIND.detection) { if (firstDetection === null || ms < firstDetection) firstDetection = ms; }
    else if (k === KIND.mitigation) { if (firstMitigation === null || ms < firstMitigation) firstMitigation = ms; }
    else if (k === KIND.resolution) { if (firstResolution === null || ms < firstResolution) firstResolution = ms; }
    else if (k === KIND.communication) { if (lastCommunication === null || ms > lastCommunication) lastCommunication = ms; }
  }
  const impactStart = incident.impact.start?.time?.ms;
  const marks: ClockMarks = {
    impactStartMs: impactStart !== undefined && impactStart <= now ? impactStart : null,
    firstDetectionMs: firstDetection,
    firstMitigationMs: firstMitigation,
    firstResolutionMs: firstResolution,
  };
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return {
    incident: incident.id?.value ?? null,
    status: incident.status?.value ?? null,
    zone: incident.zone ?? null,
    nowMs: now,
    startMs: incidentStartMs(incident) ?? null,
    windows,
    totalMaintenanceMs: windows.reduce((sum, w) => sum + w.elapsedMs, 0),
    metrics: {
      timeToDetectMs: diff(marks.firstDetectionMs, marks.impactStartMs),
      timeToMitigateMs: diff(marks.firstMitigationMs, marks.firstDetectionMs),
      timeToResolveMs: diff(marks.firstResolutionMs, marks.firstDetectionMs),
    },
    marks,
    communication: communicationClock(lastCommunication, windows, now, config.statusUpdateEveryMs),
  };
}

function windowClock(
  index: number, id: string | null, title: string | null, startMs: number,
  end: number | undefined, announcedEnd: number | undefined, now: number,
): WindowClock {
  const phase: WindowPhase = startMs > now ? 'upcoming' : end !== undefined && end <= now ? 'closed' : 'open';
  const endMs = phase === 'closed' ? end! : null;
  // An end before the start is a mistake the lint rules report; it must not subtract from the total.
  const elapsedMs = phase === 'upcoming' ? 0 : Math.max(0, (endMs ?? now) - startMs);
  const announcedEndMs = announcedEnd ?? null;
  return {
    id, index, title, phase, open: phase === 'open', startMs, endMs, announcedEndMs, elapsedMs,
    overrunMs: announcedEndMs === null ? null : (endMs ?? now) - announcedEndMs,
  };
}

function communicationClock(lastMs: number | null, windows: WindowClock[], now: number, cadenceMs: number): CommunicationClock {
  const open = activeWindow({ windows });
  // A notice sent before the window opened does not cover it: the cadence runs from the start.
  const nextDueMs = open ? Math.max(lastMs ?? -Infinity, open.startMs) + cadenceMs : null;
  return {
    cadenceMs, lastMs, sinceLastMs: lastMs === null ? null : now - lastMs, nextDueMs,
    overdueMs: nextDueMs === null ? null : Math.max(0, now - nextDueMs),
  };
}

/** The open window the clock shows: the latest-starting one (windows should not overlap, but logs are typed in a hurry). */
export function activeWindow(state: Pick<ClockState, 'windows'>): WindowClock | undefined {
  let best: WindowClock | undefined;
  for (const w of state.windows) if (w.open && (!best || w.startMs >= best.startMs)) best = w;
  return best;
}

/**
 * An entry's `T+` and, inside a window, the window's clock at that moment. Inside means
 * start ≤ at ≤ end (or no end yet). At a boundary shared by two windows, the window the entry
 * names wins, else the one that starts there. Undefined when the entry has no readable time.
 */
export function entryClock(state: ClockState, entry: Entry | EntryPoint): EntryClock | undefined {
  const point = toPoint(entry);
  if (!point) return undefined;
  const out: EntryClock = { tPlusMs: state.startMs === null ? null : point.atMs - state.startMs };
  let best: WindowClock | undefined;
  for (const w of state.windows) {
    if (point.atMs < w.startMs || (w.endMs !== null && point.atMs > w.endMs)) continue;
    const named = (x: WindowClock | undefined) => x !== undefined && x.id !== null && x.id === point.window;
    if (!best || (named(w) && !named(best)) || (named(w) === named(best) && w.startMs > best.startMs)) best = w;
  }
  if (best) out.window = { id: best.id, index: best.index, elapsedMs: point.atMs - best.startMs };
  return out;
}

function toPoint(entry: Entry | EntryPoint): EntryPoint | undefined {
  if ('atMs' in entry) return Number.isFinite(entry.atMs) ? entry : undefined;
  const ms = entry.at?.time?.ms;
  return ms === undefined ? undefined : { atMs: ms, window: entry.window?.value ?? null };
}

function windowLabel(w: { id: string | null; index: number }): string {
  return w.id ?? `#${w.index + 1}`;
}

/** The inlay after an entry's time: `T+1d 2h05m · m1 +16h05m`. */
export function formatTPlus(clock: EntryClock): string {
  const parts: string[] = [];
  if (clock.tPlusMs !== null) {
    parts.push(clock.tPlusMs < 0 ? `T-${formatDurationShort(-clock.tPlusMs)}` : `T+${formatDurationShort(clock.tPlusMs)}`);
  }
  if (clock.window) parts.push(`${windowLabel(clock.window)} +${formatDurationShort(clock.window.elapsedMs)}`);
  return parts.join(' · ');
}

/** Compact overrun for the status bar: `4h05m over` / `4h05m 초과`, `1h20m left` / `1h20m 남음`. */
function shortOverrun(overrunMs: number, lang: Lang): string {
  if (Math.abs(overrunMs) < 60000) return lang === 'ko' ? '예정 시각' : 'due now';
  const d = formatDurationShort(Math.abs(overrunMs));
  if (overrunMs > 0) return lang === 'ko' ? `${d} 초과` : `${d} over`;
  return lang === 'ko' ? `${d} 남음` : `${d} left`;
}

/**
 * The status bar text for a window at `nowMs`, recomputed from the window's instants so the
 * client can call it every second: `$(watch) m1 16:05:12 · 4h05m over`.
 */
export function formatStatusClock(
  window: Pick<WindowClock, 'id' | 'index' | 'startMs' | 'endMs' | 'announcedEndMs'>, nowMs: number, lang: Lang,
): string {
  const label = windowLabel(window);
  if (nowMs < window.startMs) {
    const d = formatDurationShort(window.startMs - nowMs);
    return lang === 'ko' ? `$(watch) ${label} ${d} 후 시작` : `$(watch) ${label} starts in ${d}`;
  }
  const closed = window.endMs !== null && window.endMs <= nowMs;
  const until = closed ? window.endMs! : nowMs;
  let text = `${closed ? '$(check)' : '$(watch)'} ${label} ${formatStopwatch(Math.max(0, until - window.startMs))}`;
  if (window.announcedEndMs !== null) text += ` · ${shortOverrun(until - window.announcedEndMs, lang)}`;
  return text;
}
