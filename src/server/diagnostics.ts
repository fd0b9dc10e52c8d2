// Findings as LSP diagnostics: the rule id is the code and links its docs page, so a reader
// can always get from a squiggle to why it matters (vscode-eslint's convention).
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Level } from '../core/config';
import { docsUrl, Finding } from '../core/rules/types';

export const SOURCE = 'incident-command';

const SEVERITY: Record<Level, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information,
};

export function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: f.range, severity: SEVERITY[f.level] ?? DiagnosticSeverity.Warning, code: f.ruleId,
    codeDescription: { href: docsUrl(f.ruleId) }, source: SOURCE, message: f.message,
  };
}

/** Whether a diagnostic the client sent back is the one made from this finding. */
export function sameFinding(d: Diagnostic, f: Finding): boolean {
  return d.source === SOURCE && d.code === f.ruleId
    && d.range.start.line === f.range.start.line && d.range.start.character === f.range.start.character
    && d.range.end.line === f.range.end.line && d.range.end.character === f.range.end.character;
}
