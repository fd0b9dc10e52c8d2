// One row of the Incidents view, computed from a log's text with core alone (no vscode here,
// so it is testable and the same figures as the CLI's clock and checklist commands).
import { activeWindow, computeClock } from '../../core/clock';
import { evaluateChecklist } from '../../core/checklist';
import type { Config } from '../../core/config';
import { incidentStartMs, readIncident } from '../../core/model/incident';
import { parseSource } from '../../core/source';

export interface IncidentRow {
  path: string;
  id: string | null;
  title: string | null;
  status: string | null;
  severity: string | null;
  /** The incident's first entry, for sorting by recency. */
  startMs: number | null;
  /** The open window's id (or `#n`) and when it started; null when no window is open. */
  openWindow: { label: string; startMs: number; announcedEndMs: number | null } | null;
  pending: number;
  /** The file does not parse: shown, never hidden. */
  broken: boolean;
}

export function incidentRow(path: string, text: string, config: Config, now: number): IncidentRow {
  const src = parseSource(text, path, 'incident');
  const base: IncidentRow = { path, id: null, title: null, status: null, severity: null, startMs: null, openWindow: null, pending: 0, broken: src.yamlErrors.length > 0 };
  if (base.broken) return base;
  const inc = readIncident(src, config);
  const clock = computeClock(inc, now, config);
  const open = activeWindow(clock);
  let pending = 0;
  try { pending = evaluateChecklist(inc, config, now).pending; } catch { pending = 0; }
  return {
    ...base, id: inc.id?.value ?? null, title: inc.title?.value ?? null, status: inc.status?.value ?? null,
    severity: inc.severity?.value ?? null, startMs: incidentStartMs(inc) ?? null, pending,
    openWindow: open ? { label: open.id ?? `#${open.index + 1}`, startMs: open.startMs, announcedEndMs: open.announcedEndMs } : null,
  };
}

export type IncidentFilter = 'all' | 'active' | 'open-window' | 'pending';
export type IncidentSort = 'severity' | 'recent' | 'status' | 'name';

const STATUS_ORDER = ['investigating', 'identified', 'mitigating', 'monitoring', 'resolved'];

export function filterRows(rows: IncidentRow[], filter: IncidentFilter): IncidentRow[] {
  switch (filter) {
    case 'active': return rows.filter((r) => r.broken || r.status !== 'resolved');
    case 'open-window': return rows.filter((r) => r.openWindow !== null);
    case 'pending': return rows.filter((r) => r.pending > 0);
    default: return rows;
  }
}

/** Sorted copy; `severities` is the workspace's list, worst first. Ties fall back to the path. */
export function sortRows(rows: IncidentRow[], sort: IncidentSort, severities: readonly string[]): IncidentRow[] {
  const sev = (r: IncidentRow) => { const i = severities.indexOf(r.severity ?? ''); return i < 0 ? severities.length : i; };
  const st = (r: IncidentRow) => { const i = STATUS_ORDER.indexOf(r.status ?? ''); return i < 0 ? -1 : i; };
  const name = (r: IncidentRow) => r.title ?? r.id ?? r.path;
  const by: Record<IncidentSort, (a: IncidentRow, b: IncidentRow) => number> = {
    severity: (a, b) => sev(a) - sev(b) || st(a) - st(b),
    recent: (a, b) => (b.startMs ?? -Infinity) - (a.startMs ?? -Infinity),
    status: (a, b) => st(a) - st(b) || sev(a) - sev(b),
    name: (a, b) => name(a).localeCompare(name(b)),
  };
  return [...rows].sort((a, b) => by[sort](a, b) || a.path.localeCompare(b.path));
}
