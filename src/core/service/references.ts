// Go to definition, find references and rename for the names a log links by: window ids
// (`window:`), entry ids (`refs`), step ids (`after`) and roster handles (`by`, `owner`,
// role values, checklist `by`). One table of occurrences serves all four.
import type { Node } from 'yaml';
import { INCIDENT_ID, WINDOW_ID } from '../schema/incident';
import { asMap, getPair, keyName, pairsOf, spanOf } from '../source';
import type { Span } from '../text';
import type { Str } from '../model/fields';
import { entryIds, incidentOf, runbookOf } from './facts';
import type { Location, PrepareRenameResult, RangeEdit, RenameResult, ServiceInput } from './types';

export type NameKind = 'window' | 'entry' | 'step' | 'person';

export interface Occurrence { kind: NameKind; name: string; span: Span; definition: boolean }

export function occurrences(input: ServiceInput): Occurrence[] {
  const out: Occurrence[] = [];
  const push = (kind: NameKind, s: Str | undefined, definition = false): void => {
    if (s) out.push({ kind, name: s.value, span: s.span, definition });
  };
  const inc = incidentOf(input);
  if (inc) {
    for (const w of inc.windows) push('window', w.id, true);
    for (const e of [...inc.timeline, ...inc.decisions]) { push('window', e.window); push('person', e.by); }
    for (const e of entryIds(inc)) push('entry', e.id, true);
    for (const c of inc.causes) c.refs.forEach((r) => push('entry', r));
    for (const a of inc.actionItems) { a.refs.forEach((r) => push('entry', r)); push('person', a.owner); }
    for (const p of inc.people.values()) {
      if (p.keySpan) out.push({ kind: 'person', name: p.handle, span: p.keySpan, definition: true });
    }
    for (const r of inc.roles.values()) push('person', r);
    for (const c of inc.checklist.values()) push('person', c.by);
  }
  const rb = runbookOf(input);
  if (rb) {
    for (const s of rb.steps) { push('step', s.id, true); s.after.forEach((a) => push('step', a)); }
  }
  return out;
}

function at(input: ServiceInput, offset: number): Occurrence | undefined {
  return occurrences(input).find((o) => o.span[0] <= offset && offset <= o.span[1]);
}

/** The roster entry for a handle in the workspace config, when that is where it is defined. */
function workspaceDefinition(input: ServiceInput, handle: string): Location | undefined {
  const cf = input.configFile;
  if (!cf || !input.config.people.has(handle)) return undefined;
  const people = asMap(getPair(asMap(cf.doc.contents), 'people')?.value);
  const pair = pairsOf(people).find((p) => keyName(p) === handle);
  if (!pair) return undefined;
  return { path: input.config.path ?? cf.fileName, range: cf.lines.range(spanOf(pair.key as Node)) };
}

export function definition(input: ServiceInput, offset: number): Location[] {
  const o = at(input, offset);
  if (!o) return [];
  const lines = input.analysis.file.lines;
  const defs = occurrences(input).filter((x) => x.kind === o.kind && x.name === o.name && x.definition);
  if (defs.length) return defs.map((d) => ({ range: lines.range(d.span) }));
  const ws = o.kind === 'person' ? workspaceDefinition(input, o.name) : undefined;
  return ws ? [ws] : [];
}

export function references(input: ServiceInput, offset: number, includeDeclaration: boolean): Location[] {
  const o = at(input, offset);
  if (!o) return [];
  const lines = input.analysis.file.lines;
  return occurrences(input)
    .filter((x) => x.kind === o.kind && x.name === o.name && (includeDeclaration || !x.definition))
    .map((x) => ({ range: lines.range(x.span) }));
}

const NAME_PATTERN: Record<NameKind, RegExp> = {
  window: new RegExp(WINDOW_ID), entry: new RegExp(INCIDENT_ID), step: new RegExp(INCIDENT_ID), person: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
};

export function prepareRename(input: ServiceInput, offset: number): PrepareRenameResult | undefined {
  const o = at(input, offset);
  if (!o) return undefined;
  const ko = input.lang === 'ko';
  if (o.kind === 'person' && !occurrences(input).some((x) => x.kind === 'person' && x.name === o.name && x.definition)
    && input.config.people.has(o.name)) {
    return { error: ko ? `\`${o.name}\`은(는) 워크스페이스 설정의 명단에 있습니다. 그곳에서 이름을 바꾸세요.` : `\`${o.name}\` is defined in the workspace config's roster: rename it there.` };
  }
  const { start, end } = innerSpan(input.analysis.file.text, o.span);
  return { range: input.analysis.file.lines.range([start, end]), placeholder: o.name };
}

export function rename(input: ServiceInput, offset: number, newName: string): RenameResult | undefined {
  const prep = prepareRename(input, offset);
  if (!prep) return undefined;
  if ('error' in prep) return prep;
  const o = at(input, offset);
  if (!o) return undefined;
  const ko = input.lang === 'ko';
  if (!NAME_PATTERN[o.kind].test(newName)) {
    return { error: ko ? `\`${newName}\`은(는) 쓸 수 없는 이름입니다 (${NAME_PATTERN[o.kind].source}).` : `\`${newName}\` is not a valid name (${NAME_PATTERN[o.kind].source}).` };
  }
  if (newName !== o.name && occurrences(input).some((x) => x.kind === o.kind && x.name === newName && x.definition)) {
    return { error: ko ? `\`${newName}\`은(는) 이미 있습니다.` : `\`${newName}\` already exists.` };
  }
  const text = input.analysis.file.text;
  const lines = input.analysis.file.lines;
  const edits: RangeEdit[] = occurrences(input)
    .filter((x) => x.kind === o.kind && x.name === o.name)
    .map((x) => {
      const { start, end } = innerSpan(text, x.span);
      return { range: lines.range([start, end]), newText: newName };
    });
  return { edits };
}

/** A scalar's span without its quotes, so a rename keeps the quoting the writer chose. */
function innerSpan(text: string, span: Span): { start: number; end: number } {
  const q = text[span[0]];
  if ((q === '"' || q === "'") && span[1] - span[0] >= 2 && text[span[1] - 1] === q) return { start: span[0] + 1, end: span[1] - 1 };
  return { start: span[0], end: span[1] };
}
