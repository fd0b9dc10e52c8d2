// `incident-command clock FILE [--at TIMESTAMP] [--json]`: the maintenance clocks of one log,
// now or at a past moment, as a table or as JSON for scripts and status pages.
import { ClockState, computeClock } from '../../core/clock';
import type { Lang } from '../../core/config';
import { formatDuration, formatOverrun } from '../../core/format';
import { formatInZone } from '../../core/time';
import type { Command } from '../command';
import { loadLog, parseLogArgs } from '../incident-input';

const USAGE = `Usage: incident-command clock FILE [options]

Shows the maintenance clocks of one incident log: each window's elapsed time and
overrun against its announced end, total maintenance, time to detect, mitigate and
resolve, and the time since the last notice to users.

Options:
  --at <timestamp>   Read the clocks at this moment instead of now, e.g.
                     2021-01-26T10:30 (read in the log's timezone) or with an offset;
                     anything logged later counts as not happened yet
  --json             Print JSON (ISO timestamps with the log's offset; null where a
                     figure is undefined)
  --config <file>    Use this config (default: the nearest .incident-command.yaml)
  --lang <en|ko>     Language of the table (default: the log's, the config's, LANG, en)
  -h, --help         Show this help

Exit codes: 0 ok, 2 bad usage or unreadable file.
`;

export interface ClockJson {
  incident: string | null;
  status: string | null;
  zone: string;
  now: string;
  windows: {
    id: string | null; title: string | null; phase: string; start: string; end: string | null; open: boolean;
    elapsedMs: number; announcedEnd: string | null; overrunMs: number | null;
  }[];
  totalMaintenanceMs: number;
  metrics: { timeToDetectMs: number | null; timeToMitigateMs: number | null; timeToResolveMs: number | null };
  sinceLastCommunicationMs: number | null;
  lastCommunication: string | null;
  nextNoticeDue: string | null;
}

export function clockJson(state: ClockState, zone: string): ClockJson {
  const iso = (ms: number | null) => (ms === null ? null : formatInZone(ms, zone));
  return {
    incident: state.incident, status: state.status, zone, now: iso(state.nowMs)!,
    windows: state.windows.map((w) => ({
      id: w.id, title: w.title, phase: w.phase, start: iso(w.startMs)!, end: iso(w.endMs), open: w.open,
      elapsedMs: w.elapsedMs, announcedEnd: iso(w.announcedEndMs), overrunMs: w.overrunMs,
    })),
    totalMaintenanceMs: state.totalMaintenanceMs,
    metrics: { ...state.metrics },
    sinceLastCommunicationMs: state.communication.sinceLastMs,
    lastCommunication: iso(state.communication.lastMs),
    nextNoticeDue: iso(state.communication.nextDueMs),
  };
}

const T = {
  en: {
    at: 'at', window: 'window', start: 'start', end: 'end', elapsed: 'elapsed', announced: 'announced end', overrun: 'vs announced',
    open: '(open)', upcoming: '(not started)', none: 'no maintenance windows', total: 'total maintenance',
    detect: 'time to detect', mitigate: 'time to mitigate', resolve: 'time to resolve', missing: '—',
    lastNotice: 'last notice', ago: (d: string) => `${d} ago`, noNotice: 'none yet',
    nextDue: 'next notice due', inTime: (d: string) => `in ${d}`, overdue: (d: string) => `${d} overdue`,
    cadence: (d: string) => `every ${d}`,
  },
  ko: {
    at: '기준', window: '점검', start: '시작', end: '종료', elapsed: '경과', announced: '공지한 종료', overrun: '공지 대비',
    open: '(진행 중)', upcoming: '(시작 전)', none: '점검 기록이 없습니다', total: '총 점검 시간',
    detect: '발견까지 걸린 시간', mitigate: '완화까지 걸린 시간', resolve: '해결까지 걸린 시간', missing: '—',
    lastNotice: '마지막 공지', ago: (d: string) => `${d} 전`, noNotice: '아직 없음',
    nextDue: '다음 공지 기한', inTime: (d: string) => `${d} 남음`, overdue: (d: string) => `${d} 지남`,
    cadence: (d: string) => `${d}마다`,
  },
};

/** Terminal columns: Hangul and other wide characters take two. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]))).join('  ').trimEnd());
}

export function clockTable(state: ClockState, zone: string, lang: Lang): string {
  const t = T[lang];
  const when = (ms: number) => formatInZone(ms, zone, 'yyyy-MM-dd HH:mm');
  const dur = (ms: number | null) => (ms === null ? t.missing : formatDuration(ms, lang));
  // Days only where a span can grow without bound (a notice from an incident long closed).
  const long = (ms: number | null) => (ms === null ? t.missing : formatDuration(ms, lang, { days: ms >= 48 * 3600000 }));
  const out: string[] = [];
  const head = [state.incident ?? '?', state.status].filter(Boolean).join(' · ');
  out.push(`${head} · ${t.at} ${formatInZone(state.nowMs, zone, 'yyyy-MM-dd HH:mm:ss XXX')} (${zone})`, '');
  if (state.windows.length === 0) out.push(t.none);
  else {
    const rows = [[t.window, t.start, t.end, t.elapsed, t.announced, t.overrun]];
    for (const w of state.windows) {
      rows.push([
        w.id ?? `#${w.index + 1}`, when(w.startMs),
        w.endMs !== null ? when(w.endMs) : w.phase === 'upcoming' ? t.upcoming : t.open,
        dur(w.elapsedMs), w.announcedEndMs === null ? t.missing : when(w.announcedEndMs),
        w.overrunMs === null || w.phase === 'upcoming' ? t.missing : formatOverrun(w.overrunMs, lang),
      ]);
    }
    out.push(...table(rows), '');
    out.push(`${t.total}: ${dur(state.totalMaintenanceMs)}`);
  }
  const c = state.communication;
  const facts: string[][] = [
    [t.detect, dur(state.metrics.timeToDetectMs)],
    [t.mitigate, dur(state.metrics.timeToMitigateMs)],
    [t.resolve, dur(state.metrics.timeToResolveMs)],
    [t.lastNotice, c.lastMs === null ? t.noNotice : `${when(c.lastMs)} (${t.ago(long(c.sinceLastMs))})`],
  ];
  if (c.nextDueMs !== null) {
    const left = c.nextDueMs - state.nowMs;
    facts.push([t.nextDue, `${when(c.nextDueMs)} (${left >= 0 ? t.inTime(dur(left)) : t.overdue(long(-left))}, ${t.cadence(dur(c.cadenceMs))})`]);
  }
  out.push('', ...table(facts));
  return out.join('\n') + '\n';
}

export async function runClock(args: string[]): Promise<number> {
  const opts = parseLogArgs('clock', args);
  const { incident, config, zone, now, lang } = loadLog(opts);
  const state = computeClock(incident, now, config);
  process.stdout.write(opts.json ? `${JSON.stringify(clockJson(state, zone), null, 2)}\n` : clockTable(state, zone, lang));
  return 0;
}

export const clockCommand: Command = {
  name: 'clock',
  summary: 'Show maintenance clocks, overruns and time to detect/mitigate/resolve (--at to replay)',
  usage: USAGE,
  run: runClock,
};
