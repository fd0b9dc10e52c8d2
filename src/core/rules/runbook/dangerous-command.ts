// A `run` that matches the catalog must be acknowledged where people read it: `danger: true`,
// who approves it, and how to undo it. This rule reports all three at once; a step that has
// danger and approval but no rollback is still reported here, so `rollback-missing` keeps to
// steps this rule does not cover (see docs/rules/rollback-missing.md).
import type { Rule } from '../types';
import { dangerIn, hasValue, quote, setStepKeys, stepName } from './steps';

export const dangerousCommand: Rule = {
  id: 'dangerous-command',
  appliesTo: ['runbook'],
  defaultLevel: 'error',
  fixable: true,
  description: {
    en: 'A `run` matching the dangerous-command catalog without `danger: true`, `approval` and `rollback`.',
    ko: '위험 명령 목록에 해당하는 `run`에 `danger: true`, `approval`, `rollback`이 갖춰지지 않았습니다.',
  },
  check({ file, config, runbook, report }) {
    if (!runbook) return;
    for (const step of runbook.steps) {
      const matches = dangerIn(file, step, config);
      if (!matches.length) continue;
      const missing: [string, string][] = [];
      if (step.danger?.value !== true) missing.push(['danger', 'true']);
      if (!hasValue(step, 'approval')) missing.push(['approval', '<role>']);
      if (!hasValue(step, 'rollback')) missing.push(['rollback', '<how to undo>']);
      if (!missing.length) continue;
      const [first] = matches;
      const others = [...new Set(matches.slice(1).map((m) => m.entry.what.en))].filter((w) => w !== first.entry.what.en);
      const othersKo = [...new Set(matches.slice(1).map((m) => m.entry.what.ko))].filter((w) => w !== first.entry.what.ko);
      const also = others.length ? { en: ` It also runs ${others.join(', ')}.`, ko: ` ${othersKo.join(', ')}도 실행합니다.` } : { en: '', ko: '' };
      const names = missing.map(([k, v]) => (k === 'danger' ? 'danger: true' : k)).join(', ');
      const own = stepName(step);
      const edits = setStepKeys(file, step, missing);
      report({
        span: first.span,
        message: {
          en: `${own.en} runs "${quote(first.text)}", ${first.entry.what.en}: ${first.entry.why.en}.${also.en} Missing: ${names}. Mark it danger: true, name the role that approves it, and write how to undo it.`,
          ko: `${own.ko}은(는) "${quote(first.text)}"(${first.entry.what.ko})을(를) 실행합니다. ${first.entry.why.ko}.${also.ko} 빠진 항목: ${names}. danger: true로 표시하고, 승인할 역할과 되돌리는 방법을 적으십시오.`,
        },
        fixes: edits ? [{ title: { en: `Add ${names}`, ko: `${names} 추가` }, edits, safe: false }] : [],
      });
    }
  },
};
