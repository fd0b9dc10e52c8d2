// Chat exports to messages: format detection and the one entry point the CLI and the editor use.
import { looksLikeKakao, parseKakao } from './kakao';
import { looksLikeLines, parseLines } from './lines';
import { looksLikeSlack, parseSlack } from './slack';
import type { ChatFormat, ChatParseOptions, ChatParseResult } from './types';

export * from './types';
export { decodeSlackText, parseSlack, slackTsMs } from './slack';
export { parseKakao } from './kakao';
export { parseLines } from './lines';
export * from './plan';

export const CHAT_FORMATS: readonly ChatFormat[] = ['slack', 'kakao', 'lines'];

/** Slack when it is JSON with `ts`, KakaoTalk when any of its headers, day lines or message shapes appear, else plain lines. */
export function detectChatFormat(text: string): ChatFormat | undefined {
  if (looksLikeSlack(text)) return 'slack';
  if (looksLikeKakao(text)) return 'kakao';
  if (looksLikeLines(text)) return 'lines';
  return undefined;
}

/** Parses a chat; without a format, detects it (falling back to plain lines). Never throws. */
export function parseChat(text: string, format?: ChatFormat, options: ChatParseOptions = {}): ChatParseResult {
  const f = format ?? detectChatFormat(text) ?? 'lines';
  if (f === 'slack') return parseSlack(text);
  if (f === 'kakao') return parseKakao(text, options);
  return parseLines(text, options);
}
