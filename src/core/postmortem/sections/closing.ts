// After the story: the numbers, the causes tied to their scenes, looking back, what changed,
// and how users were kept informed.
import { formatOverrun, formatWallDate } from '../../format';
import type { Block, Inline } from '../doc';
import { b, h, oneLine, p, table, ul } from '../doc';
import type { Facts } from '../facts';
import { expectedChain, SectionRenderer, textOf, timeOnly } from './common';
import { lookup } from '../strings';

export const numbers: SectionRenderer = (f, ctx) => {
  const t = f.t;
  const n = t.numbers;
  const items: Inline[][] = [];
  const beat = (value: string, label: string) => items.push([b(value), ' — ', label]);
  for (const w of f.windows) beat(f.dur(w.clock.elapsedMs), w.label);
  if (f.windows.length > 1) beat(f.dur(f.clock.totalMaintenanceMs), f.windows.length === 2 ? n.total : n.totalMany(f.windows.length));
  for (let i = 1; i < f.windows.length; i++) {
    const a = f.windows[i - 1];
    const end = a.clock.endMs;
    if (end !== null) beat(f.dur(Math.max(0, f.windows[i].clock.startMs - end)), f.windows.length === 2 ? n.interlude : `${a.short} – ${f.windows[i].short}`);
  }
  for (const w of f.windows) {
    if (w.clock.endMs !== null && w.clock.overrunMs !== null && w.clock.overrunMs >= 60000) beat(formatOverrun(w.clock.overrunMs, f.lang), n.overrun(w.short));
    if (w.expectedEnds.length > 1) beat(n.count(w.expectedEnds.length - 1), n.moves(w.short));
    if (w.silence) beat(f.dur(w.silence.toMs - w.silence.fromMs), n.gap(w.short));
  }
  const notices = f.entries.filter((e) => e.kind === 'communication').length;
  if (notices) beat(n.count(notices), n.notices);
  const m = f.clock.metrics;
  if (m.timeToDetectMs !== null) beat(f.dur(m.timeToDetectMs), n.detect);
  if (m.timeToMitigateMs !== null) beat(f.dur(m.timeToMitigateMs), n.mitigate);
  if (m.timeToResolveMs !== null) beat(f.dur(m.timeToResolveMs), n.resolve);
  if (f.decisions.length) beat(n.items(f.decisions.length), n.decisions);
  beat(n.items(f.entries.length), n.entries);
  if (f.incident.impact.users?.value) beat(oneLine(f.incident.impact.users.value), n.users);
  return [h(2, ctx.heading), ul(items)];
};

export const causes: SectionRenderer = (f, ctx) => {
  const t = f.t;
  const out: Block[] = [h(2, ctx.heading)];
  const list = f.incident.causes.filter((c) => c.text?.value);
  if (!list.length) return [...out, p(t.missing.causes)];
  out.push(ul(list.map((c) => {
    const line: Inline[] = [c.text!.value];
    if (c.refs.length) {
      const scenes = c.refs.map((r) => {
        const e = f.byId.get(r.value);
        if (!e) return t.missing.unknownRef(r.value);
        return e.ms === null ? r.value : `${f.when(e.ms)} ${lookup(t.kind, e.kind) ?? e.kind}`;
      });
      line.push(' (', `${t.causes.scenes}: `, scenes.join(', '), ')');
    }
    return line;
  })));
  return out;
};

export const lessons: SectionRenderer = (f, ctx) => {
  const t = f.t;
  const l = f.incident.lessons;
  const part = (heading: string, items: { value: string }[]): Block[] => [
    h(3, heading), items.length ? ul(items.map((s) => [s.value])) : p(t.missing.lessons),
  ];
  return [h(2, ctx.heading), ...part(t.heading.wentWell, l.wentWell), ...part(t.heading.wentWrong, l.wentWrong), ...part(t.heading.lucky, l.lucky)];
};

/** A due date as written (`2021-02-05`), said the reader's way when it is a plain date. */
export function dueText(f: Facts, due: string | undefined): string {
  if (!due) return f.t.missing.due;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due.trim());
  return m ? formatWallDate(Date.UTC(+m[1], +m[2] - 1, +m[3], 12), 'UTC', f.lang, { year: true }) : oneLine(due);
}

export function ownerText(f: Facts, owner: string | undefined): string {
  return owner ? f.name(owner) ?? owner : f.t.missing.owner;
}

/** Checklist items skipped, with the reason, told with the team's own wording when it defines the item. */
export function skippedItems(f: Facts): Inline[][] {
  const out: Inline[][] = [];
  for (const rec of f.incident.checklist.values()) {
    if (!rec.skipped?.value) continue;
    const def = f.config.checklists.find((c) => c.id === rec.id);
    const label = def ? `${def.text[f.lang]} (${rec.id})` : rec.id;
    out.push([f.t.changes.skippedLine(label, rec.skipped.value), rec.by?.value ? f.t.by(f.name(rec.by.value)!) : '']);
  }
  return out;
}

export const changes: SectionRenderer = (f, ctx) => {
  const t = f.t;
  const c = t.changes;
  const out: Block[] = [h(2, ctx.heading)];
  const items = f.incident.actionItems.filter((a) => a.title?.value);
  const detail = (owner: string | undefined, due: string | undefined, status?: string): string =>
    [`${c.owner} ${ownerText(f, owner)}`, `${c.due} ${dueText(f, due)}`, ...(status ? [`${c.status} ${status}`] : [])].join(', ');
  const group = (heading: string, pick: (s: string | undefined) => boolean, withStatus: boolean) => {
    const list = items.filter((a) => pick(a.status?.value));
    if (!list.length) return;
    out.push(h(3, heading), ul(list.map((a) => [
      withStatus ? a.title!.value : b(c.doneLine(a.title!.value)),
      ` — ${detail(a.owner?.value, a.due?.value, withStatus ? lookup(t.actionStatus, a.status?.value ?? 'open') ?? a.status?.value : undefined)}`,
    ])));
  };
  if (!items.length) out.push(p(t.missing.actionItems));
  group(t.heading.done, (s) => s === 'done', false);
  group(t.heading.open, (s) => s !== 'done' && s !== 'wontfix', true);
  group(t.heading.wontfix, (s) => s === 'wontfix', false);
  const skipped = skippedItems(f);
  if (skipped.length) out.push(h(3, t.heading.skipped), ul(skipped));
  return out;
};

export const comms: SectionRenderer = (f, ctx) => {
  const t = f.t;
  const k = t.comms;
  const out: Block[] = [h(2, ctx.heading)];
  const notices = f.entries.filter((e) => e.kind === 'communication');
  if (!notices.length) return [...out, p(t.missing.notices)];
  out.push(p(k.count(notices.length)));
  const facts: Inline[][] = [];
  for (const w of f.windows) {
    if (w.expectedEnds.length) facts.push([b(`${w.short}:`), ' ', k.moves(expectedChain(f, w))]);
    if (w.silence) facts.push([k.silence(w.short, f.dur(w.silence.toMs - w.silence.fromMs), f.when(w.silence.fromMs), f.whenAfter(w.silence.toMs, w.silence.fromMs))]);
  }
  if (facts.length) out.push(ul(facts));
  let prev: number | null = null;
  out.push(table([[k.when], [k.elapsed], [k.text], [k.expected]], notices.map((e) => {
    const when = e.ms === null ? t.missing.time : f.whenAfter(e.ms, prev);
    if (e.ms !== null) prev = e.ms;
    const end = e.entry.expectedEnd?.time?.ms;
    return [
      [when], [e.window && e.windowElapsedMs !== null ? `${e.window.short} ${f.dur(e.windowElapsedMs)}` : ''],
      [textOf(f, e), e.by ? t.by(e.by) : ''], [end !== undefined && e.ms !== null ? f.whenAfter(end, e.ms) : end !== undefined ? timeOnly(f, end) : ''],
    ];
  })));
  return out;
};
