// A handle that is not on the roster: usually a typo, sometimes a helper nobody added. A
// team that keeps no roster at all is left alone.
import type { Str } from '../../model/fields';
import { allEntries } from '../../model/incident';
import { closest } from '../../suggest';
import type { Rule } from '../types';
import { msg } from '../types';

export const unknownPerson: Rule = {
  id: 'unknown-person',
  appliesTo: ['incident'],
  defaultLevel: 'warning',
  fixable: true,
  description: msg('`by`, `roles`, action item `owner` or checklist `by` naming someone not in `people` (log or workspace).',
    '`people`(로그 또는 워크스페이스) 명단에 없는 사람을 가리키는 `by`, `roles`, 후속 조치 `owner`, 체크리스트 `by`.'),
  check({ incident, report }) {
    if (!incident || incident.people.size === 0) return;
    const handles = [...incident.people.keys()];
    const named: { s: Str; key: string }[] = [
      ...allEntries(incident).flatMap((e) => (e.by ? [{ s: e.by, key: 'by' }] : [])),
      ...[...incident.roles].map(([role, s]) => ({ s, key: `roles.${role}` })),
      ...incident.actionItems.flatMap((a) => (a.owner ? [{ s: a.owner, key: 'owner' }] : [])),
      ...[...incident.checklist.values()].flatMap((c) => (c.by ? [{ s: c.by, key: 'by' }] : [])),
    ].sort((a, b) => a.s.span[0] - b.s.span[0]);
    for (const { s, key } of named) {
      if (incident.people.has(s.value)) continue;
      const guess = closest(s.value, handles);
      report({
        span: s.span,
        message: guess
          ? msg(`${key}: "${s.value}" is not in people. Did you mean "${guess}"?`, `${key}: "${s.value}"은(는) people 명단에 없습니다. "${guess}"을(를) 말씀하신 것입니까?`)
          : msg(`${key}: "${s.value}" is not in people. Add them to the log's or the workspace's people, or use their handle.`,
            `${key}: "${s.value}"은(는) people 명단에 없습니다. 로그나 워크스페이스의 people에 추가하거나 명단의 핸들을 쓰십시오.`),
        fixes: guess ? [{ title: { en: `Change to "${guess}"`, ko: `"${guess}"(으)로 바꾸기` }, edits: [{ span: s.span, newText: guess }], safe: false }] : [],
      });
    }
  },
};
