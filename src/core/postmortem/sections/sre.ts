// Sections only the Google SRE book's template has; the rest it shares with the NDC account.
import type { Block } from '../doc';
import { em, h, oneLine, p, paragraphsOf, table, ul } from '../doc';
import type { Facts } from '../facts';
import { decisionBlocks } from './decisions';
import { dueText, ownerText, skippedItems } from './closing';
import { entryLine, SectionRenderer } from './common';
import { lookup } from '../strings';

export function sreTitle(f: Facts): Block[] {
  const inc = f.incident;
  const title = inc.title?.value ? oneLine(inc.title.value) : f.t.missing.title;
  const head = f.lang === 'ko' ? `포스트모템: ${title}` : `Postmortem: ${title}`;
  const meta = [inc.service?.value ? oneLine(inc.service.value) : f.t.missing.service];
  if (inc.severity?.value) meta.push(oneLine(inc.severity.value));
  if (inc.status?.value) meta.push(lookup(f.t.status, inc.status.value) ?? oneLine(inc.status.value));
  return [h(1, head), p(meta.join(' · ')), p(em(f.t.zoneNote(f.zone)))];
}

export const summary: SectionRenderer = (f, ctx) => {
  const parts = f.incident.summary?.value ? paragraphsOf(f.incident.summary.value) : [];
  return [h(2, ctx.heading), ...(parts.length ? parts.map((s) => p(s)) : [p(f.t.missing.summary)])];
};

const listOf = (f: Facts, kinds: string[]) => f.entries.filter((e) => e.ms !== null && kinds.includes(e.kind));

export const trigger: SectionRenderer = (f, ctx) => {
  const out: Block[] = [h(2, ctx.heading), p(f.t.missing.trigger)];
  const first = listOf(f, ['detection'])[0];
  if (first) out.push(p(f.t.sre.trigger(f.when(first.ms!), first.text ?? f.t.missing.text)));
  return out;
};

export const detection: SectionRenderer = (f, ctx) => {
  const out: Block[] = [h(2, ctx.heading)];
  const list = listOf(f, ['detection', 'escalation']);
  out.push(list.length ? ul(list.map((e) => entryLine(f, e, f.when(e.ms!)))) : p(f.t.missing.detection));
  const ttd = f.clock.metrics.timeToDetectMs;
  out.push(p(f.t.sre.detection(ttd !== null ? f.dur(ttd) : f.impactStartMs === null ? f.t.missing.impactStart : f.t.missing.detection)));
  return out;
};

export const resolution: SectionRenderer = (f, ctx) => {
  const out: Block[] = [h(2, ctx.heading)];
  const list = listOf(f, ['mitigation', 'maintenance-start', 'maintenance-end', 'resolution']);
  out.push(list.length ? ul(list.map((e) => entryLine(f, e, f.when(e.ms!)))) : p(f.t.missing.resolution));
  if (f.decisions.length) {
    out.push(h(3, f.t.heading.decisions));
    for (const d of f.decisions) out.push(...decisionBlocks(f, d, 4));
  }
  return out;
};

export const actionItems: SectionRenderer = (f, ctx) => {
  const t = f.t;
  const out: Block[] = [h(2, ctx.heading)];
  const items = f.incident.actionItems.filter((a) => a.title?.value);
  if (!items.length) out.push(p(t.missing.actionItems));
  else {
    const c = t.changes;
    out.push(table([['id'], [ctx.heading], [c.owner], [c.due], [c.status]], items.map((a) => [
      [a.id?.value ?? ''], [a.title!.value], [ownerText(f, a.owner?.value)], [dueText(f, a.due?.value)],
      [lookup(t.actionStatus, a.status?.value ?? 'open') ?? a.status?.value ?? ''],
    ])));
  }
  const skipped = skippedItems(f);
  if (skipped.length) out.push(h(3, t.heading.skipped), ul(skipped));
  return out;
};
