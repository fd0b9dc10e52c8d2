// A wall-clock time with no offset in a log that names no zone, so nobody can say which
// instant it was. The fix adds the editor machine's zone as the log's `timezone`.
import type { Node } from 'yaml';
import { getPair, SourceFile, spanOf } from '../../source';
import { eolOf, TextEdit } from '../../text';
import { isValidZone } from '../../time';
import type { Incident } from '../../model/incident';
import type { Fix, Rule } from '../types';
import { msg } from '../types';
import { FLAG } from '../../model/entry-facts';
import { contentEnd, insertLineAfter, q, timeFieldsWith } from './helpers';

export const timestampNoZone: Rule = {
  id: 'timestamp-no-zone',
  appliesTo: ['incident'],
  defaultLevel: 'error',
  fixable: true,
  description: msg('A timestamp without an offset in a log with no `timezone` (and none in the workspace config).',
    '로그에도 워크스페이스 설정에도 `timezone`이 없는데 오프셋 없이 적은 시각.'),
  check({ incident, file, report }) {
    if (!incident) return;
    let zone = '';
    let fix: Fix | null | undefined;
    timeFieldsWith(incident, FLAG.atNoZone | FLAG.endNoZone, (t) => t.problem === 'no-zone', (key, t) => {
      if (fix === undefined) {
        zone = machineZone();
        fix = zoneFix(file, incident, zone) ?? null;
      }
      report({
        span: t.span,
        message: msg(
          `${key}: ${q(t.value)} has no offset and the log has no timezone, so the instant is unknown. Add "timezone: ${zone}" (or your zone) at the top, or write the offset (e.g. +09:00).`,
          `${key}: ${q(t.value)}에 오프셋이 없고 로그에 시간대도 없어 정확한 시점을 알 수 없습니다. 맨 위에 "timezone: ${zone}"(또는 사용하는 시간대)를 추가하거나 오프셋(예: +09:00)을 적으십시오.`),
        fixes: fix ? [fix] : [],
      });
    });
  },
};

/** The zone of the machine the linter runs on: the best guess for where the log was written. */
export function machineZone(): string {
  let zone: string | undefined;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch { zone = undefined; }
  return zone && isValidZone(zone) ? zone : 'UTC';
}

/**
 * Adds `timezone:` as a top-level line after `incident:`/`title:` (whichever comes last),
 * or corrects an existing `timezone:` that names no zone. Every other byte stays.
 */
export function zoneFix(file: SourceFile, inc: Incident, zone: string): Fix | undefined {
  const root = inc.root;
  if (!root || root.flow) return undefined;
  const title = { en: `Add "timezone: ${zone}"`, ko: `"timezone: ${zone}" 추가` };
  const existing = getPair(root, 'timezone');
  if (existing) {
    if (!inc.timezone) return undefined;
    return { title: { en: `Set "timezone: ${zone}"`, ko: `"timezone: ${zone}"로 바꾸기` }, edits: [{ span: inc.timezone.span, newText: zone }], safe: false };
  }
  const anchors = ['incident', 'title'].map((k) => getPair(root, k)).filter((p) => p !== undefined);
  const col = root.range ? file.lines.position(root.range[0]).character : 0;
  const line = `${' '.repeat(col)}timezone: ${zone}`;
  const eol = eolOf(file.text);
  let edit: TextEdit;
  if (anchors.length) {
    const last = anchors.map((p) => spanOf((p.value ?? p.key) as Node)).sort((a, b) => b[1] - a[1])[0];
    edit = insertLineAfter(file, contentEnd(file, last[1], last[0]), line, eol);
  } else {
    const first = root.range ? root.range[0] : 0;
    const lineStart = file.lines.lineStarts[file.lines.position(first).line];
    edit = { span: [lineStart, lineStart], newText: `${line}${eol}` };
  }
  return { title, edits: [edit], safe: false };
}
