import type { Rule } from '../types';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  appliesTo: ['incident', 'runbook', 'config'],
  defaultLevel: 'error',
  fixable: false,
  onBrokenYaml: true,
  description: { en: 'YAML that does not parse.', ko: '구문 분석할 수 없는 YAML.' },
  check({ file, report }) {
    for (const e of file.yamlErrors) {
      report({
        span: e.span,
        message: { en: `YAML: ${e.message}`, ko: `YAML 오류: ${e.message}` },
      });
    }
  },
};
