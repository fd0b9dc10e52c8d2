// Pieces several sections share: how one entry reads in a list, how an elapsed clock is said.
import { formatDuration, formatWallTime } from '../../format';
import type { Block, Inline } from '../doc';
import { b } from '../doc';
import type { Facts, PmEntry, WindowFacts } from '../facts';

/** What a section renderer gets besides the facts. */
export interface SectionContext {
  heading: string;
  /** Headings of the sections after this one, for the introduction's reading guide. */
  following: string[];
}

/** A section: its blocks, or null to leave an optional section out. */
export type SectionRenderer = (f: Facts, ctx: SectionContext) => Block[] | null;

/** "점검 17시간 38분 경과" / "17 h 38 m into maintenance". */
export function intoMaintenance(f: Facts, ms: number): string {
  return f.t.into(formatDuration(ms, f.lang));
}

export function textOf(f: Facts, e: PmEntry): string { return e.text ?? f.t.missing.text; }

export function bySuffix(f: Facts, e: PmEntry): string { return e.by ? f.t.by(e.by) : ''; }

/** A decision told in one line: what was decided and the choice, with the details kept for its own section. */
export function decisionTail(f: Facts, e: PmEntry): Inline[] {
  if (e.kind !== 'decision') return [];
  const chosen = e.entry.chosen?.value;
  return [' → ', b(f.t.chapter.decided(chosen ?? f.t.missing.chosen))];
}

/** `**오후 3시 40분** text (who)`, with a decision's choice. */
export function entryLine(f: Facts, e: PmEntry, time: string): Inline[] {
  return [b(time), ' ', textOf(f, e), ...decisionTail(f, e), bySuffix(f, e)];
}

export function timeOnly(f: Facts, ms: number): string { return formatWallTime(ms, f.zone, f.lang); }

/** "오후 7시 → 오후 11시 → 1월 26일 오후 2시": each end said with its date when the day changes. */
export function expectedChain(f: Facts, w: WindowFacts): string {
  let prev: number | null = w.clock.startMs;
  return w.expectedEnds.map((x) => {
    const s = f.whenAfter(x.endMs, prev);
    prev = x.endMs;
    return s;
  }).join(' → ');
}

/** The time a window ran, told as of the log's last entry while it is open. */
export function windowLength(f: Facts, w: WindowFacts): string {
  const d = f.dur(w.clock.elapsedMs);
  return w.clock.open ? f.t.asOf(f.when(f.asOfMs), d) : d;
}

export function windowSpan(f: Facts, w: WindowFacts): string {
  const start = f.when(w.clock.startMs);
  if (w.clock.endMs === null) return f.t.span(start, '…');
  return f.t.span(start, f.whenAfter(w.clock.endMs, w.clock.startMs));
}

/** "30시간 30분 + 5시간 55분 = 36시간 25분". */
export function totalExpression(f: Facts): string {
  return f.t.sum(f.windows.map((w) => f.dur(w.clock.elapsedMs)), f.dur(f.clock.totalMaintenanceMs));
}
