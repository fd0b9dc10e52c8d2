// `status: resolved` while a window has no end: the live clock keeps running on a closed
// incident, and the postmortem cannot say how long the service was down.
import { headSpan } from '../../source';
import type { Rule } from '../types';
import { msg } from '../types';

export const openWindowResolved: Rule = {
  id: 'open-window-resolved',
  appliesTo: ['incident'],
  defaultLevel: 'error',
  fixable: false,
  description: msg('`status: resolved` while a maintenance window has no `end`.', '`status: resolved`인데 `end`가 없는 점검이 있음.'),
  check({ incident, report }) {
    if (!incident || incident.status?.value !== 'resolved') return;
    for (const w of incident.windows) {
      if (w.end) continue;
      const name = w.id ? `"${w.id.value}"` : `#${w.index + 1}`;
      report({
        span: w.id?.span ?? headSpan(w.node, w.span),
        message: msg(
          `The incident is resolved but window ${name} has no end, so its clock is still running. Add \`end:\` with the time the service reopened.`,
          `장애는 resolved인데 점검 ${name}에 end가 없어 점검 시계가 계속 흐릅니다. 서비스를 다시 연 시각을 \`end:\`로 적으십시오.`),
      });
    }
  },
};
