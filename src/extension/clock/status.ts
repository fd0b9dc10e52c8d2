// What the clock's status bar item says at a given moment, from the server's last ClockState
// and the client's own clock. Pure (no `vscode`), so the text, tooltip and colour decisions are
// unit-tested; statusBar.ts only paints the result. Every figure is recomputed from the
// state's instants and `nowMs`, never from a count of ticks, so a laptop that slept or a
// clock that was set stays right.
import { ClockState, formatStatusClock, WindowClock } from '../../core/clock';
import type { Lang } from '../../core/config';
import { formatDuration, formatOverrun, formatWallClock } from '../../core/format';
import { escapeMarkdown } from '../../core/service/inlay-hints';

export type StatusColour = 'statusBarItem.warningBackground' | 'statusBarItem.errorBackground';

export interface StatusView {
  text: string;
  /** Markdown, with `$(icon)` syntax. */
  tooltip: string;
  colour?: StatusColour;
  /** Position in `maintenance:` of the window shown, for "reveal it in the file". */
  windowIndex: number;
  /**
   * When the text next changes (epoch ms), to paint it again then; null when it no longer changes
   * with time. Each second while a window is open; before one opens, each minute of the countdown
   * (each second in its last minute), so an upcoming window costs no per-second work.
   */
  nextMs: number | null;
}

type Phase = WindowClock['phase'];

/** A window's phase at `nowMs`: the server read it at `state.nowMs`, which may be long ago. */
export function phaseAt(w: Pick<WindowClock, 'startMs' | 'endMs'>, nowMs: number): Phase {
  if (nowMs < w.startMs) return 'upcoming';
  return w.endMs !== null && w.endMs <= nowMs ? 'closed' : 'open';
}

/** The window to show: the latest-starting open one, else the next upcoming one, else the last closed one. */
export function shownWindow(state: ClockState, nowMs: number): WindowClock | undefined {
  const withPhase = state.windows.map((w) => ({ w, phase: phaseAt(w, nowMs) }));
  const latest = (list: typeof withPhase) => list.reduce<WindowClock | undefined>((best, x) => (!best || x.w.startMs >= best.startMs ? x.w : best), undefined);
  const open = latest(withPhase.filter((x) => x.phase === 'open'));
  if (open) return open;
  const upcoming = withPhase.filter((x) => x.phase === 'upcoming').sort((a, b) => a.w.startMs - b.w.startMs)[0];
  return upcoming?.w ?? latest(withPhase.filter((x) => x.phase === 'closed'));
}

/** The figures that grow with time, at `nowMs`. */
export function liveFigures(state: ClockState, w: WindowClock, nowMs: number) {
  const until = (x: WindowClock) => (x.endMs !== null && x.endMs <= nowMs ? x.endMs : nowMs);
  const elapsed = (x: WindowClock) => (nowMs < x.startMs ? 0 : Math.max(0, until(x) - x.startMs));
  const open = phaseAt(w, nowMs) === 'open';
  const c = state.communication;
  // The next notice is due from the later of the last notice and the window's start.
  const nextDueMs = open ? Math.max(c.lastMs ?? -Infinity, w.startMs) + c.cadenceMs : null;
  return {
    elapsedMs: elapsed(w),
    overrunMs: w.announcedEndMs === null || nowMs < w.startMs ? null : until(w) - w.announcedEndMs,
    totalMaintenanceMs: state.windows.reduce((sum, x) => sum + elapsed(x), 0),
    nextDueMs,
    overdueMs: nextDueMs === null ? null : Math.max(0, nowMs - nextDueMs),
  };
}

const L = {
  en: {
    open: 'open', closed: 'closed', upcoming: 'upcoming', start: 'Start', end: 'End', elapsed: 'Elapsed',
    announced: 'Announced end', against: 'Against announced end', total: 'Total maintenance', ttd: 'Time to detect',
    ttm: 'Time to mitigate', ttr: 'Time to resolve', last: 'Last notice', none: 'none yet', next: 'Next notice due',
    ago: (d: string) => `${d} ago`, overdue: (d: string) => `${d} overdue`, inT: (d: string) => `in ${d}`,
    click: 'Click to show the window in the file.', zone: 'Times in',
  },
  ko: {
    open: '진행 중', closed: '종료', upcoming: '예정', start: '시작', end: '종료', elapsed: '경과',
    announced: '안내한 종료', against: '예정 대비', total: '전체 점검 시간', ttd: '감지까지',
    ttm: '완화까지', ttr: '해결까지', last: '마지막 공지', none: '아직 없음', next: '다음 공지',
    ago: (d: string) => `${d} 전`, overdue: (d: string) => `${d} 지남`, inT: (d: string) => `${d} 후`,
    click: '누르면 파일에서 이 점검을 보여 줍니다.', zone: '시각 기준',
  },
};

/** When `formatStatusClock(w, ·)` next reads differently after `nowMs`; null once the window closed. */
export function nextChangeMs(w: Pick<WindowClock, 'startMs' | 'endMs'>, nowMs: number): number | null {
  const phase = phaseAt(w, nowMs);
  if (phase === 'closed') return null;
  // The stopwatch shows whole seconds elapsed: the next one starts on the next whole second.
  if (phase === 'open') {
    const second = nowMs + 1000 - ((nowMs - w.startMs) % 1000);
    return w.endMs !== null && w.endMs < second ? w.endMs : second;
  }
  // The countdown floors to seconds under a minute, else to minutes: it reads one less when the
  // time left drops below the unit it shows, one millisecond after a whole unit is left.
  const left = w.startMs - nowMs;
  const unit = left < 60000 ? 1000 : 60000;
  return nowMs + (left % unit) + 1;
}

// The tooltip repeats a handful of instants each tick; formatting them through the zone is
// most of a tick's cost, and they do not change between the server's messages.
const wallTexts = new Map<string, string>();
function wallText(ms: number, zone: string, lang: Lang): string {
  const key = `${ms} ${zone} ${lang}`;
  let text = wallTexts.get(key);
  if (text === undefined) {
    if (wallTexts.size >= 256) wallTexts.clear();
    text = formatWallClock(ms, zone, lang, { weekday: true });
    wallTexts.set(key, text);
  }
  return text;
}

/** The item for `state` at `nowMs`, or undefined when the log has no window with a readable start. */
export function statusView(state: ClockState, nowMs: number, lang: Lang): StatusView | undefined {
  const w = shownWindow(state, nowMs);
  if (!w) return undefined;
  const s = L[lang] ?? L.en;
  const live = liveFigures(state, w, nowMs);
  const phase = phaseAt(w, nowMs);
  const late = phase === 'open' && live.overrunMs !== null && live.overrunMs > 0;
  const overdue = phase === 'open' && (live.overdueMs ?? 0) > 0;
  const colour: StatusColour | undefined = late && overdue ? 'statusBarItem.errorBackground'
    : late || overdue ? 'statusBarItem.warningBackground' : undefined;

  const zone = state.zone ?? 'UTC';
  const wall = (ms: number) => wallText(ms, zone, lang);
  const dur = (ms: number) => formatDuration(ms, lang);
  const md: string[] = [];
  md.push(`**${escapeMarkdown(state.incident ?? '')}**${state.status ? ` · ${escapeMarkdown(state.status)}` : ''}`);
  for (const x of state.windows) {
    const p = phaseAt(x, nowMs);
    const f = liveFigures(state, x, nowMs);
    const rows = [`${x === w ? '$(watch) ' : ''}**${escapeMarkdown(x.id ?? `#${x.index + 1}`)}**${x.title ? ` ${escapeMarkdown(x.title)}` : ''} (${s[p]})`];
    rows.push(`${s.start}: ${wall(x.startMs)}`);
    if (p === 'closed' && x.endMs !== null) rows.push(`${s.end}: ${wall(x.endMs)}`);
    if (p !== 'upcoming') rows.push(`${s.elapsed}: ${dur(f.elapsedMs)}`);
    if (x.announcedEndMs !== null) rows.push(`${s.announced}: ${wall(x.announcedEndMs)}`);
    if (f.overrunMs !== null) rows.push(`${s.against}: ${formatOverrun(f.overrunMs, lang)}`);
    md.push(rows.join('  \n'));
  }
  const rows: string[] = [`${s.total}: ${dur(live.totalMaintenanceMs)}`];
  const m = state.metrics;
  if (m.timeToDetectMs !== null) rows.push(`${s.ttd}: ${dur(m.timeToDetectMs)}`);
  if (m.timeToMitigateMs !== null) rows.push(`${s.ttm}: ${dur(m.timeToMitigateMs)}`);
  if (m.timeToResolveMs !== null) rows.push(`${s.ttr}: ${dur(m.timeToResolveMs)}`);
  const c = state.communication;
  rows.push(`${s.last}: ${c.lastMs === null ? s.none : `${wall(c.lastMs)} (${s.ago(dur(Math.max(0, nowMs - c.lastMs)))})`}`);
  if (live.nextDueMs !== null) {
    const due = live.overdueMs ? s.overdue(dur(live.overdueMs)) : s.inT(dur(live.nextDueMs - nowMs));
    rows.push(`${overdue ? '$(warning) ' : ''}${s.next}: ${wall(live.nextDueMs)} (${due})`);
  }
  md.push(rows.join('  \n'));
  md.push(`${s.zone} ${escapeMarkdown(zone)}. ${s.click}`);

  return {
    text: formatStatusClock(w, nowMs, lang),
    tooltip: md.join('\n\n'),
    colour,
    windowIndex: w.index,
    nextMs: nextChangeMs(w, nowMs),
  };
}
