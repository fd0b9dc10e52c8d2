// Steps are read top to bottom during a maintenance; `after` pointing down the page means the
// written order and the required order disagree, and someone will follow the written one.
import type { Rule } from '../types';
import { stepName } from './steps';

export const stepOrder: Rule = {
  id: 'step-order',
  appliesTo: ['runbook'],
  defaultLevel: 'error',
  fixable: false,
  description: { en: '`after` names a step that comes later (or the step itself).', ko: '`after`에 뒤에 나오는 단계(또는 자기 자신)가 적혀 있습니다.' },
  check({ runbook, report }) {
    if (!runbook) return;
    // With duplicate ids (reported by duplicate-id) the first occurrence counts.
    const firstIndex = new Map<string, number>();
    for (const s of runbook.steps) if (s.id && !firstIndex.has(s.id.value)) firstIndex.set(s.id.value, s.index);
    for (const step of runbook.steps) {
      const own = stepName(step);
      for (const ref of step.after) {
        const at = firstIndex.get(ref.value);
        if (at === undefined) continue; // unknown-step-ref
        if (ref.value === step.id?.value) {
          report({ span: ref.span, message: {
            en: `${own.en} waits for itself, so it can never start. Remove "${ref.value}" from its after list.`,
            ko: `${own.ko}이(가) 자기 자신을 기다리므로 시작할 수 없습니다. after 목록에서 "${ref.value}"를 빼십시오.` } });
        } else if (at > step.index) {
          report({ span: ref.span, message: {
            en: `${own.en} must come after "${ref.value}", but "${ref.value}" is written later (step ${at + 1}). Move one of them so the page order is the order to follow.`,
            ko: `${own.ko}은(는) "${ref.value}" 다음에 해야 하는데 "${ref.value}"이(가) 더 뒤(${at + 1}번째)에 적혀 있습니다. 적힌 순서가 실행 순서가 되도록 단계를 옮기십시오.` } });
        }
      }
    }
  },
};
