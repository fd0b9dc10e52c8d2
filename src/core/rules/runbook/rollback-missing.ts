// A dangerous step with no way back. Steps that match the catalog are already reported by
// `dangerous-command` (which lists a missing rollback among the rest), so this rule reports the
// steps it does not: `danger: true` ones whose command the catalog does not know, and, when a
// team turns `dangerous-command` off, the catalog ones too.
import type { Rule } from '../types';
import { dangerIn, hasValue, setStepKeys, stepHead, stepName } from './steps';

export const rollbackMissing: Rule = {
  id: 'rollback-missing',
  appliesTo: ['runbook'],
  defaultLevel: 'warning',
  fixable: true,
  description: { en: 'A dangerous step with no `rollback`.', ko: '`rollback`이 없는 위험한 단계.' },
  check({ file, config, runbook, report }) {
    if (!runbook) return;
    const dangerousCommandOn = config.rules.get('dangerous-command')?.level !== 'off';
    for (const step of runbook.steps) {
      if (hasValue(step, 'rollback')) continue;
      const matches = dangerIn(file, step, config);
      if (matches.length && dangerousCommandOn) continue;
      if (!matches.length && step.danger?.value !== true) continue;
      const own = stepName(step);
      const edits = setStepKeys(file, step, [['rollback', '<how to undo>']]);
      report({
        span: step.danger?.value === true ? step.danger.keySpan : matches[0]?.span ?? stepHead(step),
        message: {
          en: `${own.en} is dangerous but has no rollback. Write how to undo it (or "none: <why>") before anyone runs it.`,
          ko: `${own.ko}은(는) 위험한 단계인데 되돌리는 방법(rollback)이 없습니다. 실행하기 전에 되돌리는 방법(없다면 "없음: <이유>")을 적으십시오.`,
        },
        fixes: edits ? [{ title: { en: 'Add rollback: to fill in', ko: '채울 rollback: 추가' }, edits, safe: false }] : [],
      });
    }
  },
};
