// Rule ids named in `.incident-command.yaml` that no rule has. Ids in disable comments are
// checked by the engine itself (see lint.ts), under this same id.
import { knownRuleIds } from '..';
import { closest } from '../../suggest';
import type { Report, Rule } from '../types';

export const unknownRule: Rule = {
  id: 'unknown-rule',
  appliesTo: ['incident', 'runbook', 'config'],
  defaultLevel: 'warning',
  fixable: false,
  onBrokenYaml: true,
  description: { en: 'A rule id, in the config or a disable comment, that no rule has.', ko: '설정이나 비활성화 주석에 적힌, 존재하지 않는 규칙 id.' },
  check({ file, config, report }) {
    if (file.kind !== 'config') return;
    const known = knownRuleIds(config);
    for (const [id, { span }] of config.rules) {
      if (span && !known.has(id)) report(unknownRuleReport(id, span, known));
    }
  },
};

/**
 * `closest` over the known ids, with the list built once and each id's answer kept: a file can
 * name thousands of unknown ids (or one id thousands of times) in its disable comments.
 */
export function ruleGuesser(known: Set<string>): (id: string) => string | undefined {
  const candidates = [...known];
  const answers = new Map<string, string | undefined>();
  return (id) => {
    if (!answers.has(id)) answers.set(id, closest(id, candidates));
    return answers.get(id);
  };
}

export function unknownRuleReport(id: string, span: readonly [number, number], known: Set<string>, guessOf = ruleGuesser(known)): Report {
  const guess = guessOf(id);
  const hint = guess ? { en: ` Did you mean "${guess}"?`, ko: ` "${guess}"을(를) 말씀하신 것입니까?` } : { en: '', ko: '' };
  return {
    span,
    message: { en: `There is no rule "${id}".${hint.en}`, ko: `"${id}"라는 규칙은 없습니다.${hint.ko}` },
    fixes: guess ? [{ title: { en: `Change to "${guess}"`, ko: `"${guess}"(으)로 바꾸기` }, edits: [{ span, newText: guess }], safe: false }] : [],
  };
}

