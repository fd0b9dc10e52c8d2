// Two maintenance windows that overlap: the total maintenance time would count the shared
// hours twice, and the live clock cannot tell which window it is in.
import type { Window } from '../../model/incident';
import type { Rule } from '../types';
import { msg } from '../types';
import { lineNo, q } from './helpers';

export const windowOverlap: Rule = {
  id: 'window-overlap',
  appliesTo: ['incident'],
  defaultLevel: 'error',
  fixable: false,
  description: msg('A maintenance window that starts before an earlier window has ended.', '앞선 점검이 끝나기 전에 시작하는 점검.'),
  check({ incident, file, report }) {
    if (!incident) return;
    const timed = incident.windows.filter((w) => w.start?.time !== undefined)
      .sort((a, b) => a.start!.time!.ms - b.start!.time!.ms || a.index - b.index);
    for (let i = 1; i < timed.length; i++) {
      const later = timed[i];
      const ls = later.start!.time!.ms;
      for (let j = 0; j < i; j++) {
        const other = timed[j];
        const end = other.end?.time?.ms;
        // An end before the start is window-end-before-start's finding; do not stack another on it.
        if (end !== undefined && end < other.start!.time!.ms) continue;
        if (end !== undefined && ls >= end) continue;
        if (other.end && end === undefined) continue;
        const name = nameOf(other);
        const line = lineNo(file, (other.id ?? other.start!).span[0]);
        report({
          span: later.start!.span,
          message: end === undefined
            ? msg(`This window starts at ${q(later.start!.value)} while window ${name} (line ${line}) is still open: it has no end. Write ${name}'s end first.`,
              `이 점검은 ${q(later.start!.value)}에 시작하는데 점검 ${name}(${line}행)에 end가 없어 아직 진행 중입니다. ${name}의 end를 먼저 적으십시오.`)
            : msg(`This window starts at ${q(later.start!.value)}, before window ${name} (line ${line}) ends at ${q(other.end!.value)}. Windows must not overlap: correct one of the times.`,
              `이 점검은 ${q(later.start!.value)}에 시작하는데, 점검 ${name}(${line}행)은 ${q(other.end!.value)}에 끝납니다. 점검 시간은 겹치면 안 됩니다. 둘 중 하나의 시각을 고치십시오.`),
        });
      }
    }
  },
};

function nameOf(w: Window): string { return w.id ? `"${w.id.value}"` : `#${w.index + 1}`; }
