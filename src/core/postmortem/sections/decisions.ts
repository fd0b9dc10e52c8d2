// Decisions told as dilemmas: the moment on both clocks, the options weighed, the one taken,
// why, and what the log says happened next.
import type { Block, Inline } from '../doc';
import { b, h, ol, p } from '../doc';
import type { Facts, PmEntry } from '../facts';
import { intoMaintenance, SectionRenderer } from './common';

function momentOf(f: Facts, d: PmEntry): string {
  if (d.ms === null) return f.t.missing.time;
  const parts = [f.when(d.ms)];
  if (d.windowElapsedMs !== null) parts.push(intoMaintenance(f, d.windowElapsedMs));
  else {
    const reopened = [...f.windows].reverse().find((w) => w.clock.endMs !== null && w.clock.endMs <= d.ms!);
    if (reopened) parts.push(f.t.afterReopen(f.dur(d.ms - reopened.clock.endMs!)));
  }
  if (d.by) parts.push(d.by);
  return parts.join(' · ');
}

/** The first entry after the decision that is not a notice: what the log says came of it. */
function followedBy(f: Facts, d: PmEntry): PmEntry | undefined {
  if (d.ms === null) return undefined;
  return f.entries.find((e) => e !== d && e.ms !== null && (e.ms > d.ms! || (e.ms === d.ms && e.order > d.order)) && e.kind !== 'communication');
}

export function decisionBlocks(f: Facts, d: PmEntry, level: 3 | 4): Block[] {
  const t = f.t;
  const k = t.decision;
  const e = d.entry;
  const chosen = e.chosen?.value;
  const out: Block[] = [h(level, d.text ?? t.missing.text), p(b(`${k.moment}:`), ' ', momentOf(f, d))];
  const among = chosen !== undefined && e.options.some((o) => o.value === chosen);
  out.push(p(b(`${k.options}:`), e.options.length ? '' : ` ${t.missing.options}`));
  if (e.options.length) {
    out.push(ol(e.options.map((o): Inline[] => (o.value === chosen ? [b(o.value), k.chosenMark] : [o.value]))));
  }
  if (!among) {
    out.push(p(b(`${k.chosen}:`), ' ', chosen ?? t.missing.chosen));
    if (chosen !== undefined && e.options.length) out.push(p(k.notAmong(chosen)));
  }
  out.push(p(b(`${k.why}:`), ' ', e.why?.value ?? t.missing.why));
  const next = followedBy(f, d);
  if (next) out.push(p(b(`${k.followed}:`), ' ', f.whenAfter(next.ms!, d.ms), ' — ', next.text ?? t.missing.text));
  return out;
}

export const decisions: SectionRenderer = (f, ctx) => {
  const out: Block[] = [h(2, ctx.heading)];
  if (!f.decisions.length) return [...out, p(f.t.decision.none)];
  for (const d of f.decisions) out.push(...decisionBlocks(f, d, 3));
  return out;
};
