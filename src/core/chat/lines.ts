// Plain chat lines, as people paste them from any tool or type them from memory:
//   [16:52] name: text          16:52 name: text          16:52 - name: text
//   2021-01-25 16:52 name: text 2021-01-25T16:52 name: text  [2021-01-25 16:52] name: text
// A line that does not start with a time continues the message above it.
import { continueMessage, datedMessage, finish, undatedMessage } from './build';
import { Calendar, ChatMessage, ChatParseOptions, ChatParseResult, normalizeSpaces, readDay, splitLines, to24, validDay } from './types';

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?([AaPp]\.?[Mm]\.?))?`;
const DATE = String.raw`(\d{4})[-./](\d{1,2})[-./](\d{1,2})`;
const DATED = new RegExp(String.raw`^\s*\[?${DATE}[T ]\s*${TIME}\]?\s*(?:[-–|]\s+)?(.*)$`);
const UNDATED = new RegExp(String.raw`^\s*(\[)?${TIME}(?:\])?(?:\s+|$)(?:[-–|]\s+)?(.*)$`);
// The sender ends at the first colon followed by a space (a URL's `https:` is followed by `/`).
const SENDER = /^([^:\s][^:]{0,60}?)\s?:(?:\s+|$)([\s\S]*)$/;

function split(rest: string): { sender: string; text: string } {
  const m = SENDER.exec(rest);
  return m ? { sender: m[1], text: m[2] } : { sender: '', text: rest };
}

export function looksLikeLines(text: string): boolean {
  const sample = splitLines(text).slice(0, 80).map(normalizeSpaces).filter((l) => l.trim() !== '');
  return sample.some((l) => DATED.test(l) || UNDATED.test(l));
}

export function parseLines(text: string, options: ChatParseOptions = {}): ChatParseResult {
  const cal = new Calendar(readDay(options.date));
  const messages: ChatMessage[] = [];
  const skipped: ChatParseResult['skipped'] = [];
  let current: ChatMessage | undefined;
  splitLines(text).forEach((raw, i) => {
    const line = normalizeSpaces(raw);
    const no = i + 1;
    const d = DATED.exec(line);
    if (d) {
      const day = validDay(Number(d[1]), Number(d[2]), Number(d[3]));
      const t = { h: to24(Number(d[4]), d[7]), mi: Number(d[5]), s: d[6] === undefined ? undefined : Number(d[6]) };
      const { sender, text: body } = split(d[8]);
      const m = day ? datedMessage(cal, day, t, sender, body, no) : undefined;
      if (m) { messages.push(m); current = m; return; }
    } else {
      const u = UNDATED.exec(line);
      // `16:52` alone, or a bare number like `3:1` in prose, needs something after it to be a message.
      if (u && u[6].trim() !== '') {
        const t = { h: to24(Number(u[2]), u[5]), mi: Number(u[3]), s: u[4] === undefined ? undefined : Number(u[4]) };
        const { sender, text: body } = split(u[6]);
        const m = undatedMessage(cal, t, sender, body, no);
        if (m) { messages.push(m); current = m; return; }
      }
    }
    if (current) continueMessage(current, line);
    else if (line.trim() !== '') skipped.push({ line: no, text: raw });
  });
  const out = finish(messages);
  return { format: 'lines', messages: out, skipped, undated: out.filter((m) => !m.local).length };
}
