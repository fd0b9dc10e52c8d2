// A maintenance that starts changing things before users are told: in the seeds, players
// learned of a 36-hour maintenance from the game refusing them, and the anger outlasted it.
import type { Node } from 'yaml';
import { stepKind } from '../../model/runbook';
import type { Runbook, Step } from '../../model/runbook';
import type { SourceFile } from '../../source';
import { eolOf, TextEdit } from '../../text';
import type { Rule } from '../types';
import { stepHead, stepName } from './steps';

export const noUserNotice: Rule = {
  id: 'no-user-notice',
  appliesTo: ['runbook'],
  defaultLevel: 'warning',
  fixable: true,
  description: {
    en: 'A `maintenance` runbook with no `communication` step before its first action.',
    ko: '`maintenance` 런북에서 첫 작업 전에 `communication` 단계가 없습니다.',
  },
  check({ file, runbook, report }) {
    if (!runbook || runbook.kind?.value !== 'maintenance') return;
    const first = runbook.steps.find((s) => stepKind(s) === 'action');
    if (!first) return;
    if (runbook.steps.slice(0, first.index).some((s) => stepKind(s) === 'communication')) return;
    const own = stepName(first);
    const edit = noticeStepBefore(file, runbook, first);
    report({
      span: stepHead(first),
      message: {
        en: `This maintenance starts changing things at ${own.en} before any step tells users. Add a step of kind: communication before it: the notice, with an expected end.`,
        ko: `이 점검은 사용자에게 알리는 단계 없이 ${own.ko}부터 작업을 시작합니다. 그 앞에 kind: communication 단계(예상 종료 시각을 담은 공지)를 추가하십시오.`,
      },
      fixes: edit ? [{ title: { en: 'Insert a notice step before it', ko: '앞에 공지 단계 넣기' }, edits: [edit], safe: false }] : [],
    });
  },
};

/** A new `- id: user-notice` item just above the step, in the list's own indentation. */
function noticeStepBefore(file: SourceFile, runbook: Runbook, step: Step): TextEdit | undefined {
  const firstKey = step.node.items[0]?.key as Node | undefined;
  if (step.node.flow || !firstKey?.range) return undefined;
  const pos = file.lines.position(firstKey.range[0]);
  const lineStart = file.lines.lineStarts[pos.line];
  const lead = file.text.slice(lineStart, firstKey.range[0]);
  const m = /^( *)- +$/.exec(lead);
  if (!m) return undefined; // `-` on a line of its own, or a comment between: leave it to the person
  const ids = new Set(runbook.steps.map((s) => s.id?.value));
  let id = 'user-notice';
  for (let n = 2; ids.has(id); n++) id = `user-notice-${n}`;
  const eol = eolOf(file.text);
  const keyIndent = ' '.repeat(lead.length);
  const lines = [`${lead}id: ${id}`, `${keyIndent}title: <tell users what stops and the expected end>`, `${keyIndent}kind: communication`];
  if (runbook.roles.length) lines.push(`${keyIndent}role: <role>`);
  return { span: [lineStart, lineStart], newText: lines.join(eol) + eol };
}
