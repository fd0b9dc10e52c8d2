// Checks every key and value against the format's declarative spec (src/core/schema).
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import { configSpec } from '../../schema/config';
import { incidentSpec } from '../../schema/incident';
import { runbookSpec } from '../../schema/runbook';
import type { Spec } from '../../schema/types';
import { headSpan, keyName, pairsOf, spanOf } from '../../source';
import { carry, ListHistory } from '../../model/list-history';
import { closest } from '../../suggest';
import { findSecrets } from './secret-in-text';
import { isValidZone, parseDuration } from '../../time';
import type { Span } from '../../text';
import type { Report, Rule } from '../types';

const SPECS = { incident: incidentSpec, runbook: runbookSpec, config: configSpec };
const TYPE_NAMES: Record<string, { en: string; ko: string }> = {
  string: { en: 'text', ko: '텍스트' }, boolean: { en: 'true or false', ko: 'true 또는 false' }, number: { en: 'a number', ko: '숫자' },
  list: { en: 'a list', ko: '목록' }, map: { en: 'a mapping of keys', ko: '키-값 매핑' },
};

const itemHistory = new ListHistory<unknown, { context: string; values: Report[][] }>();
const LONG_LIST = 32;
// Shared by every clean item: reading one array that stays in cache, not one per item all over the heap.
const NONE: Report[] = [];
// Specs are module constants; a number per spec object lets it be part of a context string.
const specIds = new WeakMap<Spec, number>();
let specCount = 0;
function specId(s: Spec): number {
  let id = specIds.get(s);
  if (id === undefined) specIds.set(s, (id = ++specCount));
  return id;
}

export const schema: Rule = {
  id: 'schema',
  appliesTo: ['incident', 'runbook', 'config'],
  defaultLevel: 'error',
  fixable: true,
  description: { en: 'Missing required key, wrong type, or unknown key.', ko: '필수 키 누락, 잘못된 타입, 알 수 없는 키.' },
  check(ctx) {
    const { file, config } = ctx;
    let report = ctx.report;
    const root = file.doc.contents as Node | null;
    const spec = SPECS[file.kind];
    if (!root) {
      const req = spec.required ?? [];
      if (req.length) report({ span: [0, 0], message: { en: `The file is empty: it needs ${req.join(', ')}.`, ko: `파일이 비어 있습니다. 필요한 키: ${req.join(', ')}.` } });
      return;
    }
    const enums = { severities: config.severities };
    const enumKey = config.severities.join('\u0000');
    const walk = (node: Node | null, s: Spec, where: string): void => {
      if (isAlias(node)) {
        report({ span: spanOf(node), message: { en: 'Aliases are not read in these files: write the value out.', ko: '이 파일에서는 별칭(alias)을 읽지 않습니다. 값을 직접 적으십시오.' } });
        return;
      }
      if (s.type === 'union') {
        const fit = bestVariant(node, s.of);
        if (fit) walk(node, fit, where);
        else report(typeReport(node, s.of.map((v) => v.type), where));
        return;
      }
      if (!shapeFits(node, s)) { report(typeReport(node, [s.type], where)); return; }
      if (s.type === 'map' && isMap(node)) {
        // Which required keys are present, one bit each: no set per map of a long log.
        const required = s.required ?? NO_KEYS;
        let present = 0;
        for (const item of node.items) {
          if (!isPair(item)) continue;
          const pair = item as Pair<Node, Node | null>;
          const key = keyName(pair);
          if (key === undefined) {
            // `? {a: 1}` or `[x]:` would otherwise be skipped in silence, and its data with it.
            report({ span: spanOf(pair.key, spanOf(node)), message: { en: 'A key here must be plain text, not a map, a list or nothing.', ko: '이 자리의 키는 맵이나 목록, 빈 값이 아닌 일반 텍스트여야 합니다.' } });
            continue;
          }
          const r = required.indexOf(key);
          if (r >= 0) present |= 1 << r;
          const child = (Object.hasOwn(s.fields, key) ? s.fields[key] : undefined) ?? s.values;
          if (child) walk(pair.value, child, key);
          else report(unknownKey(key, spanOf(pair.key), Object.keys(s.fields).filter((k) => !node.has(k)), where));
        }
        if (present !== (1 << required.length) - 1) {
          const missing = required.filter((_k, i) => !(present & (1 << i)));
          const span = node === root ? headSpan(node, [0, 0]) : headSpan(node, spanOf(node));
          const what = where ? { en: ` in this ${where}`, ko: ` (${where})` } : { en: '', ko: '' };
          report({ span, message: {
            en: `Missing required key${missing.length > 1 ? 's' : ''}${what.en}: ${missing.join(', ')}.`,
            ko: `필수 키가 없습니다${what.ko}: ${missing.join(', ')}.` } });
        }
      } else if (s.type === 'list' && isSeq(node)) {
        const itemWhere = singular(where);
        const itemSpec = s.items;
        // Items of long lists are checked once per node: an incremental parse reuses unchanged ones,
        // and lining the list up with the last one (see list-history.ts) finds them without reading
        // them. Items it cannot place (a sorted timeline) are checked again.
        const context = `${specId(itemSpec)}\u0000${itemWhere}\u0000${enumKey}`;
        const checkItem = (item: unknown): Report[] => {
          const saved = report;
          const reports: Report[] = [];
          report = (r) => { reports.push(r); };
          walk(item as Node, itemSpec, itemWhere);
          report = saved;
          return reports.length ? reports : NONE;
        };
        // Short lists (an entry's `options`) are not worth a history of their own.
        const perItem = node.items.length >= LONG_LIST ? carry(itemHistory, node.items, context, checkItem) : node.items.map(checkItem);
        for (const reports of perItem) for (let i = 0; i < reports.length; i++) report(reports[i]);
      } else if (s.type === 'string' && isScalar(node)) {
        checkString(String(node.source ?? node.value), spanOf(node), s, where, enums, report);
      }
    };
    walk(root, spec, '');
  },
};

const NO_KEYS: readonly string[] = [];
const patterns = new Map<string, RegExp>();
/** Spec patterns are module constants: one RegExp each, not one per value checked. */
function patternOf(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source)));
  return re;
}

function singular(key: string): string {
  const names: Record<string, string> = { timeline: 'entry', maintenance: 'window', steps: 'step', action_items: 'action item', causes: 'cause', decisions: 'decision', checklists: 'checklist item', dangerous_commands: 'pattern', preconditions: 'precondition' };
  return names[key] ?? key;
}

/** Among variants of the right shape, the map whose keys the node uses most (done vs skipped). */
function bestVariant(node: Node | null, variants: readonly Spec[]): Spec | undefined {
  const fitting = variants.filter((v) => shapeFits(node, v));
  if (fitting.length <= 1 || !isMap(node)) return fitting[0];
  const keys = pairsOf(node).map(keyName);
  const score = (v: Spec) => (v.type === 'map' ? keys.filter((k) => k !== undefined && Object.hasOwn(v.fields, k)).length
    + 2 * (v.required ?? []).filter((k) => keys.includes(k)).length : 0);
  return fitting.reduce((best, v) => (score(v) > score(best) ? v : best));
}

function shapeFits(node: Node | null, s: Spec): boolean {
  switch (s.type) {
    case 'map': return isMap(node);
    case 'list': return isSeq(node);
    case 'boolean': return isScalar(node) && typeof node.value === 'boolean';
    case 'number': return isScalar(node) && typeof node.value === 'number';
    case 'string': return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number');
    case 'union': return s.of.some((v) => shapeFits(node, v));
  }
}

function typeReport(node: Node | null, expected: string[], where: string): Report {
  const span = spanOf(node);
  const empty = !node || (isScalar(node) && node.value === null);
  const want = { en: expected.map((t) => TYPE_NAMES[t].en).join(' or '), ko: expected.map((t) => TYPE_NAMES[t].ko).join(' 또는 ') };
  const key = where ? `"${where}" ` : '';
  if (empty) return { span, message: { en: `${key}is empty: write ${want.en}.`, ko: `${key}값이 비어 있습니다. ${want.ko}을(를) 적으십시오.` } };
  const report: Report = { span, message: { en: `${key}should be ${want.en}.`, ko: `${key}값은 ${want.ko}이어야 합니다.` } };
  if (expected.includes('string') && isScalar(node) && typeof node.value === 'boolean' && node.source) {
    report.message = { en: `${key}should be text, but YAML reads ${node.source} as a boolean: quote it.`, ko: `${key}값은 텍스트여야 하는데 YAML이 ${node.source}을(를) 참·거짓으로 읽습니다. 따옴표로 감싸십시오.` };
    report.fixes = [{ title: { en: 'Quote the value', ko: '값을 따옴표로 감싸기' }, edits: [{ span, newText: `"${node.source}"` }], safe: false }];
  }
  return report;
}

function unknownKey(rawKey: string, span: Span, candidates: string[], where: string): Report {
  // A pasted credential as a key is reported by secret-in-text; this message must not repeat it.
  const key = findSecrets(rawKey).length ? '…' : rawKey;
  const guess = closest(key, candidates);
  const at = where ? { en: ` in ${where}`, ko: ` (${where})` } : { en: '', ko: '' };
  return {
    span,
    message: guess
      ? { en: `Unknown key "${key}"${at.en}. Did you mean "${guess}"?`, ko: `알 수 없는 키 "${key}"${at.ko}. "${guess}"을(를) 말씀하신 것입니까?` }
      : { en: `Unknown key "${key}"${at.en}.`, ko: `알 수 없는 키 "${key}"${at.ko}.` },
    fixes: guess ? [{ title: { en: `Rename to "${guess}"`, ko: `"${guess}"(으)로 이름 바꾸기` }, edits: [{ span, newText: guess }], safe: false }] : [],
  };
}

function checkString(value: string, span: Span, s: Extract<Spec, { type: 'string' }>, where: string,
  enums: { severities: string[] }, report: (r: Report) => void): void {
  const allowed = s.enum ?? (s.enumFrom ? enums[s.enumFrom] : undefined);
  const key = where ? `"${where}"` : 'value';
  if (allowed && !allowed.includes(value)) {
    const guess = closest(value, allowed);
    const list = allowed.join(', ');
    report({
      span,
      message: guess
        ? { en: `${key} "${value}" is not one of ${list}. Did you mean "${guess}"?`, ko: `${key} 값 "${value}"은(는) ${list} 중 하나가 아닙니다. "${guess}"을(를) 말씀하신 것입니까?` }
        : { en: `${key} "${value}" is not one of ${list}.`, ko: `${key} 값 "${value}"은(는) ${list} 중 하나가 아닙니다.` },
      fixes: guess ? [{ title: { en: `Change to "${guess}"`, ko: `"${guess}"(으)로 바꾸기` }, edits: [{ span, newText: guess }], safe: true }] : [],
    });
    return;
  }
  if (s.pattern && !patternOf(s.pattern).test(value)) {
    report({ span, message: { en: `${key} "${value}" must match ${s.pattern}.`, ko: `${key} 값 "${value}"은(는) ${s.pattern} 형식이어야 합니다.` } });
  } else if (s.format === 'zone' && !isValidZone(value)) {
    report({ span, message: { en: `"${value}" is not an IANA time zone (e.g. Asia/Seoul).`, ko: `"${value}"은(는) IANA 시간대가 아닙니다 (예: Asia/Seoul).` } });
  } else if (s.format === 'duration' && parseDuration(value) === undefined) {
    report({ span, message: { en: `"${value}" is not a duration: write e.g. 90m, 1h30m, 2d or PT1H30M.`, ko: `"${value}"은(는) 기간 형식이 아닙니다. 90m, 1h30m, 2d, PT1H30M처럼 적으십시오.` } });
  } else if (s.format === 'date' && !/^\d{4}-\d{2}-\d{2}([T ].*)?$/.test(value)) {
    report({ span, message: { en: `"${value}" is not a date: write YYYY-MM-DD.`, ko: `"${value}"은(는) 날짜 형식이 아닙니다. YYYY-MM-DD로 적으십시오.` } });
  }
}
