// The body of the NDC account: one chapter per maintenance window, told in scenes headed by
// the wall clock and the maintenance clock ("1월 26일 오전 9시 40분 · 점검 18시간 경과"),
// notices as side notes showing how the promised end moved, and the stretches between windows
// as interludes ("재오픈 이후").
import type { Block, Inline } from '../doc';
import { b, em, h, p, quote, ul } from '../doc';
import type { Facts, PmEntry, WindowFacts } from '../facts';
import { formatOverrun, wallDayKey } from '../../format';
import { bySuffix, entryLine, expectedChain, intoMaintenance, SectionRenderer, textOf, timeOnly, windowLength, windowSpan } from './common';

/** A silence this long in the log starts a new scene. */
const SCENE_GAP_MS = 3 * 3600000;
const SCENE_KINDS = new Set(['decision', 'mitigation', 'maintenance-start', 'maintenance-end', 'resolution']);

/** Scenes: a new one on a new day, at a decision, mitigation or window boundary, and after a long gap. */
function scenes(f: Facts, entries: PmEntry[], clockOf: (e: PmEntry) => string | null, window?: WindowFacts): Block[] {
  const t = f.t;
  const out: Block[] = [];
  let items: Inline[][] = [];
  let notices: Inline[][] = [];
  let prev: PmEntry | null = null;
  let sceneMs: number | null = null;
  let expected = window?.clock.announcedEndMs ?? null;
  const flushItems = () => { if (items.length) out.push(ul(items)); items = []; };
  const flushNotices = () => { if (notices.length) out.push(quote(ul(notices))); notices = []; };
  for (const e of entries) {
    const ms = e.ms!;
    const fresh = !prev || wallDayKey(ms, f.zone) !== wallDayKey(prev.ms!, f.zone) || SCENE_KINDS.has(e.kind) || ms - prev.ms! >= SCENE_GAP_MS;
    if (fresh && !(prev && e.kind === 'maintenance-end' && prev.ms === ms)) {
      flushItems();
      flushNotices();
      const clock = clockOf(e);
      out.push(h(4, f.whenAfter(ms, sceneMs) + (clock ? ` · ${clock}` : '')));
      sceneMs = ms;
    }
    prev = e;
    if (e.kind !== 'communication') {
      flushNotices();
      items.push(entryLine(f, e, timeOnly(f, ms)));
      continue;
    }
    flushItems();
    const end = e.entry.expectedEnd?.time?.ms;
    const line: Inline[] = [b(t.chapter.notice), ' ', timeOnly(f, ms), ' · ', textOf(f, e)];
    if (end !== undefined) line.push(' · ', t.chapter.expectedEnd(f.whenAfter(end, ms)));
    line.push(bySuffix(f, e));
    notices.push(line);
    if (end !== undefined && expected !== null && end !== expected) {
      notices.push([em(t.chapter.moved(f.whenAfter(expected, ms), f.whenAfter(end, ms)))]);
    }
    if (end !== undefined) expected = end;
  }
  flushItems();
  flushNotices();
  return out;
}

function chapter(f: Facts, w: WindowFacts, entries: PmEntry[]): Block[] {
  const t = f.t;
  const out: Block[] = [h(3, w.label), p(t.chapter.line(windowSpan(f, w), windowLength(f, w)))];
  const facts: Inline[][] = [[b(`${t.chapter.reason}:`), ' ', w.w.reason?.value ?? t.missing.windowReason]];
  if (w.clock.announcedEndMs !== null) {
    const line: Inline[] = [b(`${t.chapter.announced}:`), ' ', f.whenAfter(w.clock.announcedEndMs, w.clock.startMs)];
    if (w.clock.overrunMs !== null && w.clock.endMs !== null) line.push(' · ', t.chapter.overrun(formatOverrun(w.clock.overrunMs, f.lang)));
    facts.push(line);
  } else facts.push([b(`${t.chapter.announced}:`), ' ', t.missing.announcedEnd]);
  if (w.expectedEnds.length > 1) facts.push([b(`${t.heading.announcedMoves}:`), ' ', expectedChain(f, w)]);
  out.push(ul(facts));
  if (!entries.length) return [...out, p(t.chapter.noEntries)];
  const clockOf = (e: PmEntry) => (e.windowElapsedMs !== null && e.windowElapsedMs < 60000 ? t.windowStart : e.windowElapsedMs !== null ? intoMaintenance(f, e.windowElapsedMs) : null);
  return [...out, ...scenes(f, entries, clockOf, w)];
}

export const diary: SectionRenderer = (f, ctx) => {
  const t = f.t;
  const out: Block[] = [h(2, ctx.heading)];
  for (const seg of f.segments) {
    if (seg.kind === 'window' && seg.window) out.push(...chapter(f, seg.window, seg.entries));
    else if (seg.kind === 'interlude' && seg.after) {
      const after = seg.after;
      const reopened = after.clock.endMs;
      if (reopened === null || (!seg.entries.length && !seg.before)) continue;
      out.push(h(3, f.windows.length > 1 ? `${t.heading.interlude} · ${after.short}` : t.heading.interlude));
      out.push(p(seg.before ? t.chapter.interlude(after.short, seg.before.short, f.dur(Math.max(0, seg.before.clock.startMs - reopened))) : t.chapter.after(after.short)));
      out.push(...scenes(f, seg.entries, (e) => t.afterReopen(f.dur(e.ms! - reopened))));
    } else if (seg.kind === 'response' && seg.entries.length) {
      out.push(h(3, t.heading.response), ...scenes(f, seg.entries, () => null));
    }
  }
  return out.length > 1 ? out : null;
};
