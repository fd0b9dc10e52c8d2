// The full record: every entry with its wall clock, T+ and maintenance clock, and who took part.
import type { Block, Inline } from '../doc';
import { h, table } from '../doc';
import type { Facts, PmEntry } from '../facts';
import { SectionRenderer, textOf } from './common';
import { lookup } from '../strings';

/** A decision in one cell: what was chosen, among what, and why. */
function rowText(f: Facts, e: PmEntry): Inline[] {
  const text: Inline[] = [textOf(f, e)];
  if (e.kind !== 'decision') return text;
  const k = f.t.decision;
  const ent = e.entry;
  text.push(` → ${k.chosen}: ${ent.chosen?.value ?? f.t.missing.chosen}`);
  text.push(` (${k.options}: ${ent.options.length ? ent.options.map((o) => o.value).join(' / ') : f.t.missing.options}; `);
  text.push(`${k.why}: ${ent.why?.value ?? f.t.missing.why})`);
  return text;
}

export function timelineTable(f: Facts): Block {
  const a = f.t.appendix;
  let prev: number | null = null;
  const rows = f.entries.map((e): Inline[][] => {
    const when = e.ms === null ? f.t.missing.time : f.whenAfter(e.ms, prev);
    if (e.ms !== null) prev = e.ms;
    const tplus = e.tPlusMs === null ? '' : f.dur(e.tPlusMs);
    const elapsed = e.window && e.windowElapsedMs !== null ? `${e.window.short} ${f.dur(e.windowElapsedMs)}` : '';
    return [[when], [tplus], [elapsed], [lookup(f.t.kind, e.kind) ?? e.kind], rowText(f, e), [e.by ?? '']];
  });
  return table([[a.time], [a.tplus], [a.elapsed], [a.kind], [a.text], [a.by]], rows);
}

/** Everyone the log names: writers of entries, role holders, owners of action items. */
export function rosterTable(f: Facts): Block | null {
  const inc = f.incident;
  const a = f.t.appendix;
  const roles = new Map<string, string[]>();
  for (const [role, handle] of inc.roles) roles.set(handle.value, [...(roles.get(handle.value) ?? []), lookup(f.t.role, role) ?? role]);
  const handles = new Set<string>([...roles.keys()]);
  for (const e of f.entries) if (e.entry.by?.value) handles.add(e.entry.by.value);
  for (const ai of inc.actionItems) if (ai.owner?.value) handles.add(ai.owner.value);
  if (!handles.size) return null;
  const rows = [...handles].sort().map((handle): Inline[][] => {
    const person = inc.people.get(handle);
    return [[handle], [person?.name ?? ''], [person?.team ?? ''], [(roles.get(handle) ?? []).join(', ')]];
  });
  return table([[a.handle], [a.name], [a.team], [a.roles]], rows);
}

export const appendix: SectionRenderer = (f, ctx) => {
  const out: Block[] = [h(2, ctx.heading), h(3, f.t.heading.timelineTable), timelineTable(f)];
  const roster = rosterTable(f);
  if (roster) out.push(h(3, f.t.heading.roster), roster);
  return out;
};

/** The SRE template's last section: the same table, and the roster. */
export const timeline: SectionRenderer = (f, ctx) => {
  const roster = rosterTable(f);
  return [h(2, ctx.heading), timelineTable(f), ...(roster ? [h(3, f.t.heading.roster), roster] : [])];
};
