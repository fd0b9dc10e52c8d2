// A severe incident or a maintenance with nobody named in charge. When the maintenance runs
// into its second day, "who decides" is the first question of every new shift.
import { getPair, headSpan, spanOf } from '../../source';
import type { Node } from 'yaml';
import type { Rule } from '../types';
import { msg } from '../types';

export const commanderMissing: Rule = {
  id: 'commander-missing',
  appliesTo: ['incident'],
  defaultLevel: 'warning',
  fixable: false,
  description: msg('An incident with maintenance windows, or of the two worst severities, with no `roles.commander`.',
    '점검이 있거나 가장 심각한 두 단계의 장애인데 `roles.commander`가 없음.'),
  check({ incident, config, report }) {
    if (!incident || incident.roles.has('commander') || !incident.root) return;
    const severe = incident.severity && config.severities.slice(0, 2).includes(incident.severity.value) ? incident.severity : undefined;
    if (!severe && incident.windows.length === 0) return;
    const rolesPair = getPair(incident.root, 'roles');
    const span = rolesPair ? spanOf(rolesPair.key as Node) : severe?.span ?? headSpan(incident.root, [0, 0]);
    const why = severe ? msg(`a ${severe.value} incident`, `${severe.value} 장애`) : msg('an incident with maintenance', '점검이 있는 장애');
    report({
      span,
      message: msg(`No commander is named for ${why.en}. Add \`roles: {commander: <handle>}\` so everyone knows who decides.`,
        `${why.ko}인데 지휘자(commander)가 없습니다. 누가 결정하는지 모두 알 수 있도록 \`roles: {commander: <핸들>}\`을 적으십시오.`),
    });
  },
};
