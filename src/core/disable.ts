// Inline disable comments, as the spec writes them:
//   # incident-command-disable-line <rule-id>[, <rule-id>...]
//   # incident-command-disable-next-line <rule-id>[, <rule-id>...]
// With no id they silence every rule on that line.
import { isScalar, visit } from 'yaml';
import type { SourceFile } from './source';
import type { LineIndex, Span } from './text';

export interface DisableDirective {
  /** The line (0-based) the directive silences. */
  targetLine: number;
  /** Empty means every rule. */
  ids: { id: string; span: Span }[];
}

const DIRECTIVE = /#\s*incident-command-disable-(next-line|line)\b([^#\r\n]*)/g;

export function readDirectives(text: string, lines: LineIndex): DisableDirective[] {
  const out: DisableDirective[] = [];
  if (!text.includes('incident-command-disable')) return out;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const line = lines.position(m.index).line;
    const listStart = m.index + m[0].length - m[2].length;
    const ids: DisableDirective['ids'] = [];
    const idRe = /[A-Za-z0-9][A-Za-z0-9/_.-]*/g;
    for (let im = idRe.exec(m[2]); im; im = idRe.exec(m[2])) {
      ids.push({ id: im[0], span: [listStart + im.index, listStart + im.index + im[0].length] });
    }
    out.push({ targetLine: m[1] === 'next-line' ? line + 1 : line, ids });
  }
  return out;
}

/**
 * The directives by the line they silence, so that a finding's lookup costs the length of its
 * rule id, not the number of comments or of ids in them: a file with thousands of either is
 * linted in linear time.
 */
export class DisabledLines {
  /** `true`: every rule on that line. */
  private readonly byLine = new Map<number, Set<string> | true>();

  constructor(directives: readonly DisableDirective[]) {
    for (const d of directives) {
      const ids = this.byLine.get(d.targetLine);
      if (ids === true) continue;
      if (d.ids.length === 0) { this.byLine.set(d.targetLine, true); continue; }
      const set = ids ?? new Set<string>();
      for (const { id } of d.ids) set.add(id);
      this.byLine.set(d.targetLine, set);
    }
  }

  /** Whether a finding starting on `line` with `ruleId` is silenced; an id also silences its family (`checklist` → `checklist/x`). */
  has(line: number, ruleId: string): boolean {
    const ids = this.byLine.get(line);
    if (ids === undefined) return false;
    if (ids === true || ids.has(ruleId)) return true;
    for (let i = ruleId.indexOf('/'); i > 0; i = ruleId.indexOf('/', i + 1)) {
      if (ids.has(ruleId.slice(0, i))) return true;
    }
    return false;
  }
}

/** Whether a finding starting on `line` with `ruleId` is silenced. For many findings, build a DisabledLines once. */
export function isDisabled(directives: readonly DisableDirective[], line: number, ruleId: string): boolean {
  return new DisabledLines(directives.filter((d) => d.targetLine === line)).has(line, ruleId);
}

/**
 * First and last line of every scalar written over several lines (block scalars, quoted or
 * plain text folded over lines), in file order. A comment line inside one would be its text.
 */
export function multilineScalars(file: Pick<SourceFile, 'doc' | 'lines'>): [number, number][] {
  const out: [number, number][] = [];
  visit(file.doc, {
    Scalar(_k, node) {
      if (!isScalar(node) || !node.range) return;
      const [a, b] = node.range;
      const first = file.lines.position(a).line;
      const last = file.lines.position(Math.max(a, b - 1)).line;
      if (last > first) out.push([first, last]);
    },
  });
  return out.sort((x, y) => x[0] - y[0]);
}

/**
 * The line a disable comment speaks for when a finding starts on `line`: inside a scalar
 * written over several lines, the scalar's first line (its key line), where a comment can stand.
 */
export function disableLine(scalars: readonly [number, number][], line: number): number {
  let lo = 0;
  let hi = scalars.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (scalars[mid][0] >= line) hi = mid - 1;
    else if (scalars[mid][1] < line) lo = mid + 1;
    else return scalars[mid][0];
  }
  return line;
}
