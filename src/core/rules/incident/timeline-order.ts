// An entry earlier than the one before it. Readers of a long maintenance log scan it top to
// bottom; an entry out of place hides what was known when.
import { entryFacts } from '../../model/entry-facts';
import type { Incident } from '../../model/incident';
import type { TextEdit } from '../../text';
import type { Fix, Rule } from '../types';
import { msg } from '../types';
import { lineNo, q } from './helpers';
import { canSortTimeline, sortTimelineEdit } from './sort-timeline';

export const timelineOrder: Rule = {
  id: 'timeline-order',
  appliesTo: ['incident'],
  defaultLevel: 'error',
  fixable: true,
  description: msg('A timeline entry earlier than the entry before it.', '바로 앞 항목보다 이른 시각의 타임라인 항목.'),
  check({ incident, file, report }) {
    if (!incident) return;
    // Runs over the entries' instants (see entry-facts.ts); only an entry out of order is read.
    const { atMs } = entryFacts(incident, 'timeline');
    let prevIndex = -1;
    let fixes: Fix[] | undefined;
    for (let i = 0; i < atMs.length; i++) {
      const ms = atMs[i];
      if (ms !== ms) continue;
      if (prevIndex >= 0 && ms < atMs[prevIndex]) {
        const at = incident.timeline[i].at!;
        const prev = incident.timeline[prevIndex].at!;
        fixes ??= canSortTimeline(incident) ? [sortFix(incident)] : [];
        const line = lineNo(file, prev.span[0]);
        report({
          span: at.span,
          message: msg(
            `This entry (${q(at.value)}) is earlier than the one before it (${q(prev.value)}, line ${line}). Keep the timeline in time order.`,
            `이 항목(${q(at.value)})이 바로 앞 항목(${q(prev.value)}, ${line}행)보다 이릅니다. 타임라인을 시간순으로 적으십시오.`),
          fixes,
        });
      }
      prevIndex = i;
    }
  },
};

/**
 * The sort fix, written only when someone asks for it (a code action, `--fix`): it rewrites
 * the whole timeline, which on a long log cost tens of milliseconds per keystroke while an
 * entry was out of order. Offered only where `canSortTimeline` said it can be done.
 */
function sortFix(incident: Incident): Fix {
  let edits: TextEdit[] | undefined;
  return {
    title: { en: 'Sort the timeline by time', ko: '타임라인을 시간순으로 정렬' },
    safe: true,
    get edits(): TextEdit[] {
      if (!edits) { const e = sortTimelineEdit(incident); edits = e ? [e] : []; }
      return edits;
    },
  };
}
