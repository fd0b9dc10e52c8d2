// A time that has not happened yet. At 3 a.m. in hour 20 of a maintenance, the usual slip is
// the date: yesterday's day, or tomorrow's.
import { formatInZone } from '../../time';
import type { Rule } from '../types';
import { msg } from '../types';
import { entryFacts } from '../../model/entry-facts';
import type { Time } from '../../model/fields';
import { otherTimeFields, q } from './helpers';

/** Clocks on laptops drift; ten minutes keeps a just-typed entry from being flagged. */
const SLACK_MS = 10 * 60000;

export const timestampFuture: Rule = {
  id: 'timestamp-future',
  appliesTo: ['incident'],
  defaultLevel: 'warning',
  fixable: false,
  description: msg('A time of something that happened (`at`, a window\'s `start`/`end`, `impact`, checklist `done`) more than 10 minutes in the future.',
    '일어난 일의 시각(`at`, 점검 `start`/`end`, `impact`, 체크리스트 `done`)이 지금보다 10분 넘게 미래.'),
  check({ incident, now, report }) {
    if (!incident) return;
    const zone = incident.zone ?? 'UTC';
    let nowText: string | undefined;
    const future = (key: string, t: Time): void => {
      nowText ??= formatInZone(now, zone, 'yyyy-MM-dd HH:mm');
      report({
        span: t.span,
        message: msg(
          `${key}: ${q(t.value)} is in the future (now is ${nowText} ${zone}). Check the date; for a planned time use announced_end or expected_end.`,
          `${key}: ${q(t.value)}은(는) 미래 시각입니다(지금 ${nowText} ${zone}). 날짜를 확인하십시오. 예정 시각은 announced_end나 expected_end에 적습니다.`),
      });
    };
    const limit = now + SLACK_MS;
    for (const { key, t, happened } of otherTimeFields(incident)) {
      const ms = t.time?.ms;
      if (happened && ms !== undefined && ms > limit) future(key, t);
    }
    // An entry's `at` happened; its `expected_end` is a promise. Only `at` is read, from the facts.
    for (const list of ['timeline', 'decisions'] as const) {
      const { atMs } = entryFacts(incident, list);
      for (let i = 0; i < atMs.length; i++) if (atMs[i] > limit) future('at', incident[list][i].at!);
    }
  },
};
