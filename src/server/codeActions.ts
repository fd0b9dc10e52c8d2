// Code actions for findings: the rule's own fixes, a disable comment for the line, the rule's
// docs, and one "fix all" with every safe fix.
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver/node';
import type { Lang } from '../core/config';
import { disableLine, multilineScalars } from '../core/disable';
import type { Finding } from '../core/rules/types';
import { eolOf, hasLoneCR, LineIndex, Range } from '../core/text';
import type { TextEdit as CoreEdit } from '../core/text';
import { FIX_ALL_KIND, SHOW_RULE_DOC_COMMAND } from '../shared/protocol';
import type { DocState } from './documents';
import { sameFinding, toDiagnostic } from './diagnostics';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function codeActions(state: DocState, params: CodeActionParams): CodeAction[] {
  if (state.tooLarge) return [];
  const { analysis, input } = state;
  const lines = analysis.file.lines;
  const only = params.context.only;
  const uri = state.uri;
  const toEdits = (edits: CoreEdit[]): TextEdit[] => edits.map((e) => ({ range: lines.range(e.span), newText: e.newText }));
  const out: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const sent = params.context.diagnostics ?? [];
    const seenRules = new Set<string>();
    let scalars: [number, number][] | undefined;
    for (const f of analysis.findings) {
      const diag = sent.find((d) => sameFinding(d, f));
      if (!diag && !overlaps(f.range, params.range)) continue;
      const diagnostic: Diagnostic = diag ?? toDiagnostic(f);
      const single = f.fixes.length === 1 && f.fixes[0].safe;
      for (const fix of f.fixes) {
        if (fix.edits.length === 0) continue; // a fix written on demand that found nothing it could safely do
        out.push({
          title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: single,
          edit: { changes: { [uri]: toEdits(fix.edits) } },
        });
      }
      // One disable and one docs action per rule, however many findings it has on the range.
      if (seenRules.has(f.ruleId) || f.ruleId === 'file-too-large') continue;
      seenRules.add(f.ruleId);
      scalars ??= multilineScalars(analysis.file);
      const disable = disableEdit(analysis.file.text, lines, disableLine(scalars, f.range.start.line), f.ruleId);
      if (disable) {
        out.push({ title: t(input.lang, `Disable ${f.ruleId} for this line`, `이 줄에서 ${f.ruleId} 끄기`), kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic], edit: { changes: { [uri]: [disable] } } });
      }
      out.push({
        title: t(input.lang, `Show documentation for ${f.ruleId}`, `${f.ruleId} 문서 보기`), kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic], command: { title: t(input.lang, 'Show documentation', '문서 보기'), command: SHOW_RULE_DOC_COMMAND, arguments: [f.ruleId] },
      });
    }
  }
  if (wants(only, FIX_ALL_KIND) && (only?.length || out.length)) {
    const all = fixAllEdits(analysis.findings);
    if (all.length) {
      out.push({ title: t(input.lang, 'Fix all safe Incident Command problems', 'Incident Command 안전한 문제 모두 고치기'), kind: FIX_ALL_KIND,
        edit: { changes: { [uri]: toEdits(all) } } });
    }
  }
  return out;
}

function t(lang: Lang, en: string, ko: string): string { return lang === 'ko' ? ko : en; }

/** Every safe fix, dropping any that would overlap one already taken. */
export function fixAllEdits(findings: readonly Finding[]): CoreEdit[] {
  const edits = findings.flatMap((f) => f.fixes.filter((x) => x.safe).slice(0, 1).flatMap((x) => x.edits));
  edits.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  const out: CoreEdit[] = [];
  let end = -1;
  for (const e of edits) {
    if (e.span[0] < end) continue;
    out.push(e);
    end = e.span[1];
  }
  return out;
}

const DIRECTIVE_LINE = /^(\s*)#\s*incident-command-disable-next-line\b(.*)$/;

/** Adds the rule to a disable comment right above the line, or inserts one with the line's indentation. */
export function disableEdit(text: string, lines: LineIndex, line: number, ruleId: string): TextEdit | undefined {
  // A comment line put beside a lone CR would, to yaml, swallow the line after it (see hasLoneCR).
  if (hasLoneCR(text)) return undefined;
  const prev = line > 0 ? lines.lineText(line - 1) : undefined;
  const m = prev !== undefined ? DIRECTIVE_LINE.exec(prev) : null;
  if (m) {
    const ids = m[2].split('#')[0].split(/[,\s]+/).filter(Boolean);
    if (ids.length === 0 || ids.includes(ruleId)) return undefined;
    const listEnd = (prev as string).length - (m[2].length - m[2].split('#')[0].trimEnd().length);
    const pos = { line: line - 1, character: listEnd };
    return { range: { start: pos, end: pos }, newText: `, ${ruleId}` };
  }
  const indent = /^\s*/.exec(lines.lineText(line))?.[0] ?? '';
  const pos = { line, character: 0 };
  return { range: { start: pos, end: pos }, newText: `${indent}# incident-command-disable-next-line ${ruleId}${eolOf(text)}` };
}
