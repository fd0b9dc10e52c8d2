// A handle that is not on the roster: usually a typo, sometimes a helper nobody added. A
// team that keeps no roster at all is left alone.
import type { Str } from '../../model/fields';
import { EntryTable } from '../../model/entry-facts';
import { closest } from '../../suggest';
import type { Report, Rule } from '../types';
import { msg } from '../types';

// An entry's finding depends only on its `by` and the roster: kept per entry while the roster stays.
const byEntry = new EntryTable<Report | undefined>();

export const unknownPerson: Rule = {
  id: 'unknown-person',
  appliesTo: ['incident'],
  defaultLevel: 'warning',
  fixable: true,
  description: msg('`by`, `roles`, action item `owner` or checklist `by` naming someone not in `people` (log or workspace).',
    '`people`(로그 또는 워크스페이스) 명단에 없는 사람을 가리키는 `by`, `roles`, 후속 조치 `owner`, 체크리스트 `by`.'),
  check({ incident, report }) {
    if (!incident || incident.people.size === 0) return;
    const people = incident.people;
    const handles = [...people.keys()];
    const check = (s: Str, key: string): Report | undefined => (people.has(s.value) ? undefined : personReport(s, key, handles));
    const roster = JSON.stringify(handles);
    for (const list of ['timeline', 'decisions'] as const) {
      const found = byEntry.values(incident, list, roster, (e) => (e.by ? check(e.by, 'by') : undefined));
      // An index loop: this runs once per analysis, unoptimised, where for-of allocates per step.
      for (let i = 0; i < found.length; i++) if (found[i] !== undefined) report(found[i]!);
    }
    const others: (Report | undefined)[] = [
      ...[...incident.roles].map(([role, s]) => check(s, `roles.${role}`)),
      ...incident.actionItems.map((a) => a.owner && check(a.owner, 'owner')),
      ...[...incident.checklist.values()].map((c) => c.by && check(c.by, 'by')),
    ];
    for (const r of others) if (r) report(r);
  },
};

function personReport(s: Str, key: string, handles: string[]): Report {
  const guess = closest(s.value, handles);
  return {
    span: s.span,
    message: guess
      ? msg(`${key}: "${s.value}" is not in people. Did you mean "${guess}"?`, `${key}: "${s.value}"은(는) people 명단에 없습니다. "${guess}"을(를) 말씀하신 것입니까?`)
      : msg(`${key}: "${s.value}" is not in people. Add them to the log's or the workspace's people, or use their handle.`,
        `${key}: "${s.value}"은(는) people 명단에 없습니다. 로그나 워크스페이스의 people에 추가하거나 명단의 핸들을 쓰십시오.`),
    fixes: guess ? [{ title: { en: `Change to "${guess}"`, ko: `"${guess}"(으)로 바꾸기` }, edits: [{ span: s.span, newText: guess }], safe: false }] : [],
  };
}
