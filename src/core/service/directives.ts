// Inside comments only one thing is completed or explained: rule ids in
// `# incident-command-disable-(next-)line` directives.
import { knownRuleIds, ruleById } from '../rules';
import { docsUrl } from '../rules/types';
import type { Span } from '../text';
import { CompletionItem, CompletionItemKind, Hover, ServiceInput } from './types';

const DIRECTIVE_HEAD = /#\s*incident-command-disable-(?:next-line|line)\s+(?:[A-Za-z0-9/_.-]+\s*,?\s*)*$/;

/** The text of the cursor's line up to the cursor, and where the line starts. */
function lineBefore(input: ServiceInput, offset: number): { before: string; lineStart: number; line: string } {
  const lines = input.analysis.file.lines;
  const pos = lines.position(offset);
  const line = lines.lineText(pos.line);
  return { before: line.slice(0, pos.character), lineStart: offset - pos.character, line };
}

/** Whether the cursor is in a comment (a `#` at the line start or after a space). */
export function inComment(input: ServiceInput, offset: number): boolean {
  return /(^|\s)#/.test(lineBefore(input, offset).before);
}

/** Rule ids after a disable directive; undefined when the cursor is not in one. */
export function directiveCompletion(input: ServiceInput, offset: number): CompletionItem[] | undefined {
  const { before, line } = lineBefore(input, offset);
  if (!DIRECTIVE_HEAD.test(before) && !/#\s*incident-command-disable-(?:next-line|line) $/.test(before)) return undefined;
  const word = /[A-Za-z0-9/_.-]*$/.exec(before)?.[0] ?? '';
  const after = /^[A-Za-z0-9/_.-]*/.exec(line.slice(before.length))?.[0] ?? '';
  const span: Span = [offset - word.length, offset + after.length];
  const range = input.analysis.file.lines.range(span);
  return [...knownRuleIds(input.config)].sort().map((id) => ({
    label: id, kind: CompletionItemKind.EnumMember,
    documentation: ruleById(id) ? { kind: 'markdown' as const, value: ruleById(id)!.description[input.lang] } : undefined,
    textEdit: { range, newText: id },
  }));
}

/** A rule id's description and docs link, when the cursor is on one in a directive. */
export function directiveHover(input: ServiceInput, offset: number): Hover | undefined {
  const { line, lineStart } = lineBefore(input, offset);
  const m = /#\s*incident-command-disable-(?:next-line|line)\b([^#]*)/.exec(line);
  if (!m) return undefined;
  const listStart = m.index + m[0].length - m[1].length;
  const col = offset - lineStart;
  for (const im of m[1].matchAll(/[A-Za-z0-9][A-Za-z0-9/_.-]*/g)) {
    const s = listStart + (im.index ?? 0);
    const e = s + im[0].length;
    if (col < s || col > e) continue;
    const rule = ruleById(im[0]);
    if (!rule) return undefined;
    const docs = input.lang === 'ko' ? '문서' : 'Documentation';
    return {
      contents: { kind: 'markdown', value: `**${im[0]}**: ${rule.description[input.lang]}\n\n[${docs}](${docsUrl(im[0])})` },
      range: input.analysis.file.lines.range([lineStart + s, lineStart + e]),
    };
  }
  return undefined;
}
