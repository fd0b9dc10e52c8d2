// A command with no time limit is how "one more hour" becomes twelve: decide in daylight when to
// stop waiting and roll back.
import type { Rule } from '../types';
import { hasValue, stepName } from './steps';

export const timeoutMissing: Rule = {
  id: 'timeout-missing',
  appliesTo: ['runbook'],
  defaultLevel: 'info',
  fixable: false,
  description: { en: 'A step with `run` but no `timeout`.', ko: '`run`은 있지만 `timeout`이 없는 단계.' },
  check({ runbook, report }) {
    if (!runbook) return;
    for (const step of runbook.steps) {
      if (!step.run || hasValue(step, 'timeout')) continue;
      const own = stepName(step);
      report({
        span: step.run.keySpan,
        message: {
          en: `${own.en} has no timeout. Add timeout: how long to wait (e.g. 30m) before giving up and rolling back.`,
          ko: `${own.ko}에 timeout이 없습니다. 포기하고 되돌리기까지 기다릴 시간을 timeout에 적으십시오 (예: 30m).`,
        },
      });
    }
  },
};
