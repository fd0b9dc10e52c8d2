// Everything the postmortem says that is not a verbatim field of the log: the clocks, each
// entry's place in the story, how the announced end moved. Computed once, read by every section.
//
// "Now" is the log's own last instant, never the machine's clock: an open window is told
// "as of the last entry", so the same log always gives the same postmortem.
import { computeClock, entryClock, ClockState, WindowClock } from '../clock';
import type { Config, Lang } from '../config';
import { formatDuration, formatWallClock, formatWallDate, formatWallTime, wallDayKey } from '../format';
import { allEntries, Entry, Incident, Window } from '../model/incident';
import { oneLine } from './doc';
import { Strings, stringsFor } from './strings';

export interface PmEntry {
  entry: Entry;
  /** File order among timeline and decisions, for a stable sort. */
  order: number;
  ms: number | null;
  kind: string;
  text: string | null;
  /** The `by` handle as the roster names it. */
  by: string | null;
  tPlusMs: number | null;
  window: WindowFacts | null;
  windowElapsedMs: number | null;
}

export interface ExpectedEnd { atMs: number | null; endMs: number }

export interface WindowFacts {
  /** 0-based position in time order. */
  n: number;
  w: Window;
  clock: WindowClock;
  /** "1차 점검" / "Maintenance 1". */
  short: string;
  /** The window's title, or `short` when it has none. */
  label: string;
  entries: PmEntry[];
  /** The announced end, then each different `expected_end` a notice in the window gave. */
  expectedEnds: ExpectedEnd[];
  notices: PmEntry[];
  /** Longest time without a notice while the window was open. */
  silence: { fromMs: number; toMs: number } | null;
}

export type SegmentKind = 'background' | 'signs' | 'window' | 'interlude' | 'response';
export interface Segment { kind: SegmentKind; window?: WindowFacts; after?: WindowFacts; before?: WindowFacts; entries: PmEntry[] }

export interface Facts {
  incident: Incident;
  config: Config;
  lang: Lang;
  t: Strings;
  zone: string;
  asOfMs: number;
  clock: ClockState;
  /** Timed entries in time order, then the ones without a readable time in file order. */
  entries: PmEntry[];
  windows: WindowFacts[];
  decisions: PmEntry[];
  byId: Map<string, PmEntry>;
  segments: Segment[];
  impactStartMs: number | null;
  impactEndMs: number | null;
  name(handle: string | undefined): string | null;
  when(ms: number, options?: { year?: boolean }): string;
  /** Time only when `ms` falls on the same day as `prevMs`, else date and time. */
  whenAfter(ms: number, prevMs: number | null): string;
  dur(ms: number): string;
  day(ms: number): string;
}

const msOf = (e: { at?: { time?: { ms: number } } }) => e.at?.time?.ms ?? null;

/** The last instant the log mentions: an open window is measured up to it. */
function lastInstant(inc: Incident): number {
  const all: (number | null | undefined)[] = [
    ...allEntries(inc).map(msOf), inc.impact.start?.time?.ms, inc.impact.end?.time?.ms,
    ...inc.windows.flatMap((w) => [w.start?.time?.ms, w.end?.time?.ms]),
  ];
  let max = 0;
  for (const v of all) if (typeof v === 'number' && Number.isFinite(v) && v > max) max = v;
  return max;
}

export function buildFacts(incident: Incident, config: Config, lang: Lang): Facts {
  const t = stringsFor(lang);
  const zone = incident.zone ?? 'UTC';
  const asOfMs = lastInstant(incident);
  const clock = computeClock(incident, asOfMs, config);
  const name = (handle: string | undefined) => {
    if (!handle) return null;
    return incident.people.get(handle)?.name ?? handle;
  };

  const windows: WindowFacts[] = clock.windows
    .map((c) => ({ c, w: incident.windows.find((w) => w.index === c.index)! }))
    .sort((a, b) => a.c.startMs - b.c.startMs || a.c.index - b.c.index)
    .map(({ c, w }, n) => {
      const short = t.windowLabel(n + 1);
      const title = w.title?.value ? oneLine(w.title.value) : '';
      return { n, w, clock: c, short, label: title || short, entries: [], expectedEnds: [], notices: [], silence: null };
    });
  const byIndex = new Map(windows.map((w) => [w.clock.index, w]));

  const raw = allEntries(incident).map((entry, order): PmEntry => {
    const ms = msOf(entry);
    const ec = ms === null ? undefined : entryClock(clock, entry);
    const win = ec?.window ? byIndex.get(ec.window.index) ?? null : null;
    return {
      entry, order, ms, kind: entry.standaloneDecision ? 'decision' : entry.kind?.value ?? 'note',
      text: entry.text?.value ? oneLine(entry.text.value) : null, by: name(entry.by?.value),
      tPlusMs: ec?.tPlusMs ?? null, window: win, windowElapsedMs: ec?.window?.elapsedMs ?? null,
    };
  });
  const entries = [
    ...raw.filter((e) => e.ms !== null).sort((a, b) => a.ms! - b.ms! || a.order - b.order),
    ...raw.filter((e) => e.ms === null),
  ];
  for (const e of entries) e.window?.entries.push(e);
  for (const w of windows) fillNotices(w, asOfMs);

  const byId = new Map<string, PmEntry>();
  for (const e of entries) if (e.entry.id?.value && !byId.has(e.entry.id.value)) byId.set(e.entry.id.value, e);

  const impactStartMs = incident.impact.start?.time?.ms ?? null;
  const impactEndMs = incident.impact.end?.time?.ms ?? null;
  const when = (ms: number, options: { year?: boolean } = {}) => formatWallClock(ms, zone, lang, options);
  return {
    incident, config, lang, t, zone, asOfMs, clock, entries, windows, byId, impactStartMs, impactEndMs, name, when,
    decisions: entries.filter((e) => e.kind === 'decision'),
    segments: segmentsOf(entries, windows, impactStartMs ?? clock.marks.firstDetectionMs),
    whenAfter: (ms, prevMs) => (prevMs !== null && wallDayKey(ms, zone) === wallDayKey(prevMs, zone) ? formatWallTime(ms, zone, lang) : when(ms)),
    dur: (ms) => formatDuration(ms, lang),
    day: (ms) => formatWallDate(ms, zone, lang),
  };
}

function fillNotices(w: WindowFacts, asOfMs: number): void {
  w.notices = w.entries.filter((e) => e.kind === 'communication');
  if (w.clock.announcedEndMs !== null) w.expectedEnds.push({ atMs: null, endMs: w.clock.announcedEndMs });
  for (const n of w.notices) {
    const end = n.entry.expectedEnd?.time?.ms;
    if (end === undefined) continue;
    const last = w.expectedEnds[w.expectedEnds.length - 1];
    if (!last || last.endMs !== end) w.expectedEnds.push({ atMs: n.ms, endMs: end });
  }
  const endMs = w.clock.endMs ?? asOfMs;
  const points = [w.clock.startMs, ...w.notices.map((n) => n.ms!).filter((ms) => ms >= w.clock.startMs && ms <= endMs), endMs];
  for (let i = 1; i < points.length; i++) {
    const gap = points[i] - points[i - 1];
    if (gap > 0 && (!w.silence || gap > w.silence.toMs - w.silence.fromMs)) w.silence = { fromMs: points[i - 1], toMs: points[i] };
  }
}

/**
 * Splits the story: what came before the impact, the signs up to the first window, each
 * window, and the stretches after each window ("after reopening"). Without windows, the
 * signs end at the first detection and the rest is one chapter of response.
 */
function segmentsOf(entries: PmEntry[], windows: WindowFacts[], storyStartMs: number | null): Segment[] {
  const segs: Segment[] = [];
  const seg = (kind: SegmentKind, extra: Partial<Segment> = {}): Segment => {
    const s: Segment = { kind, entries: [], ...extra };
    segs.push(s);
    return s;
  };
  const background = seg('background');
  const signs = seg('signs');
  const firstWindowStart = windows[0]?.clock.startMs ?? null;
  const firstDetection = entries.find((e) => e.kind === 'detection' && e.ms !== null)?.ms ?? null;
  const chapters = new Map<WindowFacts, Segment>();
  const interludes = new Map<WindowFacts, Segment>();
  windows.forEach((w, i) => {
    chapters.set(w, seg('window', { window: w }));
    interludes.set(w, seg('interlude', { after: w, before: windows[i + 1] }));
  });
  const response = windows.length === 0 ? seg('response') : undefined;
  for (const e of entries) {
    if (e.ms === null) continue;
    if (e.window) chapters.get(e.window)!.entries.push(e);
    else if (storyStartMs !== null && e.ms < storyStartMs) background.entries.push(e);
    else if (firstWindowStart !== null && e.ms < firstWindowStart) signs.entries.push(e);
    else if (response) (firstDetection !== null && e.ms <= firstDetection ? signs : response).entries.push(e);
    else {
      let after = windows[0];
      for (const w of windows) if (w.clock.startMs <= e.ms) after = w;
      interludes.get(after)!.entries.push(e);
    }
  }
  return segs;
}

/** The decision the title is about: the one with the most options weighed (the earliest of equals). */
export function keyDecision(f: Facts): PmEntry | undefined {
  let best: PmEntry | undefined;
  for (const d of f.decisions) {
    if (!d.entry.chosen?.value || d.entry.options.length < 2) continue;
    if (!best || d.entry.options.length > best.entry.options.length) best = d;
  }
  return best;
}

/** Windows still open as of the log's last instant. */
export const openWindows = (f: Facts) => f.windows.filter((w) => w.clock.open);
