// A decision with no `why`. In a long maintenance the reason is what gets lost first: by the
// postmortem nobody remembers why the slower path was chosen at 2 a.m.
import { headSpan } from '../../source';
import { flagged, FLAG } from '../../model/entry-facts';
import type { Rule } from '../types';
import { msg } from '../types';
import { appendKeyEdit } from './helpers';

export const decisionWhyMissing: Rule = {
  id: 'decision-why-missing',
  appliesTo: ['incident'],
  defaultLevel: 'warning',
  fixable: true,
  description: msg('A decision (a `decision` entry or an item of `decisions:`) without `why`.',
    '`why`가 없는 결정(`decision` 항목 또는 `decisions:`의 항목).'),
  check({ incident, file, report }) {
    if (!incident) return;
    // Only decisions without `why` are read (see entry-facts.ts).
    for (const e of [...flagged(incident, 'timeline', FLAG.needsWhy), ...flagged(incident, 'decisions', FLAG.needsWhy)]) {
      const edit = appendKeyEdit(file, e.node, 'why: <reason>');
      const chosen = e.chosen ? msg(` for choosing "${e.chosen.value}"`, ` "${e.chosen.value}"을(를) 고른`) : msg('', '');
      report({
        span: e.kind?.span ?? headSpan(e.node, e.span),
        message: msg(
          `This decision has no why. Write the reason${chosen.en} while it is fresh: the postmortem needs it.`,
          `이 결정에 why가 없습니다. 기억이 생생할 때${chosen.ko} 이유를 적으십시오. 회고에 필요합니다.`),
        fixes: edit ? [{ title: { en: 'Add "why:"', ko: '"why:" 추가' }, edits: [edit], safe: false }] : [],
      });
    }
  },
};
