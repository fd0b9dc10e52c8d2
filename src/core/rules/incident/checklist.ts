// Checklist prompts: each pending item is reported under `checklist/<item-id>` on the window
// or entry that made it due, at level info unless the config says otherwise. The same rule
// reports, in the config file, an item id defined twice (the second definition is ignored),
// and, in a log, a `checklist:` record that names no item (it would leave the real one pending).
import { checklistIds, duplicateDefinitions, evaluateChecklist, pendingMessage } from '../../checklist';
import type { Config } from '../../config';
import { closest } from '../../suggest';
import type { Rule } from '../types';
import { msg } from '../types';

/** The sub-ids this rule reports under, for disable comments and `rules:` in the config. */
export function checklistSubIds(config: Pick<Config, 'checklists'>): string[] {
  return checklistIds(config).map((id) => `checklist/${id}`);
}

export const checklistRule: Rule = {
  id: 'checklist',
  appliesTo: ['incident', 'config'],
  defaultLevel: 'info',
  fixable: false,
  description: msg('A checklist item that is due and not yet recorded as done or skipped under `checklist:`.',
    '시점이 되었는데 `checklist:`에 완료나 건너뜀으로 기록되지 않은 체크리스트 항목.'),
  check({ file, config, incident, now, report }) {
    if (file.kind === 'config') {
      for (const d of duplicateDefinitions(file)) {
        const where = d.first.builtIn
          ? msg('it is a built-in item', '내장 항목의 id입니다')
          : msg(`it is already defined on line ${file.lines.position(d.first.span[0]).line + 1}`, `${file.lines.position(d.first.span[0]).line + 1}행에서 이미 정의했습니다`);
        report({
          span: d.span, level: 'warning',
          message: msg(`Checklist item id "${d.id}" is defined twice: ${where.en}. This definition is ignored; give it another id.`,
            `체크리스트 항목 id "${d.id}"가 두 번 정의되었습니다: ${where.ko}. 이 정의는 무시되므로 다른 id를 쓰십시오.`),
        });
      }
      return;
    }
    if (!incident) return;
    const result = evaluateChecklist(incident, config, now);
    for (const item of result.items) {
      if (item.state !== 'pending' || !item.cause) continue;
      report({ ruleId: `checklist/${item.id}`, span: item.cause.span, message: pendingMessage(item) });
    }
    const ids = checklistIds(config);
    for (const r of result.unknownRecords) {
      const guess = closest(r.id, ids);
      const hint = guess ? msg(` Did you mean "${guess}"?`, ` "${guess}"을(를) 뜻하셨습니까?`) : msg('', '');
      report({
        span: r.keySpan, level: 'warning',
        message: msg(`"${r.id}" is not a checklist item, so this record settles nothing.${hint.en}`,
          `"${r.id}"은(는) 체크리스트 항목이 아니므로 이 기록은 아무 항목도 완료하지 않습니다.${hint.ko}`),
        fixes: guess ? [{ title: msg(`Change to "${guess}"`, `"${guess}"(으)로 바꾸기`), edits: [{ span: r.keySpan, newText: guess }], safe: false }] : [],
      });
    }
  },
};
