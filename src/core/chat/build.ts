// Shared by the line-based parsers: a message being read (it may continue on later lines),
// and turning a time plus the calendar into a ChatMessage.
import { Calendar, ChatMessage, Day, timeText, wallClock } from './types';

export interface Clock { h: number; mi: number; s?: number }

/** A message with its own date, or undefined when the date or time is out of range. */
export function datedMessage(cal: Calendar, day: Day, t: Clock, sender: string, text: string, line: number): ChatMessage | undefined {
  const local = wallClock(day, t.h, t.mi, t.s);
  if (!local) return undefined;
  cal.dated(day, t.h * 60 + t.mi + (t.s ?? 0) / 60);
  return { local, time: timeText(t.h, t.mi, t.s), dateFrom: 'line', sender: sender.trim(), text, line };
}

/** A message with a time only: dated by the calendar, or left undated (counted by the caller). */
export function undatedMessage(cal: Calendar, t: Clock, sender: string, text: string, line: number): ChatMessage | undefined {
  if (!(t.h >= 0 && t.h <= 23 && t.mi >= 0 && t.mi <= 59) || (t.s !== undefined && !(t.s >= 0 && t.s <= 59))) return undefined;
  const at = cal.undated(t.h * 60 + t.mi + (t.s ?? 0) / 60);
  const time = timeText(t.h, t.mi, t.s);
  if (!at) return { time, dateFrom: 'default', sender: sender.trim(), text, line };
  return { local: wallClock(at.day, t.h, t.mi, t.s), time, dateFrom: at.from, sender: sender.trim(), text, line };
}

/** Appends a continuation line; blank lines inside a message are kept, trailing ones are trimmed at the end. */
export function continueMessage(m: ChatMessage, line: string): void { m.text += `\n${line}`; }

export function finish(messages: ChatMessage[]): ChatMessage[] {
  for (const m of messages) m.text = m.text.replace(/\s+$/, '').replace(/^\s+/, '');
  return messages.filter((m) => m.text !== '');
}
