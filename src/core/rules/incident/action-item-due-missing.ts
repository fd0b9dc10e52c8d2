// An action item without a due date drifts until the same outage comes back.
import { headSpan } from '../../source';
import type { Rule } from '../types';
import { msg } from '../types';
import { q } from './helpers';

export const actionItemDueMissing: Rule = {
  id: 'action-item-due-missing',
  appliesTo: ['incident'],
  defaultLevel: 'info',
  fixable: false,
  description: msg('An open action item without `due`.', '`due`가 없는 진행 중인 후속 조치.'),
  check({ incident, report }) {
    if (!incident) return;
    for (const a of incident.actionItems) {
      if (a.due || a.status?.value === 'done' || a.status?.value === 'wontfix') continue;
      const name = a.id ? `"${a.id.value}"` : a.title ? q(a.title.value) : `#${a.index + 1}`;
      report({
        span: a.id?.span ?? headSpan(a.node, a.span),
        message: msg(`Action item ${name} has no due date. Add \`due: YYYY-MM-DD\` so it is followed up.`,
          `후속 조치 ${name}에 기한이 없습니다. 챙길 수 있도록 \`due: YYYY-MM-DD\`를 적으십시오.`),
      });
    }
  },
};
