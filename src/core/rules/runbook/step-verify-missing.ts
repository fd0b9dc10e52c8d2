// A command with no way to tell it worked is how a maintenance runs on for hours: the seeds'
// teams spent most of their windows checking whether data that came back was whole.
import type { Rule } from '../types';
import { hasValue, setStepKeys, stepName } from './steps';

export const stepVerifyMissing: Rule = {
  id: 'step-verify-missing',
  appliesTo: ['runbook'],
  defaultLevel: 'warning',
  fixable: true,
  description: { en: 'A step with `run` but no `verify`.', ko: '`run`은 있지만 `verify`가 없는 단계.' },
  check({ file, runbook, report }) {
    if (!runbook) return;
    for (const step of runbook.steps) {
      if (!step.run || hasValue(step, 'verify')) continue;
      const own = stepName(step);
      const edits = setStepKeys(file, step, [['verify', '<how to tell it worked>']]);
      report({
        span: step.run.keySpan,
        message: {
          en: `${own.en} runs a command but does not say how to tell it worked. Add verify: what you should see when it succeeded.`,
          ko: `${own.ko}은(는) 명령을 실행하지만 성공 여부를 확인하는 방법이 없습니다. verify에 성공했을 때 보여야 할 것을 적으십시오.`,
        },
        fixes: edits ? [{ title: { en: 'Add verify: to fill in', ko: '채울 verify: 추가' }, edits, safe: false }] : [],
      });
    }
  },
};
