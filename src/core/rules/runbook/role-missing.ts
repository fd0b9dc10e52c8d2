// Once a runbook lists its roles, a step with no `role` is a step nobody owns: in the seeds'
// long maintenances, the steps that waited were the ones everyone assumed someone else had.
import type { Rule } from '../types';
import { hasValue, setStepKeys, stepHead, stepName } from './steps';

export const roleMissing: Rule = {
  id: 'role-missing',
  appliesTo: ['runbook'],
  defaultLevel: 'info',
  fixable: true,
  description: { en: 'A step names no `role` although the runbook lists `roles`.', ko: '런북에 `roles`가 있는데 단계에 `role`이 없습니다.' },
  check({ file, runbook, report }) {
    if (!runbook || runbook.roles.length === 0) return;
    const list = runbook.roles.map((r) => r.value).join(', ');
    for (const step of runbook.steps) {
      if (hasValue(step, 'role')) continue;
      const own = stepName(step);
      const edits = setStepKeys(file, step, [['role', '<role>']]);
      report({
        span: stepHead(step),
        message: {
          en: `${own.en} has no role, so nobody in particular owns it. Add role: one of ${list}.`,
          ko: `${own.ko}에 역할(role)이 없어 맡은 사람이 정해지지 않습니다. ${list} 중 하나를 role로 적으십시오.`,
        },
        fixes: edits ? [{ title: { en: 'Add a role to fill in', ko: '채울 role 추가' }, edits, safe: false }] : [],
      });
    }
  },
};
