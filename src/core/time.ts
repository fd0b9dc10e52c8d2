// Timestamps per the incident spec: ISO 8601 with an optional offset; without one the
// file's or the workspace's zone applies. Local times a DST change makes ambiguous or
// impossible are reported, never silently shifted.
import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

export type TimestampProblem = 'syntax' | 'range' | 'no-zone' | 'bad-zone';

export interface ParsedTime {
  /** Epoch milliseconds of the instant. */
  ms: number;
  /** The zone the wall clock was read in, or null when the text carried its own offset. */
  zone: string | null;
  hasOffset: boolean;
  /** Both readings exist (a fall-back hour); ms is the earlier one. */
  ambiguous?: { laterMs: number };
  /** The wall clock was skipped (a spring-forward hour); ms reads it with the offset before the gap. */
  impossible?: boolean;
}

export type TimeResult = { ok: true; time: ParsedTime } | { ok: false; problem: TimestampProblem };

const zoneCache = new Map<string, boolean>();
export function isValidZone(zone: string): boolean {
  let ok = zoneCache.get(zone);
  if (ok === undefined) {
    try { new Intl.DateTimeFormat('en-US', { timeZone: zone }); ok = zone.length > 0; } catch { ok = false; }
    zoneCache.set(zone, ok);
  }
  return ok;
}

export function looksLikeTimestamp(text: string): boolean { return TIMESTAMP.test(text.trim()); }

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(y: number, m: number): number {
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS[m - 1];
}

// Asking Intl for an offset is the slow part of reading a timestamp, and a log's timestamps
// crowd into a few days. Offsets are kept per zone and quarter hour of UTC: every offset is a
// whole number of quarter hours, so changes fall on quarter-hour boundaries; a quarter hour
// whose two ends disagree (a historic local mean time) is never kept.
const QUARTER = 15 * 60000;
const offsets = new Map<string, Map<number, number>>();

/** Offset of `zone` at an instant, in minutes east of UTC. */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  const q = Math.floor(ms / QUARTER);
  let byQuarter = offsets.get(zone);
  if (!byQuarter) offsets.set(zone, (byQuarter = new Map()));
  let o = byQuarter.get(q);
  if (o === undefined) {
    const start = tzOffset(zone, new Date(q * QUARTER));
    o = start === tzOffset(zone, new Date(q * QUARTER + QUARTER - 1)) ? start : NaN;
    if (byQuarter.size >= 100_000) byQuarter.clear();
    byQuarter.set(q, o);
  }
  return Number.isNaN(o) ? tzOffset(zone, new Date(ms)) : o;
}

// Not memoized: zone offsets are (see above), which leaves a regular expression and a few
// map lookups per timestamp, and a memo of every timestamp of a long log cost more memory than
// that saves (a long log re-reads only the entries an edit touched).
export function parseTimestamp(text: string, zone: string | undefined): TimeResult {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return { ok: false, problem: 'syntax' };
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]), h = Number(m[4]), mi = Number(m[5]);
  const s = m[6] ? Number(m[6]) : 0;
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    return { ok: false, problem: 'range' };
  }
  const wall = Date.UTC(y, mo - 1, d, h, mi, s) + Math.floor(frac);
  const off = m[8];
  if (off) {
    if (off === 'Z') return { ok: true, time: { ms: wall, zone: null, hasOffset: true } };
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 18 || om > 59) return { ok: false, problem: 'range' };
    return { ok: true, time: { ms: wall - sign * (oh * 60 + om) * 60000, zone: null, hasOffset: true } };
  }
  if (!zone) return { ok: false, problem: 'no-zone' };
  if (!isValidZone(zone)) return { ok: false, problem: 'bad-zone' };
  return { ok: true, time: readWallClock(wall, zone) };
}

/** Reads a wall clock (given as if it were UTC) in a zone, detecting DST gaps and overlaps. */
function readWallClock(wall: number, zone: string): ParsedTime {
  const day = 86400000;
  const before = zoneOffsetMinutes(zone, wall - day);
  const after = zoneOffsetMinutes(zone, wall + day);
  // The wall clock read with the offset before and with the one after: both fit in an
  // overlap, neither in a gap.
  const early = wall - before * 60000;
  const late = wall - after * 60000;
  const earlyFits = wall - zoneOffsetMinutes(zone, early) * 60000 === early;
  const lateFits = before !== after && wall - zoneOffsetMinutes(zone, late) * 60000 === late;
  if (!earlyFits && !lateFits) return { ms: early, zone, hasOffset: false, impossible: true };
  if (!earlyFits || !lateFits) return { ms: earlyFits ? early : late, zone, hasOffset: false };
  return { ms: Math.min(early, late), zone, hasOffset: false, ambiguous: { laterMs: Math.max(early, late) } };
}

const DURATION = /^(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$/i;
const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/** `90m`, `1h30m`, `2d`, `PT1H30M` to milliseconds; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  const m = DURATION.exec(t) ?? ISO_DURATION.exec(t);
  if (!m || t === '' || t.toUpperCase() === 'P' || /T$/i.test(t)) return undefined;
  if (!m[1] && !m[2] && !m[3] && !m[4]) return undefined;
  const [d, h, mi, s] = [1, 2, 3, 4].map((i) => Number(m[i] ?? 0));
  return ((d * 24 + h) * 60 + mi) * 60000 + Math.round(s * 1000);
}

/** The instant as ISO 8601 with the zone's offset, e.g. `2021-01-25T16:52:00+09:00`. */
export function formatInZone(ms: number, zone: string, pattern = "yyyy-MM-dd'T'HH:mm:ssXXX"): string {
  return format(new TZDate(ms, zone), pattern);
}

/** The offset text (`+09:00`) the zone has at that instant. */
export function offsetText(ms: number, zone: string): string { return formatInZone(ms, zone, 'XXX'); }

/** Compact duration: `1d 2h05m`, `16h05m`, `45m`, `12s`. Negative values get a leading minus. */
export function formatDurationShort(msIn: number): string {
  const sign = msIn < 0 ? '-' : '';
  const total = Math.floor(Math.abs(msIn) / 1000);
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  if (d > 0) return `${sign}${d}d ${h}h${String(m).padStart(2, '0')}m`;
  if (h > 0) return `${sign}${h}h${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${sign}${m}m`;
  return `${sign}${total % 60}s`;
}
