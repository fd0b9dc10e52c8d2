// Two things of one sort with one id: refs and `window:` can then point at either. Covers the
// ids of incident logs (entries, windows, action items) and of runbooks (steps).
import { entryIds } from '../../model/entry-facts';
import type { Str } from '../../model/fields';
import type { LocalText } from '../../config';
import type { Rule, RuleContext } from '../types';
import { msg } from '../types';
import { lineNo } from './helpers';

// Ids come as lists (the timeline's and the decisions' together for entries), walked in turn
// rather than joined: on a long log that copy cost more than the check.
interface Namespace { what: LocalText; ids: (Str | undefined)[][] }

export const duplicateId: Rule = {
  id: 'duplicate-id',
  appliesTo: ['incident', 'runbook'],
  defaultLevel: 'error',
  fixable: true,
  description: msg('Two entries, windows, action items or runbook steps with the same id.',
    '같은 id를 쓰는 타임라인 항목, 점검, 후속 조치 또는 런북 단계.'),
  check(ctx) {
    for (const ns of namespaces(ctx)) checkNamespace(ctx, ns);
  },
};

function namespaces({ incident, runbook }: RuleContext): Namespace[] {
  if (incident) {
    return [
      // Timeline entries and standalone decisions are both "entries" to refs, so they share ids.
      { what: msg('entry', '항목'), ids: [entryIds(incident, 'timeline'), entryIds(incident, 'decisions')] },
      { what: msg('window', '점검'), ids: [incident.windows.map((w) => w.id)] },
      { what: msg('action item', '후속 조치'), ids: [incident.actionItems.map((a) => a.id)] },
    ];
  }
  if (runbook) return [{ what: msg('step', '단계'), ids: [runbook.steps.map((s) => s.id)] }];
  return [];
}

function checkNamespace({ file, report }: RuleContext, ns: Namespace): void {
  const first = new Map<string, Str>();
  let taken: Set<string> | undefined;
  // Where the search for a free "<id>-<n>" resumes: names only get taken, so starting over at 2
  // for each copy would cost the square of the copies of one id.
  const nextSuffix = new Map<string, number>();
  for (const list of ns.ids) for (const id of list) {
    if (!id) continue;
    const earlier = first.get(id.value);
    if (!earlier) { first.set(id.value, id); continue; }
    // Built only once a duplicate is found: on a long log, the common case is none.
    taken ??= new Set(ns.ids.flat().flatMap((s) => (s ? [s.value] : [])));
    const line = lineNo(file, earlier.span[0]);
    let n = nextSuffix.get(id.value) ?? 2;
    while (taken.has(`${id.value}-${n}`)) n++;
    const fresh = `${id.value}-${n}`;
    taken.add(fresh);
    nextSuffix.set(id.value, n + 1);
    report({
      span: id.span,
      message: msg(
        `The ${ns.what.en} id "${id.value}" is already used on line ${line}. Give this ${ns.what.en} its own id so references point to one place.`,
        `${ns.what.ko} id "${id.value}"은(는) ${line}행에서 이미 쓰고 있습니다. 참조가 한 곳을 가리키도록 이 ${ns.what.ko}에 다른 id를 붙이십시오.`),
      fixes: [{ title: { en: `Rename to "${fresh}"`, ko: `"${fresh}"(으)로 이름 바꾸기` }, edits: [{ span: id.span, newText: fresh }], safe: false }],
    });
  }
}
