// Slack exports: one JSON array of messages per channel and day (`general/2021-01-25.json`),
// or an API response object holding `messages` (conversations.history). Times are instants
// (`ts`, epoch seconds as a string); `<@U123>` mentions and `&amp;` entities are decoded.
import type { ChatMessage, ChatParseResult } from './types';

const NOISE_SUBTYPES = new Set(['channel_join', 'channel_leave', 'group_join', 'group_leave']);

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strOf = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** The message list of an export or API response, or undefined when the text is not one. */
export function slackMessages(text: string): unknown[] | undefined {
  const t = text.replace(/^\ufeff/, '').trim();
  if (!t.startsWith('[') && !t.startsWith('{')) return undefined;
  let data: unknown;
  try { data = JSON.parse(t); } catch { return undefined; }
  if (Array.isArray(data)) return data;
  if (isObj(data) && Array.isArray(data.messages)) return data.messages;
  return undefined;
}

export function looksLikeSlack(text: string): boolean {
  const list = slackMessages(text);
  return !!list && (list.length === 0 || list.some((m) => isObj(m) && 'ts' in m));
}

/** `1611561120.000200` to epoch milliseconds, without floating-point drift. */
export function slackTsMs(ts: unknown): number | undefined {
  const s = typeof ts === 'number' ? ts.toFixed(6) : typeof ts === 'string' ? ts.trim() : '';
  const m = /^(\d{1,12})(?:\.(\d{1,9}))?$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0').slice(0, 3));
}

function profileName(m: Json): string | undefined {
  const p = isObj(m.user_profile) ? m.user_profile : undefined;
  const bot = isObj(m.bot_profile) ? m.bot_profile : undefined;
  return strOf(p?.display_name) ?? strOf(p?.real_name) ?? strOf(p?.name) ?? strOf(m.username) ?? strOf(bot?.name);
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Slack's markup to plain text: `<@U1>` to `@name`, `<#C1|ops>` to `#ops`, links to their label and URL, entities decoded. */
export function decodeSlackText(text: string, names: ReadonlyMap<string, string>): string {
  const out = text.replace(/<([^<>]*)>/g, (_all, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar >= 0 ? inner.slice(0, bar) : inner;
    const label = bar >= 0 ? inner.slice(bar + 1) : undefined;
    if (target.startsWith('@')) return `@${label ?? names.get(target.slice(1)) ?? target.slice(1)}`;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!subteam^')) return label ?? '@team';
    if (target.startsWith('!date^')) return label ?? '';
    if (target.startsWith('!')) return `@${label ?? target.slice(1)}`;
    if (target.startsWith('mailto:')) return label ?? target.slice(7);
    return label && label !== target ? `${label} (${target})` : target;
  });
  // `&amp;` last, so an escaped `&amp;lt;` stays the text "&lt;".
  return out.replace(/&(lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e).replace(/&amp;/g, '&');
}

export function parseSlack(text: string): ChatParseResult {
  const list = slackMessages(text) ?? [];
  const names = new Map<string, string>();
  for (const m of list) {
    if (!isObj(m)) continue;
    const user = strOf(m.user);
    const name = profileName(m);
    if (user && name && !names.has(user)) names.set(user, name);
  }
  const messages: ChatMessage[] = [];
  const skipped: ChatParseResult['skipped'] = [];
  list.forEach((m, i) => {
    if (!isObj(m)) { skipped.push({ line: i + 1, text: JSON.stringify(m) ?? '' }); return; }
    const subtype = strOf(m.subtype);
    if (subtype && NOISE_SUBTYPES.has(subtype)) return;
    const ms = slackTsMs(m.ts);
    const user = strOf(m.user);
    const body = typeof m.text === 'string' ? decodeSlackText(m.text, names).trim() : '';
    const files = Array.isArray(m.files) ? m.files.filter(isObj).map((f) => strOf(f.name) ?? strOf(f.title)).filter((x): x is string => !!x) : [];
    const textOut = [body, ...files.map((f) => `[${f}]`)].filter(Boolean).join('\n');
    if (ms === undefined || textOut === '') { skipped.push({ line: i + 1, text: String(m.text ?? '') }); return; }
    const sender = profileName(m) ?? (user ? names.get(user) ?? user : 'unknown');
    messages.push({ ms, dateFrom: 'instant', sender, text: textOut, line: i + 1 });
  });
  // Exports are in time order; API responses are newest first.
  messages.sort((a, b) => a.ms! - b.ms! || a.line - b.line);
  return { format: 'slack', messages, skipped, undated: 0 };
}
