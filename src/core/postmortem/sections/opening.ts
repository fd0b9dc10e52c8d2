// The opening of the NDC-style account: title, introduction, the one-page summary with its
// picture, what came before, and how the trouble surfaced.
import { formatOverrun } from '../../format';
import type { Block, GanttMark, Inline } from '../doc';
import { em, h, oneLine, p, paragraphsOf, table, ul } from '../doc';
import { Facts, keyDecision, openWindows } from '../facts';
import { entryLine, SectionRenderer, totalExpression, windowLength, windowSpan } from './common';
import { lookup } from '../strings';

export function titleBlocks(f: Facts): Block[] {
  const t = f.t;
  const inc = f.incident;
  const service = inc.service?.value ? oneLine(inc.service.value) : t.missing.service;
  const head = f.windows.length ? t.title(service, f.dur(f.clock.totalMaintenanceMs)) : t.titleNoWindow(service);
  const out: Block[] = [h(1, head + (openWindows(f).length ? t.stillOpen : ''))];
  const key = keyDecision(f);
  if (key) out.push(p(em(t.subtitle(oneLine(key.entry.chosen!.value)))));
  const meta = [inc.title?.value ? oneLine(inc.title.value) : t.missing.title];
  if (inc.severity?.value) meta.push(oneLine(inc.severity.value));
  if (inc.status?.value) meta.push(lookup(t.status, inc.status.value) ?? oneLine(inc.status.value));
  out.push(p(meta.join(' · ')));
  const facts: Inline[][] = [];
  const first = f.impactStartMs ?? f.entries.find((e) => e.ms !== null)?.ms ?? null;
  const last = f.impactEndMs ?? (f.windows.length ? f.windows[f.windows.length - 1].clock.endMs : null);
  if (first !== null) facts.push([t.span(f.when(first, { year: true }), last !== null ? f.whenAfter(last, first) : '…')]);
  if (f.windows.length > 1) facts.push([totalExpression(f)]);
  facts.push([t.zoneNote(f.zone)]);
  out.push(ul(facts));
  return out;
}

export const intro: SectionRenderer = (f, ctx) => {
  const t = f.t;
  const inc = f.incident;
  const out: Block[] = [h(2, ctx.heading)];
  const summary = inc.summary?.value ? paragraphsOf(inc.summary.value) : [];
  out.push(...(summary.length ? summary.map((s) => p(s)) : [p(t.missing.summary)]));
  if (inc.roles.size) {
    out.push(p(t.intro.roles));
    out.push(ul([...inc.roles].map(([role, handle]) => {
      const person = inc.people.get(handle.value);
      const who = person?.name ?? handle.value;
      return [`${lookup(t.role, role) ?? role}: ${who}${person?.team ? ` (${person.team})` : ''}`];
    })));
  } else out.push(p(t.missing.roles));
  const writers = new Set(f.entries.map((e) => e.entry.by?.value).filter(Boolean));
  out.push(p(t.intro.source(f.entries.length, writers.size)));
  if (ctx.following.length) out.push(p(t.intro.reader(ctx.following.join(', '))));
  return out;
};

export const glance: SectionRenderer = (f, ctx) => {
  const t = f.t;
  const g = t.glance;
  const inc = f.incident;
  const rows: Inline[][][] = [];
  const row = (k: string, v: string) => rows.push([[k], [v]]);
  row(g.impactStart, f.impactStartMs !== null ? f.when(f.impactStartMs) : t.missing.impactStart);
  row(g.impactEnd, f.impactEndMs !== null ? f.when(f.impactEndMs) : t.missing.impactEnd);
  for (const w of f.windows) {
    row(g.window(w.label), `${windowSpan(f, w)} · ${windowLength(f, w)}`);
    if (w.clock.overrunMs !== null && w.clock.announcedEndMs !== null) {
      row(`${w.short} · ${t.chapter.announced}`, g.overrun(formatOverrun(w.clock.overrunMs, f.lang), f.whenAfter(w.clock.announcedEndMs, w.clock.startMs)));
    }
  }
  if (f.windows.length) row(g.total, totalExpression(f));
  row(g.users, inc.impact.users?.value ? oneLine(inc.impact.users.value) : t.missing.users);
  if (inc.impact.regions.length) row(g.regions, inc.impact.regions.map((r) => oneLine(r.value)).join(', '));
  const loss = inc.impact.dataLoss;
  row(g.dataLoss, loss === false ? g.dataLossNo : loss === true ? g.dataLossYes : typeof loss === 'string' ? oneLine(loss) : t.missing.dataLoss);
  const m = f.clock.metrics;
  row(g.detect, m.timeToDetectMs !== null ? f.dur(m.timeToDetectMs) : f.impactStartMs === null ? t.missing.impactStart : t.missing.detection);
  row(g.mitigate, m.timeToMitigateMs !== null ? f.dur(m.timeToMitigateMs) : f.clock.marks.firstDetectionMs === null ? t.missing.detection : t.missing.mitigation);
  row(g.resolve, m.timeToResolveMs !== null ? f.dur(m.timeToResolveMs) : f.clock.marks.firstDetectionMs === null ? t.missing.detection : t.missing.resolution);
  const out: Block[] = [h(2, ctx.heading), table([[g.item], [g.value]], rows)];
  if (inc.impact.summary?.value) out.push(p(b2(g.impactSummary), ' ', oneLine(inc.impact.summary.value)));
  const gantt = ganttBlock(f);
  if (gantt) out.push(gantt);
  return out;
};

const b2 = (s: string): Inline => ({ strong: [`${s}:`] });

const MARK_KINDS = new Set(['detection', 'decision', 'mitigation', 'resolution']);

/** Windows as bars; detections, decisions, mitigations and the resolution as milestones. */
export function ganttBlock(f: Facts): Block | null {
  const marks: GanttMark[] = f.entries
    .filter((e) => e.ms !== null && MARK_KINDS.has(e.kind) && (e.kind !== 'detection' || e.ms === f.clock.marks.firstDetectionMs))
    .slice(0, 24)
    .map((e) => ({ label: e.kind === 'decision' && e.entry.chosen?.value ? e.entry.chosen.value : e.text ?? lookup(f.t.kind, e.kind) ?? e.kind, atMs: e.ms!, kind: e.kind }));
  if (!f.windows.length && !marks.length) return null;
  return {
    type: 'gantt',
    data: {
      title: f.incident.title?.value ?? f.incident.id?.value ?? '', zone: f.zone, barsLabel: f.t.gantt.bars, marksLabel: f.t.gantt.marks,
      bars: f.windows.map((w) => ({ label: w.label, startMs: w.clock.startMs, endMs: w.clock.endMs ?? f.asOfMs, open: w.clock.open })),
      marks,
    },
  };
}

export const background: SectionRenderer = (f, ctx) => {
  const seg = f.segments.find((s) => s.kind === 'background');
  if (!seg?.entries.length) return null;
  return [h(2, ctx.heading), ul(seg.entries.map((e) => entryLine(f, e, f.when(e.ms!))))];
};

export const signs: SectionRenderer = (f, ctx) => {
  const t = f.t;
  const seg = f.segments.find((s) => s.kind === 'signs');
  const out: Block[] = [h(2, ctx.heading)];
  let prev: number | null = null;
  if (seg?.entries.length) {
    out.push(ul(seg.entries.map((e) => {
      const line = entryLine(f, e, f.whenAfter(e.ms!, prev));
      prev = e.ms;
      return line;
    })));
  }
  const detect = f.clock.marks.firstDetectionMs;
  if (detect === null) out.push(p(t.missing.detection));
  else if (f.impactStartMs === null) out.push(p(t.missing.impactStart));
  else if (f.clock.metrics.timeToDetectMs !== null) {
    out.push(p(t.signs.detect(f.dur(f.clock.metrics.timeToDetectMs), f.when(f.impactStartMs), f.whenAfter(detect, f.impactStartMs))));
  }
  const firstWindow = f.windows[0];
  if (detect !== null && firstWindow && firstWindow.clock.startMs >= detect) {
    out.push(p(t.signs.untilWindow(f.dur(firstWindow.clock.startMs - detect))));
  }
  return out;
};
