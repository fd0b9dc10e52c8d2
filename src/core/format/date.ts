// Wall-clock dates in the incident's zone, as the postmortem and hovers tell them:
// "1월 25일 오후 4시 52분" / "Jan 25, 4:52 PM". Always read through the zone (TZDate), so
// midnight and DST changes land on the date and hour the responders saw on their clocks.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Lang } from '../config';
import { isValidZone } from '../time';

export interface WallClockOptions {
  /** Add the year: "2021년 1월 25일 …" / "Jan 25, 2021, …". */
  year?: boolean;
  /** Add the weekday: "1월 25일 (월) …" / "Mon, Jan 25, …". */
  weekday?: boolean;
}

const KO_WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

/** The instant's wall clock in `zone`; an unknown zone falls back to UTC rather than throwing. */
function inZone(ms: number, zone: string): TZDate {
  return new TZDate(ms, isValidZone(zone) ? zone : 'UTC');
}

/** "오후 4시 52분", "오후 7시" (no "0분" on the hour) / "4:52 PM". */
export function formatWallTime(ms: number, zone: string, lang: Lang): string {
  if (!Number.isFinite(ms)) return '?';
  const d = inZone(ms, zone);
  if (lang !== 'ko') return format(d, 'h:mm a');
  const h = d.getHours();
  const m = d.getMinutes();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h < 12 ? '오전' : '오후'} ${h12}시${m ? ` ${m}분` : ''}`;
}

/** "1월 25일" / "Jan 25", with the options' year and weekday. */
export function formatWallDate(ms: number, zone: string, lang: Lang, options: WallClockOptions = {}): string {
  if (!Number.isFinite(ms)) return '?';
  const d = inZone(ms, zone);
  if (lang === 'ko') {
    const year = options.year ? `${d.getFullYear()}년 ` : '';
    const weekday = options.weekday ? ` (${KO_WEEKDAYS[d.getDay()]})` : '';
    return `${year}${d.getMonth() + 1}월 ${d.getDate()}일${weekday}`;
  }
  return format(d, `${options.weekday ? 'EEE, ' : ''}MMM d${options.year ? ', yyyy' : ''}`);
}

/** "1월 25일 오후 4시 52분" / "Jan 25, 4:52 PM". */
export function formatWallClock(ms: number, zone: string, lang: Lang, options: WallClockOptions = {}): string {
  if (!Number.isFinite(ms)) return '?';
  const date = formatWallDate(ms, zone, lang, options);
  const time = formatWallTime(ms, zone, lang);
  return lang === 'ko' ? `${date} ${time}` : `${date}, ${time}`;
}

/** The calendar day in the zone, "2021-01-25": tells whether two instants fall on the same day there. */
export function wallDayKey(ms: number, zone: string): string {
  return Number.isFinite(ms) ? format(inZone(ms, zone), 'yyyy-MM-dd') : '?';
}
