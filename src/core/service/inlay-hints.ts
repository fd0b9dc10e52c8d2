// The clocks in the text: after each entry's `at`, its `T+` and, inside a window, how long
// that window had run (`T+1d 2h05m · m1 +16h05m`); on hover, the full figures of a window.
// Every figure comes from computeClock, so the inlays, the hovers, the status bar and the
// CLI's `clock` command cannot disagree.
import { activeWindow, ClockState, computeClock, entryClock, formatTPlus, WindowClock } from '../clock';
import type { Lang } from '../config';
import { formatDuration, formatOverrun, formatWallClock } from '../format';
import { allEntries } from '../model/incident';
import type { Range } from '../text';
import { incidentOf } from './facts';
import { pathAt } from './path';
import type { MarkupContent, ServiceInput } from './types';

/** Mirrors LSP's InlayHint (label as a plain string). */
export interface InlayHint {
  position: Range['start'];
  label: string;
  paddingLeft: boolean;
  tooltip?: MarkupContent;
}

/** The clock of an incident log at `now` (input.now, else the real time); undefined for other files. */
export function clockOf(input: ServiceInput, now = input.now ?? Date.now()): ClockState | undefined {
  if (input.analysis.file.kind !== 'incident') return undefined;
  const inc = incidentOf(input);
  return inc ? computeClock(inc, now, input.config) : undefined;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Hints for the entries whose `at` ends inside `range` (the whole file without one). */
export function inlayHints(input: ServiceInput, range?: Range): InlayHint[] {
  const inc = incidentOf(input);
  const state = clockOf(input);
  if (!inc || !state) return [];
  const { lines } = input.analysis.file;
  const zone = state.zone ?? 'UTC';
  const out: InlayHint[] = [];
  for (const e of allEntries(inc)) {
    const ms = e.at?.time?.ms;
    if (!e.at || ms === undefined) continue;
    const position = lines.position(e.at.span[1]);
    if (range && (before(position, range.start) || before(range.end, position))) continue;
    const clock = entryClock(state, e);
    const label = clock ? formatTPlus(clock) : '';
    if (!label) continue;
    const wall = `${formatWallClock(ms, zone, input.lang, { year: true, weekday: true })} (${zone})`;
    out.push({ position, label, paddingLeft: true, tooltip: { kind: 'markdown', value: wall } });
  }
  return out.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

const WINDOW_KEYS = new Set(['id', 'start', 'end', 'announced_end']);

/**
 * Clock lines for a hover: on a window's `id`, `start`, `end` or `announced_end` (key or
 * value) and on an entry's `window`, the window's figures; on an entry's `at`, its `T+` and
 * the window's clock at that moment. Empty elsewhere.
 */
export function clockHoverLines(input: ServiceInput, offset: number): string[] {
  const state = clockOf(input);
  if (!state) return [];
  const at = pathAt(input.analysis.file, offset);
  const [section, index, key] = at.path;
  const { lang } = input;
  if (section === 'maintenance' && typeof index === 'number' && typeof key === 'string' && WINDOW_KEYS.has(key) && at.path.length === 3) {
    const w = state.windows.find((x) => x.index === index);
    return w ? windowFigures(state, w, lang) : [];
  }
  if ((section === 'timeline' || section === 'decisions') && typeof index === 'number' && at.path.length === 3) {
    const inc = incidentOf(input)!;
    const entry = allEntries(inc).find((e) => e.index === index && !!e.standaloneDecision === (section === 'decisions'));
    if (key === 'window' && at.on === 'value') {
      const w = state.windows.find((x) => x.id !== null && x.id === at.text);
      return w ? windowFigures(state, w, lang) : [];
    }
    if (key === 'at' && entry) {
      const clock = entryClock(state, entry);
      if (!clock) return [];
      const out = [`\`${formatTPlus(clock)}\``];
      if (clock.tPlusMs !== null) out.push(lang === 'ko' ? `첫 항목부터 ${formatDuration(clock.tPlusMs, 'ko', { days: true })}` : `${formatDuration(clock.tPlusMs, 'en', { days: true })} since the first entry`);
      if (clock.window) {
        const label = clock.window.id ?? `#${clock.window.index + 1}`;
        out.push(lang === 'ko' ? `점검 ${label} 시작부터 ${formatDuration(clock.window.elapsedMs, 'ko')}` : `${formatDuration(clock.window.elapsedMs, 'en')} into window ${label}`);
      }
      return out;
    }
  }
  return [];
}

/** Every figure of one window, and the incident-wide ones, as Markdown lines. */
export function windowFigures(state: ClockState, w: WindowClock, lang: Lang): string[] {
  const ko = lang === 'ko';
  const zone = state.zone ?? 'UTC';
  const wall = (ms: number) => formatWallClock(ms, zone, lang, { weekday: true });
  const label = w.id ?? `#${w.index + 1}`;
  const phase = { upcoming: ko ? '예정' : 'upcoming', open: ko ? '진행 중' : 'open', closed: ko ? '종료' : 'closed' }[w.phase];
  const out = [`**${label}**${w.title ? ` ${escapeMarkdown(w.title)}` : ''} (${phase})`];
  const rows: [string, string][] = [];
  rows.push([ko ? '시작' : 'Start', wall(w.startMs)]);
  if (w.endMs !== null) rows.push([ko ? '종료' : 'End', wall(w.endMs)]);
  rows.push([ko ? '경과' : 'Elapsed', formatDuration(w.elapsedMs, lang)]);
  if (w.announcedEndMs !== null) rows.push([ko ? '안내한 종료' : 'Announced end', wall(w.announcedEndMs)]);
  if (w.overrunMs !== null && w.phase !== 'upcoming') rows.push([ko ? '예정 대비' : 'Against announced end', formatOverrun(w.overrunMs, lang)]);
  if (state.windows.length > 1) rows.push([ko ? '전체 점검 시간' : 'Total maintenance', formatDuration(state.totalMaintenanceMs, lang)]);
  const c = state.communication;
  if (c.lastMs !== null) rows.push([ko ? '마지막 공지' : 'Last notice', wall(c.lastMs)]);
  if (activeWindow(state) === w && c.nextDueMs !== null) {
    rows.push([ko ? '다음 공지' : 'Next notice due', `${wall(c.nextDueMs)}${c.overdueMs ? (ko ? ` (${formatDuration(c.overdueMs, 'ko')} 지남)` : ` (${formatDuration(c.overdueMs, 'en')} overdue)`) : ''}`]);
  }
  out.push(rows.map(([k, v]) => `${k}: ${v}`).join('  \n'));
  return out;
}

/** Text from the log shown in Markdown: its markup characters are taken literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}
