import { eolOf, loneCRAt, TextEdit } from '../../text';
import type { Report, Rule } from '../types';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  appliesTo: ['incident', 'runbook', 'config'],
  defaultLevel: 'error',
  fixable: true,
  onBrokenYaml: true,
  description: {
    en: 'YAML that does not parse, or a lone CR line break, which YAML reads differently from the editor.',
    ko: '구문 분석할 수 없는 YAML, 또는 YAML이 편집기와 다르게 읽는 CR 하나짜리 줄바꿈.',
  },
  check({ file, report }) {
    for (const e of file.yamlErrors) {
      report({
        span: e.span,
        message: { en: `YAML: ${e.message}`, ko: `YAML 오류: ${e.message}` },
      });
    }
    const lone = loneCRReport(file.text);
    if (lone) report(lone);
  },
};

/**
 * A lone CR (an old Mac line break) shows as a new line in every editor, but the yaml package
 * reads it as an ordinary character (eemeli/yaml#595, kept by design): the line after it is read
 * as part of the line before, so a comment there swallows keys. One finding at the first such
 * CR; its fix replaces them all with the file's own line break. Not safe for `lint --fix`: what
 * YAML reads changes (that is the point), and a CR inside a quoted value stops being content.
 */
function loneCRReport(text: string): Report | undefined {
  const first = loneCRAt(text, 0);
  if (first < 0) return undefined;
  const eol = eolOf(text);
  const edits: TextEdit[] = [];
  for (let i = first; i >= 0; i = loneCRAt(text, i + 1)) edits.push({ span: [i, i + 1], newText: eol });
  const name = eol === '\r\n' ? 'CR LF' : 'LF';
  const more = edits.length > 1
    ? { en: ` The file has ${edits.length} of them.`, ko: ` 이 파일에 ${edits.length}개가 있습니다.` }
    : { en: '', ko: '' };
  return {
    span: [first, first + 1],
    message: {
      en: `This line ends in a lone CR (an old Mac line break). Editors show a new line here, but YAML reads the next line as part of this one, so keys and entries after it can be lost. Change the line breaks to ${name}.${more.en}`,
      ko: `이 줄은 CR 하나로 끝납니다(옛 Mac 줄바꿈). 편집기에는 줄이 바뀐 것으로 보이지만 YAML은 다음 줄을 이 줄의 일부로 읽으므로 그 뒤의 키와 항목이 사라질 수 있습니다. 줄바꿈을 ${name}(으)로 바꾸십시오.${more.ko}`,
    },
    fixes: [{ title: { en: `Change lone CR line breaks to ${name}`, ko: `CR 줄바꿈을 ${name}(으)로 바꾸기` }, edits, safe: false }],
  };
}
