// `role` and `approval` must name a role the runbook declares, or at 3 a.m. nobody knows who
// is meant. Only checked when `roles` is given: without it the runbook has not chosen a list.
import type { Str } from '../../model/fields';
import { closest } from '../../suggest';
import type { Rule } from '../types';
import { isPlaceholderValue, stepName } from './steps';

export const unknownRole: Rule = {
  id: 'unknown-role',
  appliesTo: ['runbook'],
  defaultLevel: 'warning',
  fixable: true,
  description: { en: 'A step\'s `role` or `approval` is not one of `roles`.', ko: '단계의 `role`이나 `approval`이 `roles`에 없습니다.' },
  check({ runbook, report }) {
    if (!runbook || runbook.roles.length === 0) return;
    const roles = runbook.roles.map((r) => r.value);
    const list = roles.join(', ');
    for (const step of runbook.steps) {
      const own = stepName(step);
      const check = (field: Str | undefined, key: 'role' | 'approval'): void => {
        // `<role>` is a fix's placeholder: the placeholder rule already asks for it.
        if (!field || roles.includes(field.value) || isPlaceholderValue(field.value)) return;
        const guess = closest(field.value, roles);
        const hint = guess ? { en: ` Did you mean "${guess}"?`, ko: ` "${guess}"을(를) 말씀하신 것입니까?` } : { en: '', ko: '' };
        report({
          span: field.span,
          message: {
            en: `${own.en}: ${key} "${field.value}" is not one of the runbook's roles (${list}).${hint.en} Use a listed role or add it to roles.`,
            ko: `${own.ko}: ${key} "${field.value}"은(는) 런북의 역할(${list})에 없습니다.${hint.ko} 목록의 역할을 쓰거나 roles에 추가하십시오.`,
          },
          fixes: guess ? [{ title: { en: `Change to "${guess}"`, ko: `"${guess}"(으)로 바꾸기` }, edits: [{ span: field.span, newText: guess }], safe: false }] : [],
        });
      };
      check(step.role, 'role');
      check(step.approval, 'approval');
    }
  },
};
