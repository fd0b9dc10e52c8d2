// What every chat parser returns: messages with the time as the source gives it. Slack gives
// instants; KakaoTalk and plain lines give wall clocks, which only the incident's zone turns
// into instants, so parsers never guess a zone.

export type ChatFormat = 'slack' | 'kakao' | 'lines';

/** Where a message's date came from; `rollover` is an undated time earlier than the one before it (past midnight). */
export type DateSource = 'instant' | 'line' | 'day' | 'previous' | 'default' | 'rollover';

export interface ChatMessage {
  /** Epoch milliseconds, when the source gives an instant (Slack). */
  ms?: number;
  /** Local wall clock `YYYY-MM-DDTHH:mm[:ss]`, to be read in the incident's zone; absent when no date is known. */
  local?: string;
  /** `HH:mm[:ss]`, always set for wall-clock sources, so an undated message can still be shown. */
  time?: string;
  dateFrom: DateSource;
  sender: string;
  text: string;
  /** 1-based line of the message in the source (Slack: position in the array). */
  line: number;
}

export interface ChatParseOptions {
  /** `YYYY-MM-DD` for messages written without a date, until a dated line says otherwise. */
  date?: string;
}

export interface ChatParseResult {
  format: ChatFormat;
  messages: ChatMessage[];
  /** Lines (or array items) that were neither a message nor part of one, nor known noise. */
  skipped: { line: number; text: string }[];
  /** Messages that carry a time but no date: pass a date. */
  undated: number;
}

/** A calendar day. */
export interface Day { y: number; m: number; d: number }

export const pad2 = (n: number): string => String(n).padStart(2, '0');
export const dayText = (day: Day): string => `${day.y}-${pad2(day.m)}-${pad2(day.d)}`;

export function readDay(text: string | undefined): Day | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text?.trim() ?? '');
  if (!m) return undefined;
  return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function validDay(y: number, m: number, d: number): Day | undefined {
  if (!(m >= 1 && m <= 12 && d >= 1)) return undefined;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return { y, m, d };
}

export function nextDay(day: Day): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + 1));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 12-hour clock to 24: `오전 12:05` is 00:05, `오후 12:05` is 12:05, `오후 4:52` is 16:52. */
export function to24(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = /^(오후|pm|p\.m\.)$/i.test(meridiem.trim());
  const am = /^(오전|am|a\.m\.)$/i.test(meridiem.trim());
  if (pm) return hour % 12 + 12;
  if (am) return hour % 12;
  return hour;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** `January` or `Jan` to 1; 0 when it is not a month name. */
export function monthNumber(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.length < 3) return 0;
  return MONTHS.findIndex((m) => m.startsWith(n)) + 1;
}

/**
 * Assigns dates to wall-clock times in chat order. A dated message or a day separator sets the
 * day; an undated time takes the day before it, or the default, and a time earlier than the
 * previous undated-or-dated one means the chat went past midnight. After a day separator the
 * separator is authoritative: exports print one at every change of day.
 */
export class Calendar {
  private day?: Day;
  private from: DateSource = 'default';
  private lastMinutes?: number;
  private separator = false;

  constructor(private readonly fallback?: Day) {}

  /** A day separator line. */
  setDay(day: Day): void { this.day = day; this.from = 'day'; this.lastMinutes = undefined; this.separator = true; }

  /** A message that carries its own date. */
  dated(day: Day, minutes: number): void { this.day = day; this.from = 'previous'; this.lastMinutes = minutes; this.separator = false; }

  /** A message with a time only: its day and where that came from, or undefined when no date is known. */
  undated(minutes: number): { day: Day; from: DateSource } | undefined {
    if (!this.day) {
      if (!this.fallback) return undefined;
      this.day = this.fallback;
      this.from = 'default';
    }
    let from = this.from;
    if (!this.separator && this.lastMinutes !== undefined && minutes < this.lastMinutes) {
      this.day = nextDay(this.day);
      from = 'rollover';
      this.from = 'rollover';
    }
    this.lastMinutes = minutes;
    return { day: this.day, from };
  }
}

/** Non-breaking and narrow spaces (iOS puts U+202F before AM/PM) read as plain spaces. */
export function normalizeSpaces(line: string): string {
  return line.replace(/[\u00a0\u2007\u202f\u3000]/g, ' ');
}

/** Lines without their breaks (LF, CRLF or CR) and without a BOM. */
export function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
}

export function wallClock(day: Day, h: number, mi: number, s?: number): string | undefined {
  if (!(h >= 0 && h <= 23 && mi >= 0 && mi <= 59) || (s !== undefined && !(s >= 0 && s <= 59))) return undefined;
  return `${dayText(day)}T${pad2(h)}:${pad2(mi)}${s !== undefined ? `:${pad2(s)}` : ''}`;
}

export function timeText(h: number, mi: number, s?: number): string {
  return `${pad2(h)}:${pad2(mi)}${s !== undefined ? `:${pad2(s)}` : ''}`;
}
