// Inline disable comments, as the spec writes them:
//   # incident-command-disable-line <rule-id>[, <rule-id>...]
//   # incident-command-disable-next-line <rule-id>[, <rule-id>...]
// With no id they silence every rule on that line.
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

/** Whether a finding starting on `line` with `ruleId` is silenced. */
export function isDisabled(directives: readonly DisableDirective[], line: number, ruleId: string): boolean {
  for (const d of directives) {
    if (d.targetLine !== line) continue;
    if (d.ids.length === 0) return true;
    for (const { id } of d.ids) if (id === ruleId || ruleId.startsWith(`${id}/`)) return true;
  }
  return false;
}
