// A local time that a DST change makes ambiguous (the clock showed it twice) or impossible
// (the clock skipped it). The fixes pin it down by writing the offset.
import type { Time } from '../../model/fields';
import { formatInZone, offsetText } from '../../time';
import type { Fix, Rule } from '../types';
import { msg } from '../types';
import { FLAG } from '../../model/entry-facts';
import { q, timeFieldsWith, valueTextEnd } from './helpers';

export const timestampAmbiguous: Rule = {
  id: 'timestamp-ambiguous',
  appliesTo: ['incident'],
  defaultLevel: 'warning',
  fixable: true,
  description: msg('A local time that a daylight-saving change makes ambiguous or impossible in the log\'s zone.',
    '서머타임 전환 때문에 두 번 있거나 존재하지 않는 현지 시각.'),
  check({ incident, file, report }) {
    if (!incident) return;
    const dst = (t: Time): boolean => !!t.time?.zone && (!!t.time.ambiguous || !!t.time.impossible);
    timeFieldsWith(incident, FLAG.atDst | FLAG.endDst, dst, (key, t) => {
      const time = t.time!;
      const zone = time.zone!;
      const at = valueTextEnd(file, t);
      const addOffset = (ms: number, en: string, ko: string): Fix => {
        const off = offsetText(ms, zone);
        return { title: { en: `Add the offset ${off} (${en})`, ko: `오프셋 ${off} 추가 (${ko})` }, edits: [{ span: [at, at], newText: off }], safe: false };
      };
      if (time.ambiguous) {
        const first = offsetText(time.ms, zone);
        const second = offsetText(time.ambiguous.laterMs, zone);
        report({
          span: t.span,
          message: msg(
            `${key}: ${q(t.value)} happened twice in ${zone} when the clocks went back (${first} and ${second}). Write the offset to say which one.`,
            `${key}: ${q(t.value)}은(는) ${zone}에서 시계를 되돌릴 때 두 번 있었던 시각입니다(${first}, ${second}). 어느 쪽인지 오프셋을 적으십시오.`),
          fixes: [addOffset(time.ms, 'the first time', '첫 번째'), addOffset(time.ambiguous.laterMs, 'the second time', '두 번째')],
        });
      } else {
        const after = offsetText(time.ms, zone);
        report({
          span: t.span,
          message: msg(
            `${key}: ${q(t.value)} never happened in ${zone}: the clocks jumped forward over it (it reads as ${formatInZone(time.ms, zone, 'HH:mm')}${after}). Correct the time or write the offset.`,
            `${key}: ${q(t.value)}은(는) ${zone}에 없는 시각입니다. 서머타임 시작으로 시계가 건너뛰었습니다(${formatInZone(time.ms, zone, 'HH:mm')}${after}로 읽힙니다). 시각을 고치거나 오프셋을 적으십시오.`),
          fixes: [addOffset(time.ms, 'the offset after the change', '전환 후 오프셋')],
        });
      }
    });
  },
};
