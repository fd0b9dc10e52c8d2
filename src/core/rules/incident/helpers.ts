// Small helpers shared by the incident-log rules: which fields hold timestamps, where a
// line starts, and how to insert text without disturbing the bytes around it.
import type { Node, YAMLMap } from 'yaml';
import type { Str, Time } from '../../model/fields';
import { flagged } from '../../model/entry-facts';
import type { Incident } from '../../model/incident';
import { pairsOf, SourceFile, spanOf } from '../../source';
import { eolOf, Span, TextEdit } from '../../text';

export interface TimeField {
  /** The key as written in the file (`at`, `start`, `done`...). */
  key: string;
  t: Time;
  /** Whether the value records something that happened (not a promise like `announced_end`). */
  happened: boolean;
}

/** The timestamp fields outside the entry lists (impact, windows, checklist), in file order. */
export function otherTimeFields(inc: Incident): TimeField[] {
  const out: TimeField[] = [];
  const add = (key: string, t: Time | undefined, happened = true): void => { if (t) out.push({ key, t, happened }); };
  add('start', inc.impact.start);
  add('end', inc.impact.end);
  for (const w of inc.windows) {
    add('start', w.start);
    add('announced_end', w.announcedEnd, false);
    add('end', w.end);
  }
  for (const c of inc.checklist.values()) add('done', c.done);
  return out;
}

/**
 * Every timestamp field with a problem marked in `bits` (FLAG.atX | FLAG.endX): those outside
 * the entries first, then the entries' `at` and `expected_end`. Entries without the problem
 * are not read at all (see entry-facts.ts).
 */
export function timeFieldsWith(inc: Incident, bits: number, test: (t: Time) => boolean, fn: (key: string, t: Time) => void): void {
  for (const { key, t } of otherTimeFields(inc)) if (test(t)) fn(key, t);
  for (const list of ['timeline', 'decisions'] as const) {
    for (const e of flagged(inc, list, bits)) {
      if (e.at && test(e.at)) fn('at', e.at);
      if (e.expectedEnd && test(e.expectedEnd)) fn('expected_end', e.expectedEnd);
    }
  }
}

/** 1-based line number of an offset, as people read it. */
export function lineNo(file: SourceFile, offset: number): number { return file.lines.position(offset).line + 1; }

/** The offset where the line after the one holding `offset` starts (or the end of the text). */
export function nextLineStart(file: SourceFile, offset: number): number {
  const line = file.lines.position(offset).line;
  return line + 1 < file.lines.lineCount ? file.lines.lineStarts[line + 1] : file.text.length;
}

/** Where the last character of a node's own content sits, so a line can be added after it. */
export function contentEnd(file: SourceFile, end: number, start: number): number {
  let e = end;
  while (e > start && /\s/.test(file.text[e - 1])) e--;
  return Math.max(start, e - 1);
}

/**
 * A new line inserted after the line where `afterOffset` sits. When that line is the last
 * one and has no line break, the break goes first so the new line stands on its own.
 */
export function insertLineAfter(file: SourceFile, afterOffset: number, line: string, eol: string): { span: Span; newText: string } {
  const at = nextLineStart(file, afterOffset);
  const lastLine = file.lines.position(afterOffset).line === file.lines.lineCount - 1;
  return lastLine ? { span: [at, at], newText: `${eol}${line}` } : { span: [at, at], newText: `${line}${eol}` };
}

/** Offset just after a scalar's text, inside its quotes if it has any. */
export function valueTextEnd(file: SourceFile, s: Str): number {
  const [a, b] = s.span;
  const first = file.text[a];
  return (first === '"' || first === "'") && b - a >= 2 ? b - 1 : b;
}

/**
 * An edit adding `key: value` as the last line of a block map, indented like its keys and
 * after any multi-line value of the last key. Undefined for flow maps (`{...}`).
 */
export function appendKeyEdit(file: SourceFile, map: YAMLMap, keyValue: string): TextEdit | undefined {
  const pairs = pairsOf(map);
  if (map.flow || pairs.length === 0) return undefined;
  const col = file.lines.position(spanOf(pairs[0].key as Node)[0]).character;
  const last = pairs[pairs.length - 1];
  const node = (last.value as Node | null)?.range ? last.value : last.key;
  const sp = spanOf(node as Node);
  return insertLineAfter(file, contentEnd(file, sp[1], sp[0]), `${' '.repeat(col)}${keyValue}`, eolOf(file.text));
}

/** A short quote of a value for messages: long values are cut so messages stay readable. */
export function q(value: string): string {
  const v = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return `"${v}"`;
}
