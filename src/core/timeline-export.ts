// The timeline as rows for spreadsheets and scripts: each entry with its `T+` (since the
// incident's first entry) and, inside a maintenance window, how long that window had run.
// Figures come from the clock model, so they match the hovers and the postmortem.
import { computeClock, entryClock } from './clock';
import type { Config } from './config';
import { allEntries, Incident } from './model/incident';
import { formatDurationShort, formatInZone } from './time';

export interface TimelineRow {
  /** As written in the log. */
  at: string;
  /** ISO 8601 with the zone's offset; null when `at` does not read as a time. */
  atIso: string | null;
  atMs: number | null;
  tPlusMs: number | null;
  /** `T+1d 2h05m`, `T-5m` before the first entry, empty without a time. */
  tPlus: string;
  /** The window the entry falls in (its id, or `#2` for one without), else null. */
  window: string | null;
  windowElapsedMs: number | null;
  /** `16h05m`, empty outside windows. */
  windowElapsed: string;
  kind: string | null;
  by: string | null;
  id: string | null;
  text: string | null;
  /** Where it is written: `timeline` or `decisions`. */
  list: 'timeline' | 'decisions';
}

/** Every entry (timeline and standalone decisions), in time order; entries without a time keep their place at the end. */
export function timelineRows(incident: Incident, config: Pick<Config, 'statusUpdateEveryMs'>): TimelineRow[] {
  // Everything written counts as having happened: an export is of the log as it stands.
  const state = computeClock(incident, Number.MAX_SAFE_INTEGER, config);
  const zone = incident.zone ?? 'UTC';
  const rows = allEntries(incident).map((e, order) => {
    const ms = e.at?.time?.ms ?? null;
    const clock = ms === null ? undefined : entryClock(state, e);
    const tPlusMs = clock?.tPlusMs ?? null;
    const w = clock?.window;
    const row: TimelineRow = {
      at: e.at?.value ?? '', atIso: ms === null ? null : formatInZone(ms, zone), atMs: ms, tPlusMs,
      tPlus: tPlusMs === null ? '' : tPlusMs < 0 ? `T-${formatDurationShort(-tPlusMs)}` : `T+${formatDurationShort(tPlusMs)}`,
      window: w ? w.id ?? `#${w.index + 1}` : null, windowElapsedMs: w?.elapsedMs ?? null,
      windowElapsed: w ? formatDurationShort(w.elapsedMs) : '',
      kind: e.standaloneDecision ? 'decision' : e.kind?.value ?? null, by: e.by?.value ?? null, id: e.id?.value ?? null,
      text: e.text?.value ?? null, list: e.standaloneDecision ? 'decisions' : 'timeline',
    };
    return { row, order };
  });
  rows.sort((a, b) => (a.row.atMs ?? Infinity) - (b.row.atMs ?? Infinity) || a.order - b.order);
  return rows.map((r) => r.row);
}

export const CSV_COLUMNS = ['at', 't_plus', 't_plus_minutes', 'window', 'window_elapsed', 'window_elapsed_minutes', 'kind', 'by', 'id', 'text'] as const;

/**
 * RFC 4180 CSV with CRLF line ends. Free-text cells that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`) get a leading `'`: a pasted chat line must not execute.
 */
export function timelineCsv(rows: readonly TimelineRow[]): string {
  const minutes = (ms: number | null) => (ms === null ? '' : String(Math.floor(ms / 60000)));
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push([
      r.atIso ?? r.at, r.tPlus, minutes(r.tPlusMs), r.window ?? '', r.windowElapsed, minutes(r.windowElapsedMs),
      r.kind ?? '', safeCell(r.by ?? ''), safeCell(r.id ?? ''), safeCell(r.text ?? ''),
    ].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

function safeCell(v: string): string { return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v; }

function csvCell(v: string): string { return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v; }

export interface TimelineJson {
  incident: string | null;
  zone: string;
  entries: TimelineRow[];
}

export function timelineJson(incident: Incident, rows: TimelineRow[]): TimelineJson {
  return { incident: incident.id?.value ?? null, zone: incident.zone ?? 'UTC', entries: rows };
}
