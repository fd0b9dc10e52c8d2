// An entry that says it belongs to a window but is timed outside it: either the time or the
// `window:` is wrong, and the "16 h into maintenance" clock on it would be nonsense.
import { EntryTable } from '../../model/entry-facts';
import type { Window } from '../../model/incident';
import type { Report, Rule } from '../types';
import { msg } from '../types';
import { q } from './helpers';

const outside = new EntryTable<Report | undefined>();

export const entryOutsideWindow: Rule = {
  id: 'entry-outside-window',
  appliesTo: ['incident'],
  defaultLevel: 'warning',
  fixable: false,
  description: msg('An entry with `window:` whose `at` is outside that window\'s start..end.', '`window:`로 점검을 가리키는데 `at`이 그 점검의 시작~종료 밖에 있는 항목.'),
  check({ incident, report }) {
    if (!incident) return;
    const byId = new Map<string, Window>();
    for (const w of incident.windows) if (w.id && !byId.has(w.id.value)) byId.set(w.id.value, w);
    // An entry's finding depends only on it and the windows' ids and times: kept per entry while those stay.
    const windows = JSON.stringify([...byId].map(([id, w]) => [id, w.start?.value, w.start?.time?.ms, !!w.end, w.end?.value, w.end?.time?.ms]));
    const perEntry = outside.values(incident, 'timeline', windows, (e) => {
      const w = e.window ? byId.get(e.window.value) : undefined;
      const ms = e.at?.time?.ms;
      const start = w?.start?.time?.ms;
      if (!w || !e.at || !w.start || ms === undefined || start === undefined) return undefined;
      const end = w.end?.time?.ms;
      if (w.end && end === undefined) return undefined;
      if (end !== undefined && end < start) return undefined;
      if (ms >= start && (end === undefined || ms <= end)) return undefined;
      const span = end === undefined ? msg(`from ${q(w.start.value)} (still open)`, `${q(w.start.value)}부터(진행 중)`)
        : msg(`${q(w.start.value)} to ${q(w.end!.value)}`, `${q(w.start.value)}~${q(w.end!.value)}`);
      return {
        span: e.at.span,
        message: msg(
          `This entry at ${q(e.at.value)} names window "${w.id!.value}", which runs ${span.en}. Correct the time or the window.`,
          `${q(e.at.value)}의 이 항목은 점검 "${w.id!.value}"을(를) 가리키는데 그 점검은 ${span.ko}입니다. 시각이나 window를 고치십시오.`),
      };
    });
    for (const r of perEntry) if (r !== undefined) report(r);
  },
};
