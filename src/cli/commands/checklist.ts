// `incident-command checklist FILE [--at TIMESTAMP] [--json]`: every checklist item of one log
// with its state at now (or at a past moment), grouped by phase, and what made each one due.
import { ChecklistItemResult, ChecklistResult, evaluateChecklist, PHASE_LABELS, PHASES, STATE_LABELS } from '../../core/checklist';
import type { Lang } from '../../core/config';
import type { LineIndex } from '../../core/text';
import { formatInZone } from '../../core/time';
import type { Command } from '../command';
import { loadLog, parseLogArgs } from '../incident-input';

const USAGE = `Usage: incident-command checklist FILE [options]

Lists the checklist items of one incident log (built in, and the team's from
.incident-command.yaml) with their state: pending, done, skipped or not due yet,
and the line of the entry or window that made each one due.

Options:
  --at <timestamp>   Evaluate at this moment instead of now, e.g. 2021-01-26T10:30
                     (read in the log's timezone) or with an offset; records done
                     later, and notices sent later, count as not happened yet
  --json             Print JSON (ISO timestamps with the log's offset)
  --config <file>    Use this config (default: the nearest .incident-command.yaml)
  --lang <en|ko>     Language of the list (default: the log's, the config's, LANG, en)
  -h, --help         Show this help

Exit codes: 0 ok (pending items included), 2 bad usage or unreadable file.
Record an item in the log under checklist:, e.g.
  checklist:
    user-notice: { done: 2021-01-25T17:05+09:00, by: lcw }
    vendor-contact: { skipped: no vendor involved }
`;

export interface ChecklistJson {
  incident: string | null;
  zone: string;
  now: string;
  pending: number;
  items: {
    id: string; trigger: string; builtIn: boolean; text: { en: string; ko: string }; state: string;
    dueAt: string | null;
    cause: { kind: string; field: string; line: number; windowId: string | null; index: number | null } | null;
    detail: { en: string; ko: string } | null;
    record: { done: string | null; skipped: string | null; by: string | null; note: string | null; counts: boolean } | null;
  }[];
  unknownRecords: { id: string; line: number }[];
}

export function checklistJson(result: ChecklistResult, incident: string | null, zone: string, lines: LineIndex): ChecklistJson {
  const iso = (ms: number | null) => (ms === null ? null : formatInZone(ms, zone));
  const line = (offset: number) => lines.position(offset).line + 1;
  return {
    incident, zone, now: iso(result.nowMs)!, pending: result.pending,
    items: result.items.map((i) => ({
      id: i.id, trigger: i.trigger, builtIn: i.builtIn, text: i.text, state: i.state, dueAt: iso(i.dueAtMs),
      cause: i.cause && { kind: i.cause.kind, field: i.cause.field, line: line(i.cause.span[0]), windowId: i.cause.windowId ?? null, index: i.cause.index ?? null },
      detail: i.detail,
      record: i.record && { done: i.record.done, skipped: i.record.skipped, by: i.record.by, note: i.record.note, counts: i.record.counts },
    })),
    unknownRecords: result.unknownRecords.map((r) => ({ id: r.id, line: line(r.keySpan[0]) })),
  };
}

const T = {
  en: {
    at: 'at', since: (w: string) => `since ${w}`, line: 'line', next: (w: string) => `due ${w}`, by: 'by', none: 'no checklist items apply',
    pending: (n: number) => `${n} pending`, unknown: (id: string, l: number) => `checklist.${id} (line ${l}) names no item`,
  },
  ko: {
    at: '기준', since: (w: string) => `${w}부터`, line: '행', next: (w: string) => `기한 ${w}`, by: '기록자', none: '적용되는 체크리스트 항목이 없습니다',
    pending: (n: number) => `대기 ${n}개`, unknown: (id: string, l: number) => `checklist.${id}(${l}행)은(는) 없는 항목입니다`,
  },
};

const MARK: Record<string, string> = { pending: '[ ]', done: '[x]', skipped: '[-]', 'not-due': '[.]' };

export function checklistTable(result: ChecklistResult, incident: string | null, zone: string, lines: LineIndex, lang: Lang): string {
  const t = T[lang];
  const when = (ms: number) => formatInZone(ms, zone, 'yyyy-MM-dd HH:mm');
  const out = [`${incident ?? '?'} · ${t.at} ${formatInZone(result.nowMs, zone, 'yyyy-MM-dd HH:mm:ss XXX')} (${zone})`];
  if (!result.items.length) out.push('', t.none);
  const idWidth = Math.max(0, ...result.items.map((i) => i.id.length));
  for (const phase of PHASES) {
    const items = result.items.filter((i) => i.trigger === phase);
    if (!items.length) continue;
    out.push('', PHASE_LABELS[phase][lang]);
    for (const i of items) out.push(`  ${MARK[i.state]} ${i.id.padEnd(idWidth)}  ${i.text[lang]}`, `      ${status(i)}`);
  }
  for (const r of result.unknownRecords) out.push('', t.unknown(r.id, lines.position(r.keySpan[0]).line + 1));
  out.push('', t.pending(result.pending));
  return out.join('\n') + '\n';

  function status(i: ChecklistItemResult): string {
    const parts: string[] = [STATE_LABELS[i.state][lang]];
    if (i.record && i.record.counts) {
      if (i.record.skipped !== null) parts[0] += `: ${i.record.skipped}`;
      else if (i.record.done !== null) parts[0] += ` ${i.record.doneMs !== null ? when(i.record.doneMs) : i.record.done}`;
      if (i.record.by) parts.push(`${t.by} ${i.record.by}`);
    } else if (i.dueAtMs !== null && i.state !== 'done') {
      parts.push(i.state === 'pending' && i.dueAtMs <= result.nowMs ? t.since(when(i.dueAtMs)) : t.next(when(i.dueAtMs)));
    }
    if (i.cause && i.state === 'pending') parts.push(`${t.line} ${lines.position(i.cause.span[0]).line + 1}`);
    if (i.detail && i.state !== 'skipped') parts.push(i.detail[lang]);
    return parts.join(' · ');
  }
}

export async function runChecklist(args: string[]): Promise<number> {
  const opts = parseLogArgs('checklist', args);
  const { source, incident, config, zone, now, lang } = loadLog(opts);
  const result = evaluateChecklist(incident, config, now);
  const id = incident.id?.value ?? null;
  process.stdout.write(opts.json
    ? `${JSON.stringify(checklistJson(result, id, zone, source.lines), null, 2)}\n`
    : checklistTable(result, id, zone, source.lines, lang));
  return 0;
}

export const checklistCommand: Command = {
  name: 'checklist',
  summary: 'List checklist items (built in and the team\'s) as pending, done, skipped or not due (--at to replay)',
  usage: USAGE,
  run: runChecklist,
};
