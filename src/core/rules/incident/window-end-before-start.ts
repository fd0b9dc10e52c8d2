// A window whose end (or announced end) comes before its start: the clocks would count
// backwards and the total maintenance time would shrink.
import type { Rule } from '../types';
import { msg } from '../types';
import { q } from './helpers';

export const windowEndBeforeStart: Rule = {
  id: 'window-end-before-start',
  appliesTo: ['incident'],
  defaultLevel: 'error',
  fixable: false,
  description: msg('A maintenance window whose `end` or `announced_end` is before its `start`.',
    '`end` 또는 `announced_end`가 `start`보다 이른 점검.'),
  check({ incident, report }) {
    if (!incident) return;
    for (const w of incident.windows) {
      const start = w.start?.time?.ms;
      if (start === undefined || !w.start) continue;
      const name = w.id ? `"${w.id.value}"` : `#${w.index + 1}`;
      for (const [key, t] of [['end', w.end], ['announced_end', w.announcedEnd]] as const) {
        const ms = t?.time?.ms;
        if (!t || ms === undefined || ms >= start) continue;
        report({
          span: t.span,
          message: msg(
            `Window ${name}: ${key} ${q(t.value)} is before its start ${q(w.start.value)}. Check the date: a window that crosses midnight ends on the next day.`,
            `점검 ${name}: ${key} ${q(t.value)}이(가) 시작 시각 ${q(w.start.value)}보다 이릅니다. 날짜를 확인하십시오. 자정을 넘긴 점검은 다음 날 끝납니다.`),
        });
      }
    }
  },
};
