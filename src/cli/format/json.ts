// `--format json`: ESLint's shape, with 1-based lines and columns (UTF-16 column + 1).
import type { Level } from '../../core/config';
import type { FileResult } from '../lint-file';

export interface JsonMessage {
  ruleId: string;
  severity: Level;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonFileResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
}

export function toJsonResults(results: readonly FileResult[]): JsonFileResult[] {
  return results.map((r) => ({
    filePath: r.filePath,
    messages: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.level,
      message: f.message,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
    })),
    errorCount: r.findings.filter((f) => f.level === 'error').length,
    warningCount: r.findings.filter((f) => f.level === 'warning').length,
  }));
}

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(toJsonResults(results), null, 2)}\n`;
}
