// Lenient readers: a field of the wrong type reads as absent here and is reported by the
// `schema` rule, so every other rule can assume well-typed values.
import type { Node, Pair, YAMLMap } from 'yaml';
import { isMap, isScalar } from 'yaml';
import { asSeq, getPair, scalarText, spanOf } from '../source';
import { ParsedTime, parseDuration, parseTimestamp, TimestampProblem } from '../time';
import type { Span } from '../text';

/** A scalar field: its text, the span of the value and of its key. */
export interface Str { value: string; span: Span; keySpan: Span }
export interface Time extends Str { time?: ParsedTime; problem?: TimestampProblem }
export interface Dur extends Str { ms?: number }

export function str(map: YAMLMap | undefined, key: string): Str | undefined {
  return strOf(getPair(map, key));
}

/** The field a pair holds; `str(map, key)` for a pair already found. */
export function strOf(pair: Pair | undefined): Str | undefined {
  if (!pair || !isScalar(pair.value)) return undefined;
  const value = scalarText(pair.value);
  if (value === undefined || typeof pair.value.value === 'boolean') return undefined;
  return { value, span: spanOf(pair.value as Node), keySpan: spanOf(pair.key as Node) };
}

export function time(map: YAMLMap | undefined, key: string, zone: string | undefined): Time | undefined {
  return timeOf(getPair(map, key), zone);
}

export function timeOf(pair: Pair | undefined, zone: string | undefined): Time | undefined {
  const s = strOf(pair);
  if (!s) return undefined;
  const r = parseTimestamp(s.value, zone);
  // Literals of one shape, not spreads: a spread copy got a hidden class of its own per entry,
  // 200 bytes each, 10 MB over a 50,000-entry log.
  return r.ok ? { value: s.value, span: s.span, keySpan: s.keySpan, time: r.time } : { value: s.value, span: s.span, keySpan: s.keySpan, problem: r.problem };
}

export function dur(map: YAMLMap | undefined, key: string): Dur | undefined {
  const s = str(map, key);
  return s && { value: s.value, span: s.span, keySpan: s.keySpan, ms: parseDuration(s.value) };
}

export function bool(map: YAMLMap | undefined, key: string): { value: boolean; span: Span; keySpan: Span } | undefined {
  const pair = getPair(map, key);
  if (!pair || !isScalar(pair.value) || typeof pair.value.value !== 'boolean') return undefined;
  return { value: pair.value.value, span: spanOf(pair.value as Node), keySpan: spanOf(pair.key as Node) };
}

/** A list of scalars; a lone scalar reads as a list of one (as `after: snapshot`). */
export function strList(map: YAMLMap | undefined, key: string): Str[] {
  return strListOf(getPair(map, key));
}

export function strListOf(pair: Pair | undefined): Str[] {
  if (!pair) return NO_STRS;
  const keySpan = spanOf(pair.key as Node);
  const seq = asSeq(pair.value);
  const nodes = seq ? seq.items : [pair.value];
  const out: Str[] = [];
  for (const n of nodes) {
    const value = scalarText(n);
    if (value !== undefined && isScalar(n) && typeof n.value !== 'boolean') out.push({ value, span: spanOf(n as Node), keySpan });
  }
  return out.length ? out : NO_STRS;
}

// Most entries have no `options`: one empty list for all of them, not one each.
const NO_STRS: Str[] = Object.freeze([]) as unknown as Str[];

export function listOfMaps(map: YAMLMap | undefined, key: string): { node: YAMLMap; span: Span; index: number }[] {
  const seq = asSeq(getPair(map, key)?.value);
  if (!seq) return [];
  const out: { node: YAMLMap; span: Span; index: number }[] = [];
  seq.items.forEach((n, index) => {
    if (isMap(n)) out.push({ node: n, span: spanOf(n), index });
  });
  return out;
}
