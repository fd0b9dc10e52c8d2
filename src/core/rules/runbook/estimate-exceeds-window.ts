// The steps' own estimates already overrun the window users will be told about: the announced
// end will pass, as it did in the seeds' 36-hour maintenance announced for far less.
import { formatDurationShort } from '../../time';
import type { Rule } from '../types';

export const estimateExceedsWindow: Rule = {
  id: 'estimate-exceeds-window',
  appliesTo: ['runbook'],
  defaultLevel: 'warning',
  fixable: false,
  description: { en: 'The sum of step estimates exceeds `window`.', ko: '단계 예상 시간의 합이 `window`보다 깁니다.' },
  check({ runbook, report }) {
    const window = runbook?.window;
    if (!runbook || !window || window.ms === undefined) return;
    let sum = 0;
    let without = 0;
    for (const step of runbook.steps) {
      if (step.estimate?.ms !== undefined) sum += step.estimate.ms;
      else if (step.kind?.value !== 'communication') without++;
    }
    if (sum <= window.ms) return;
    const total = formatDurationShort(sum);
    const win = formatDurationShort(window.ms);
    const rest = without ? { en: ` (and ${without} step${without > 1 ? 's have' : ' has'} no estimate)`, ko: ` (예상 시간이 없는 단계 ${without}개 제외)` } : { en: '', ko: '' };
    report({
      span: window.span,
      message: {
        en: `The steps' estimates add up to ${total}${rest.en}, more than the ${win} window. Lengthen the window or cut steps before announcing an end time.`,
        ko: `단계 예상 시간의 합이 ${total}${rest.ko}로 점검 시간 ${win}보다 깁니다. 종료 시각을 공지하기 전에 window를 늘리거나 단계를 줄이십시오.`,
      },
    });
  },
};
