// A timestamp that cannot be read at all, or names a month, day or hour that does not exist.
import type { LocalText } from '../../config';
import type { Rule } from '../types';
import { msg } from '../types';
import { FLAG } from '../../model/entry-facts';
import { q, timeFieldsWith } from './helpers';

const EXAMPLE = '2021-01-25T16:52, 2021-01-25T16:52:00+09:00';

export const timestampInvalid: Rule = {
  id: 'timestamp-invalid',
  appliesTo: ['incident'],
  defaultLevel: 'error',
  fixable: false,
  description: msg('A timestamp that is not ISO 8601, or has a month, day, hour or offset out of range.',
    'ISO 8601 형식이 아니거나 월·일·시·오프셋이 범위를 벗어난 시각.'),
  check({ incident, report }) {
    if (!incident) return;
    timeFieldsWith(incident, FLAG.atInvalid | FLAG.endInvalid, (t) => t.problem === 'syntax' || t.problem === 'range', (key, t) => {
      if (t.problem === 'syntax') {
        report({ span: t.span, message: msg(
          `${key}: ${q(t.value)} is not an ISO 8601 timestamp. Write it as ${EXAMPLE}.`,
          `${key}: ${q(t.value)}은(는) ISO 8601 시각이 아닙니다. ${EXAMPLE}처럼 적으십시오.`) });
      } else if (t.problem === 'range') {
        const part = outOfRange(t.value);
        report({ span: t.span, message: msg(
          `${key}: ${q(t.value)} does not exist: ${part.en}. Check the date and time.`,
          `${key}: ${q(t.value)}은(는) 없는 시각입니다. ${part.ko}. 날짜와 시각을 확인하십시오.`) });
      }
    });
  },
};

const PARTS = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Names the first part of a well-formed timestamp that is out of range. */
export function outOfRange(value: string): LocalText {
  const m = PARTS.exec(value.trim());
  if (!m) return msg('a part is out of range', '범위를 벗어난 값이 있습니다');
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const s = m[6] ? Number(m[6]) : 0;
  if (mo < 1 || mo > 12) return msg(`month ${m[2]} is not 01-12`, `월 ${m[2]}은(는) 01~12가 아닙니다`);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return msg(`day ${m[3]} is not 01-${days} in that month`, `그 달의 일은 01~${days}인데 ${m[3]}입니다`);
  if (h > 23) return msg(`hour ${m[4]} is not 00-23`, `시 ${m[4]}은(는) 00~23이 아닙니다`);
  if (mi > 59) return msg(`minute ${m[5]} is not 00-59`, `분 ${m[5]}은(는) 00~59가 아닙니다`);
  if (s > 59) return msg(`second ${m[6]} is not 00-59`, `초 ${m[6]}은(는) 00~59가 아닙니다`);
  return msg(`offset ${m[7]} is beyond ±18:00`, `오프셋 ${m[7]}은(는) ±18:00을 넘습니다`);
}
