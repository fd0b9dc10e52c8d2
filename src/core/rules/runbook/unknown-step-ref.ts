// `after` must name a step of this runbook; a typo there silently drops an ordering guarantee.
import { closest } from '../../suggest';
import type { Rule } from '../types';
import { stepName } from './steps';

export const unknownStepRef: Rule = {
  id: 'unknown-step-ref',
  appliesTo: ['runbook'],
  defaultLevel: 'error',
  fixable: true,
  description: { en: '`after` names a step that does not exist.', ko: '`after`에 없는 단계가 적혀 있습니다.' },
  check({ runbook, report }) {
    if (!runbook) return;
    const ids = runbook.steps.flatMap((s) => (s.id ? [s.id.value] : []));
    const known = new Set(ids);
    for (const step of runbook.steps) {
      const own = stepName(step);
      for (const ref of step.after) {
        if (known.has(ref.value)) continue;
        const guess = closest(ref.value, ids.filter((id) => id !== step.id?.value));
        const hint = guess ? { en: ` Did you mean "${guess}"?`, ko: ` "${guess}"을(를) 말씀하신 것입니까?` } : { en: '', ko: '' };
        report({
          span: ref.span,
          message: {
            en: `${own.en} waits for "${ref.value}", but no step has that id.${hint.en} Name an existing step id.`,
            ko: `${own.ko}은(는) "${ref.value}" 다음에 하도록 되어 있지만 그런 id의 단계가 없습니다.${hint.ko} 있는 단계 id를 적으십시오.`,
          },
          fixes: guess ? [{ title: { en: `Change to "${guess}"`, ko: `"${guess}"(으)로 바꾸기` }, edits: [{ span: ref.span, newText: guess }], safe: false }] : [],
        });
      }
    }
  },
};
