// KakaoTalk "대화 내보내기" / "Export Chat" text files, PC and mobile, Korean and English.
//   PC (ko):  OOO 님과 카카오톡 대화 / 저장한 날짜 : 2021-01-26 02:11
//             --------------- 2021년 1월 25일 월요일 ---------------
//             [홍길동] [오후 4:52] 메시지
//   PC (en):  --------------- Monday, January 25, 2021 ---------------
//             [Hong] [4:52 PM] message
//   Mobile:   2021년 1월 25일 월요일                  (day line)
//             2021년 1월 25일 오후 4:52, 홍길동 : 메시지
//             2021. 1. 25. 오후 4:52, 홍길동 : 메시지   (iOS)
//             January 25, 2021 at 4:52 PM, Hong : message
//             January 25, 2021, 4:52 PM, Hong : message
//             1/25/21, 4:52 PM, Hong : message
// A line that matches none of these continues the message above it (multi-line messages).
// Lines with a date and time but no ` : ` are system lines (joins, invitations) and are dropped.
import { continueMessage, datedMessage, finish, undatedMessage } from './build';
import { Calendar, ChatMessage, ChatParseOptions, ChatParseResult, Day, monthNumber, normalizeSpaces, readDay, splitLines, to24, validDay } from './types';

const KO_DATE = String.raw`(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일`;
const DOT_DATE = String.raw`(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?`;
const EN_DATE = String.raw`(?:[A-Za-z]+,\s*)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})`;
const WEEKDAY_KO = String.raw`(?:\s*[월화수목금토일]요일)?`;
const MERIDIEM = String.raw`(오전|오후|AM|PM|am|pm)`;

const HEADER = [/^.+ 님과 카카오톡 대화\s*$/, /^저장한 날짜\s*:/, /^KakaoTalk Chats? with /i, /^Date Saved\s*:/i, /^.+ KakaoTalk Chats?\s*$/i];

const DAY_LINES: { re: RegExp; day: (m: RegExpExecArray) => Day | undefined }[] = [
  { re: new RegExp(String.raw`^-{3,}\s*${KO_DATE}${WEEKDAY_KO}\s*-{3,}$`), day: (m) => validDay(+m[1], +m[2], +m[3]) },
  { re: new RegExp(String.raw`^-{3,}\s*${EN_DATE}\s*-{3,}$`), day: (m) => validDay(+m[3], monthNumber(m[1]), +m[2]) },
  { re: new RegExp(String.raw`^${KO_DATE}${WEEKDAY_KO}\s*$`), day: (m) => validDay(+m[1], +m[2], +m[3]) },
  { re: new RegExp(String.raw`^${DOT_DATE}${WEEKDAY_KO}\s*$`), day: (m) => validDay(+m[1], +m[2], +m[3]) },
  { re: new RegExp(String.raw`^${EN_DATE}\s*$`), day: (m) => validDay(+m[3], monthNumber(m[1]), +m[2]) },
];

// PC: `[sender] [오후 4:52] text` or `[sender] [4:52 PM] text` (or a 24-hour `[16:52]`).
const PC = new RegExp(String.raw`^\[(.{1,100}?)\]\s*\[(?:${MERIDIEM}\s*)?(\d{1,2}):(\d{2})(?:\s*${MERIDIEM})?\]\s?(.*)$`);

interface Stamp { day: Day | undefined; h: number; mi: number; rest: string }

// Mobile: a date, a time, then `, sender : text`.
const MOBILE: { re: RegExp; read: (m: RegExpExecArray) => Stamp }[] = [
  {
    re: new RegExp(String.raw`^${KO_DATE}\s*(?:${MERIDIEM}\s*)?(\d{1,2}):(\d{2})\s*,\s*(.*)$`),
    read: (m) => ({ day: validDay(+m[1], +m[2], +m[3]), h: to24(+m[5], m[4]), mi: +m[6], rest: m[7] }),
  },
  {
    re: new RegExp(String.raw`^${DOT_DATE}\s*(?:${MERIDIEM}\s*)?(\d{1,2}):(\d{2})\s*,\s*(.*)$`),
    read: (m) => ({ day: validDay(+m[1], +m[2], +m[3]), h: to24(+m[5], m[4]), mi: +m[6], rest: m[7] }),
  },
  {
    re: new RegExp(String.raw`^${EN_DATE}(?:\s+at|,)?\s+(\d{1,2}):(\d{2})\s*${MERIDIEM}?\s*,\s*(.*)$`),
    read: (m) => ({ day: validDay(+m[3], monthNumber(m[1]), +m[2]), h: to24(+m[4], m[6]), mi: +m[5], rest: m[7] }),
  },
  {
    // US numeric dates, month first: `1/25/21, 4:52 PM, Hong : message`.
    re: /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})\s*(AM|PM|am|pm)?\s*,\s*(.*)$/,
    read: (m) => ({ day: validDay(m[3].length === 2 ? 2000 + +m[3] : +m[3], +m[1], +m[2]), h: to24(+m[4], m[6]), mi: +m[5], rest: m[7] }),
  },
];

// Lines KakaoTalk writes itself when people join, leave or are invited; never part of a message.
const SYSTEM = /(님이 .*(들어왔습니다|나갔습니다|초대했습니다|퇴장했습니다|내보냈습니다)\.?|\b(joined|left) this chatroom\.?|\binvited .+\.|\bhas left\.?)$/i;

/** `sender : text`; KakaoTalk puts a space on both sides of the colon. */
const SENDER = /^(.{1,100}?) : ([\s\S]*)$/;

// Longer lines are only ever message text; keeping them away from the patterns keeps parsing linear.
const MAX_PREFIXED = 4000;

export function looksLikeKakao(text: string): boolean {
  const sample = splitLines(text).slice(0, 80).map(normalizeSpaces).map((l) => l.trim()).filter((l) => l && l.length <= MAX_PREFIXED);
  return sample.some((l) => HEADER.some((re) => re.test(l)) || DAY_LINES.slice(0, 2).some((d) => d.re.test(l)) || PC.test(l)
    || MOBILE.some((p) => { const m = p.re.exec(l); return !!m && SENDER.test(p.read(m).rest); }));
}

export function parseKakao(text: string, options: ChatParseOptions = {}): ChatParseResult {
  const cal = new Calendar(readDay(options.date));
  const messages: ChatMessage[] = [];
  const skipped: ChatParseResult['skipped'] = [];
  let current: ChatMessage | undefined;
  let inBody = false;
  const lines = splitLines(text);
  lines.forEach((raw, i) => {
    const line = normalizeSpaces(raw);
    const trimmed = line.trim();
    const no = i + 1;
    if (!inBody && (trimmed === '' || HEADER.some((re) => re.test(trimmed)))) return;
    inBody = true;
    for (const d of DAY_LINES) {
      const m = d.re.exec(trimmed);
      const day = m ? d.day(m) : undefined;
      if (day) { cal.setDay(day); current = undefined; return; }
    }
    if (trimmed.length > MAX_PREFIXED) {
      if (current) continueMessage(current, line); else skipped.push({ line: no, text: raw });
      return;
    }
    if (trimmed.length < 300 && SYSTEM.test(trimmed) && !SENDER.test(trimmed) && !PC.test(trimmed)) { current = undefined; return; }
    const pc = PC.exec(trimmed);
    if (pc) {
      const msg = undatedMessage(cal, { h: to24(+pc[3], pc[2] ?? pc[5]), mi: +pc[4] }, pc[1], pc[6], no);
      if (msg) { messages.push(msg); current = msg; return; }
    }
    for (const p of MOBILE) {
      const m = p.re.exec(trimmed);
      if (!m) continue;
      const stamp = p.read(m);
      const who = SENDER.exec(stamp.rest);
      if (!stamp.day) break;
      if (!who) { current = undefined; return; } // a system line: someone joined, was invited, left
      const msg = datedMessage(cal, stamp.day, { h: stamp.h, mi: stamp.mi }, who[1], who[2], no);
      if (msg) { messages.push(msg); current = msg; return; }
      break;
    }
    if (current) continueMessage(current, line);
    else if (trimmed !== '') skipped.push({ line: no, text: raw });
  });
  const out = finish(messages);
  return { format: 'kakao', messages: out, skipped, undated: out.filter((m) => !m.local).length };
}
