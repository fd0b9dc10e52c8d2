// Completion from the format specs (keys at every level, with their docs in the reader's
// language) and from the document itself (handles, window, entry and step ids).
import type { Lang } from '../config';
import { knownRuleIds } from '../rules';
import { specAt } from '../schema/types';
import type { MapSpec, Spec } from '../schema/types';
import { formatInZone } from '../time';
import { entryIds, incidentOf, mapSpecOf, rootSpec, runbookOf, stringSpecs, zoneOf } from './facts';
import { directiveCompletion, inComment } from './directives';
import { PathAt, pathAt } from './path';
import { CompletionItem, CompletionItemKind, ServiceInput } from './types';

const COMMON_ROLES = ['commander', 'comms', 'scribe', 'ops'];

export function complete(input: ServiceInput, offset: number): CompletionItem[] {
  const directive = directiveCompletion(input, offset);
  if (directive) return directive;
  if (inComment(input, offset)) return [];
  const file = input.analysis.file;
  const at = pathAt(file, offset);
  const root = rootSpec(input);
  const parentPath = at.path.slice(0, -1);
  if (at.on === 'key' && at.bare && !mapSpecOf(specAt(root, parentPath)) && specAt(root, parentPath)) {
    // A word on a list item of scalars (`  - snap`): it is a value, not a key.
    return valueItems(input, { ...at, on: 'value', path: parentPath });
  }
  if (at.on === 'key') return keyItems(input, at, mapSpecOf(specAt(root, parentPath)));
  return valueItems(input, at);
}

function keyItems(input: ServiceInput, at: PathAt, spec: MapSpec | undefined): CompletionItem[] {
  if (!spec) return [];
  const { lang } = input;
  const file = input.analysis.file;
  const range = file.lines.range(at.span);
  const present = new Set(at.siblings);
  const fresh = at.bare || at.text === '';
  const items: CompletionItem[] = [];
  const required = new Set(spec.required ?? []);
  for (const [key, child] of Object.entries(spec.fields)) {
    if (present.has(key)) continue;
    items.push({
      label: key, kind: CompletionItemKind.Property,
      detail: required.has(key) ? (lang === 'ko' ? '필수' : 'required') : undefined,
      documentation: child.doc[lang] ? { kind: 'markdown', value: child.doc[lang] } : undefined,
      sortText: `${required.has(key) ? 0 : 1}${String(items.length).padStart(3, '0')}`,
      textEdit: { range, newText: fresh ? keyInsert(key, child, at.column) : key },
    });
  }
  if (spec.values) {
    const last = at.path[at.path.length - 2];
    for (const key of dynamicKeys(input, last)) {
      if (present.has(key)) continue;
      items.push({
        label: key, kind: CompletionItemKind.Property, documentation: md(spec.values.doc[lang]),
        sortText: `2${String(items.length).padStart(3, '0')}`,
        textEdit: { range, newText: fresh ? keyInsert(key, spec.values, at.column) : key },
      });
    }
  }
  return items;
}

/** Keys of open maps (`roles`, `checklist`, `rules`) that the project knows names for. */
function dynamicKeys(input: ServiceInput, mapKey: string | number | undefined): string[] {
  const kind = input.analysis.file.kind;
  if (kind === 'incident' && mapKey === 'roles') return COMMON_ROLES;
  if (kind === 'incident' && mapKey === 'checklist') {
    const ids = [...knownRuleIds(input.config)].filter((id) => id.startsWith('checklist/')).map((id) => id.slice('checklist/'.length));
    return [...new Set([...ids, ...input.config.checklists.map((c) => c.id)])];
  }
  if (kind === 'config' && mapKey === 'rules') return [...knownRuleIds(input.config)];
  return [];
}

function keyInsert(key: string, spec: Spec, column: number): string {
  const inner = ' '.repeat(column + 2);
  const shape = spec.type === 'union' ? spec.of[0] : spec;
  if (shape.type === 'map') return `${key}:\n${inner}`;
  if (shape.type === 'list') return shape.items.type === 'map' ? `${key}:\n${inner}- ` : `${key}: `;
  return `${key}: `;
}

function md(value: string | undefined): CompletionItem['documentation'] {
  return value ? { kind: 'markdown', value } : undefined;
}

interface Candidate { label: string; kind: number; detail?: string; doc?: string }

function valueItems(input: ServiceInput, at: PathAt): CompletionItem[] {
  const root = rootSpec(input);
  const spec = specAt(root, at.path);
  const candidates: Candidate[] = [];
  const add = (c: Candidate): void => { if (!candidates.some((x) => x.label === c.label)) candidates.push(c); };
  const keys = at.path.filter((p): p is string => typeof p === 'string');
  const key = keys[keys.length - 1];
  const kind = input.analysis.file.kind;
  const { lang } = input;

  for (const s of stringSpecs(spec)) {
    for (const v of s.enum ?? []) add({ label: v, kind: CompletionItemKind.EnumMember, doc: s.doc[lang] });
    if (s.enumFrom === 'severities') for (const v of input.config.severities) add({ label: v, kind: CompletionItemKind.EnumMember });
    if (s.format === 'handle') handles(input).forEach(add);
    if (s.format === 'timestamp') nowItems(input, lang).forEach(add);
    if (s.format === 'zone') zones().forEach((z) => add({ label: z, kind: CompletionItemKind.Constant }));
    if (kind === 'incident' && key === 'window') windowItems(input).forEach(add);
    if (kind === 'incident' && key === 'refs') {
      const inc = incidentOf(input);
      for (const e of inc ? entryIds(inc) : []) {
        add({ label: e.id.value, kind: CompletionItemKind.Reference, detail: [e.at, e.kind].filter(Boolean).join(' '), doc: e.text });
      }
    }
    if (kind === 'runbook' && key === 'after') stepItems(input, at.path[1]).forEach(add);
    if (kind === 'runbook' && (key === 'role' || key === 'approval')) {
      for (const r of runbookOf(input)?.roles ?? []) add({ label: r.value, kind: CompletionItemKind.EnumMember });
    }
  }
  if (kind === 'runbook' && key === 'owner' && at.path.length === 1) handles(input).forEach(add);
  if (spec?.type === 'boolean' || (spec?.type === 'union' && spec.of.some((s) => s.type === 'boolean'))) {
    add({ label: 'true', kind: CompletionItemKind.Keyword });
    add({ label: 'false', kind: CompletionItemKind.Keyword });
  }
  const range = input.analysis.file.lines.range(at.span);
  const lead = at.needsSpace ? ' ' : '';
  return candidates.map((c, i) => ({
    label: c.label, kind: c.kind, detail: c.detail, documentation: md(c.doc),
    sortText: String(i).padStart(4, '0'), filterText: c.label,
    textEdit: { range, newText: lead + c.label },
  }));
}

function handles(input: ServiceInput): Candidate[] {
  const people = incidentOf(input)?.people ?? new Map([...input.config.people].map(([h, p]) => [h, { ...p, handle: h }]));
  return [...people.values()].map((p) => ({
    label: p.handle, kind: CompletionItemKind.Reference,
    detail: [p.name, p.team].filter(Boolean).join(' · ') || undefined,
  }));
}

function windowItems(input: ServiceInput): Candidate[] {
  return (incidentOf(input)?.windows ?? []).flatMap((w) => w.id ? [{
    label: w.id.value, kind: CompletionItemKind.Reference,
    detail: [w.title?.value, w.start?.value].filter(Boolean).join(' · ') || undefined,
  }] : []);
}

function stepItems(input: ServiceInput, stepIndex: string | number | undefined): Candidate[] {
  const steps = runbookOf(input)?.steps ?? [];
  return steps.flatMap((s) => s.id && s.index !== stepIndex ? [{
    label: s.id.value, kind: CompletionItemKind.Reference, detail: s.title?.value,
  }] : []);
}

function nowItems(input: ServiceInput, lang: Lang): Candidate[] {
  const now = input.now ?? Date.now();
  const zone = zoneOf(input);
  if (!zone) {
    return [{ label: new Date(now).toISOString().slice(0, 16) + 'Z', kind: CompletionItemKind.Value, detail: lang === 'ko' ? '지금 (UTC)' : 'now (UTC)' }];
  }
  return [
    { label: formatInZone(now, zone, "yyyy-MM-dd'T'HH:mm"), kind: CompletionItemKind.Value, detail: lang === 'ko' ? `지금 (${zone})` : `now (${zone})` },
    { label: formatInZone(now, zone, "yyyy-MM-dd'T'HH:mmXXX"), kind: CompletionItemKind.Value, detail: lang === 'ko' ? '지금 (오프셋 포함)' : 'now (with offset)' },
  ];
}

let zoneList: string[] | undefined;
function zones(): string[] {
  if (!zoneList) {
    const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
    zoneList = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : ['UTC', 'Asia/Seoul'];
  }
  return zoneList;
}
