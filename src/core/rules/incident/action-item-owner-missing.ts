// An action item nobody owns is an action item nobody does.
import { headSpan } from '../../source';
import type { Rule } from '../types';
import { msg } from '../types';
import { q } from './helpers';

export const actionItemOwnerMissing: Rule = {
  id: 'action-item-owner-missing',
  appliesTo: ['incident'],
  defaultLevel: 'warning',
  fixable: false,
  description: msg('An action item without `owner`.', '`owner`가 없는 후속 조치.'),
  check({ incident, report }) {
    if (!incident) return;
    for (const a of incident.actionItems) {
      if (a.owner || a.status?.value === 'wontfix') continue;
      const name = a.id ? `"${a.id.value}"` : a.title ? q(a.title.value) : `#${a.index + 1}`;
      report({
        span: a.id?.span ?? headSpan(a.node, a.span),
        message: msg(`Action item ${name} has no owner. Add \`owner:\` with the handle of the person who will do it.`,
          `후속 조치 ${name}에 담당자가 없습니다. 맡을 사람의 핸들을 \`owner:\`로 적으십시오.`),
      });
    }
  },
};
