// `incident-command clock FILE [--at TIMESTAMP] [--json]`: the maintenance clocks of one log,
// now or at a past moment, as a table or as JSON for scripts and status pages.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ClockState, computeClock } from '../../core/clock';
import type { Lang } from '../../core/config';
import { formatDuration, formatOverrun } from '../../core/format';
import { readIncident } from '../../core/model/incident';
import { fileKindOf, parseSource } from '../../core/source';
import { formatInZone, parseTimestamp } from '../../core/time';
import { Command, envLang, UsageError } from '../command';
import { ConfigResolver } from '../config-cache';

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

interface ClockOptions { file: string; at?: string; json: boolean; config?: string; lang?: Lang }

export function parseClockArgs(args: string[]): ClockOptions {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { at: { type: 'string' }, json: { type: 'boolean' }, config: { type: 'string', short: 'c' }, lang: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError(`clock takes one incident log, got ${positionals.length}. Run "incident-command clock --help".`);
  const lang = values.lang;
  if (lang !== undefined && lang !== 'en' && lang !== 'ko') throw new UsageError(`--lang must be en or ko, not "${lang}".`);
  return { file: positionals[0], at: values.at, json: values.json ?? false, config: values.config, lang };
}

export async function runClock(args: string[]): Promise<number> {
  const opts = parseClockArgs(args);
  const cwd = process.cwd();
  const filePath = path.resolve(cwd, opts.file);
  const kind = fileKindOf(filePath);
  if (kind === 'runbook' || kind === 'config') throw new UsageError(`${opts.file} is a ${kind}, not an incident log.`);
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${opts.file} does not exist.` : `cannot read ${opts.file} (${code ?? String(e)}).`);
  }
  const config = new ConfigResolver(cwd, opts.config).forFile(filePath);
  const source = parseSource(text, filePath, 'incident');
  const err = source.yamlErrors[0];
  if (err) {
    const pos = source.lines.position(err.span[0]);
    throw new UsageError(`${opts.file}:${pos.line + 1}:${pos.character + 1} is not valid YAML: ${err.message}`);
  }
  const incident = readIncident(source, config);
  const zone = incident.zone ?? 'UTC';
  const now = opts.at !== undefined ? readAt(opts.at, incident.zone) : nowFromEnv();
  const state = computeClock(incident, now, config);
  const langField = incident.language?.value;
  const lang: Lang = opts.lang ?? (langField === 'ko' || langField === 'en' ? langField : undefined) ?? config.language ?? envLang() ?? 'en';
  process.stdout.write(opts.json ? `${JSON.stringify(clockJson(state, zone), null, 2)}\n` : clockTable(state, zone, lang));
  return 0;
}

/** `--at`, read like a timestamp in the file: without an offset, in the log's zone. */
function readAt(text: string, zone: string | undefined): number {
  const r = parseTimestamp(text, zone);
  if (!r.ok) {
    if (r.problem === 'no-zone') throw new UsageError(`--at "${text}" has no offset and the log has no timezone; add one, e.g. ${text}+09:00.`);
    throw new UsageError(`--at "${text}" is not a timestamp; write e.g. 2021-01-26T10:30 or 2021-01-26T10:30+09:00.`);
  }
  const { time } = r;
  if (time.ambiguous) {
    process.stderr.write(`incident-command: --at "${text}" happens twice in ${zone}; using the earlier (${formatInZone(time.ms, zone!, 'XXX')}). Add an offset to choose.\n`);
  } else if (time.impossible) {
    process.stderr.write(`incident-command: --at "${text}" does not exist in ${zone} (clocks sprang forward); read as ${formatInZone(time.ms, zone!)}.\n`);
  }
  return time.ms;
}

/** INCIDENT_COMMAND_NOW pins "now" for reproducible runs, as for lint. */
function nowFromEnv(): number {
  const pinned = process.env.INCIDENT_COMMAND_NOW;
  if (!pinned) return Date.now();
  const t = Date.parse(pinned);
  if (Number.isNaN(t)) throw new UsageError(`INCIDENT_COMMAND_NOW is not a date: "${pinned}".`);
  return t;
}

export const clockCommand: Command = {
  name: 'clock',
  summary: 'Show maintenance clocks, overruns and time to detect/mitigate/resolve (--at to replay)',
  usage: USAGE,
  run: runClock,
};
