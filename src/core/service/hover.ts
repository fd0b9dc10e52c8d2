// Hover: what a key means (from the spec), and what a value stands for: a timestamp's wall
// clock in the incident's zone and in UTC, a handle's person, a window's span, a rule's purpose.
import type { Lang } from '../config';
import { incidentStartMs } from '../model/incident';
import { ruleById } from '../rules';
import { docsUrl } from '../rules/types';
import { specAt } from '../schema/types';
import { formatDurationShort, formatInZone, offsetText, parseTimestamp } from '../time';
import { incidentOf, rootSpec, stringSpecs, zoneOf } from './facts';
import { directiveHover, inComment } from './directives';
import { pathAt } from './path';
import type { Hover, ServiceInput } from './types';

export function hover(input: ServiceInput, offset: number): Hover | undefined {
  if (inComment(input, offset)) return directiveHover(input, offset);
  const file = input.analysis.file;
  const at = pathAt(file, offset);
  if (at.text === '' || at.span[0] === at.span[1]) return undefined;
  const range = file.lines.range(at.span);
  const spec = specAt(rootSpec(input), at.path);
  const { lang } = input;
  const keys = at.path.filter((p): p is string => typeof p === 'string');
  const key = keys[keys.length - 1];
  const parentKey = keys[keys.length - 2];
  const lines: string[] = [];

  if (at.on === 'key') {
    if (file.kind === 'config' && parentKey === 'rules') lines.push(...ruleLines(at.text, lang));
    else if (file.kind === 'incident' && parentKey === 'people' && at.path.length === 2) lines.push(...personLines(input, at.text, lang));
    if (spec?.doc[lang]) lines.push(`**${at.text}**: ${spec.doc[lang]}`);
  } else {
    const formats = stringSpecs(spec).map((s) => s.format);
    if (formats.includes('timestamp')) lines.push(...timeLines(input, at.text, lang));
    else if (formats.includes('handle')) lines.push(...personLines(input, at.text, lang));
    else if (file.kind === 'incident' && key === 'window') lines.push(...windowLines(input, at.text, lang));
    if (spec?.doc[lang] && key) lines.push(`**${key}**: ${spec.doc[lang]}`);
  }
  if (lines.length === 0) return undefined;
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range };
}

function timeLines(input: ServiceInput, text: string, lang: Lang): string[] {
  const zone = zoneOf(input);
  const r = parseTimestamp(text, zone);
  const ko = lang === 'ko';
  if (!r.ok) {
    if (r.problem === 'no-zone') return [ko ? '오프셋도 시간대도 없어 이 시각을 읽을 수 없습니다. `timezone`을 정하세요.' : 'No offset and no time zone: this time cannot be read. Set `timezone`.'];
    return [ko ? '올바른 시각이 아닙니다.' : 'Not a valid timestamp.'];
  }
  const t = r.time;
  const out: string[] = [];
  const fmt = 'yyyy-MM-dd HH:mm:ss';
  const shown = zone ?? 'UTC';
  out.push(`**${formatInZone(t.ms, shown, fmt)}** ${shown} (UTC${offsetText(t.ms, shown).replace('Z', '+00:00')})`);
  out.push(`**${formatInZone(t.ms, 'UTC', fmt)}** UTC`);
  if (t.hasOffset) out.push(ko ? '오프셋이 적힌 시각입니다.' : 'Written with its own offset.');
  if (t.ambiguous && zone) {
    const later = `${formatInZone(t.ambiguous.laterMs, 'UTC', fmt)} UTC`;
    out.push(ko ? `서머타임 전환으로 두 번 있는 시각입니다. 나중 시각으로 읽으면 ${later}입니다.` : `This wall clock happens twice (a DST change); the later reading is ${later}.`);
  }
  if (t.impossible && zone) out.push(ko ? `서머타임 전환으로 ${zone}에 없는 시각입니다.` : `This wall clock does not exist in ${zone} (a DST gap).`);
  const inc = incidentOf(input);
  const start = inc ? incidentStartMs(inc) : undefined;
  if (start !== undefined) out.push(`T+${formatDurationShort(t.ms - start)}${ko ? ' (첫 항목부터)' : ' since the first entry'}`);
  return out;
}

function personLines(input: ServiceInput, handle: string, lang: Lang): string[] {
  const inc = incidentOf(input);
  const p = inc?.people.get(handle) ?? input.config.people.get(handle);
  if (!p) return [lang === 'ko' ? `명단에 없는 핸들 \`${handle}\`입니다.` : `\`${handle}\` is not on the roster.`];
  const parts = [p.name, p.team, p.contact].filter(Boolean).join(' · ');
  return [`**${handle}**${parts ? `: ${parts}` : ''}`];
}

function windowLines(input: ServiceInput, id: string, lang: Lang): string[] {
  const w = incidentOf(input)?.windows.find((x) => x.id?.value === id);
  if (!w) return [lang === 'ko' ? `점검 \`${id}\`이(가) 없습니다.` : `No window \`${id}\`.`];
  const span = [w.start?.value, w.end?.value ?? (lang === 'ko' ? '진행 중' : 'open')].join(' → ');
  return [`**${id}**${w.title ? ` ${w.title.value}` : ''}`, span];
}

function ruleLines(id: string, lang: Lang): string[] {
  const rule = ruleById(id);
  if (!rule) return [];
  return [`**${id}**: ${rule.description[lang]}`, `[${lang === 'ko' ? '문서' : 'Documentation'}](${docsUrl(id)})`];
}
