import type { Config, Lang, Level, LocalText } from '../config';
import type { Incident } from '../model/incident';
import type { Runbook } from '../model/runbook';
import type { FileKind, SourceFile } from '../source';
import type { Range, Span, TextEdit } from '../text';

export interface Fix {
  title: LocalText;
  edits: TextEdit[];
  /** Safe fixes are applied by `lint --fix`; the others are offered only in the editor. */
  safe: boolean;
}

export interface Report {
  span: Span;
  message: LocalText;
  fixes?: Fix[];
  /** Reports under a sub-id, e.g. `checklist/user-notice`; the level still comes from config. */
  ruleId?: string;
  /** Overrides the rule's default level for this report (still re-graded by config). */
  level?: Level;
}

export interface RuleContext {
  file: SourceFile;
  config: Config;
  incident?: Incident;
  runbook?: Runbook;
  /** The instant "now" for rules that depend on it (open windows); fixed per lint run. */
  now: number;
  /** Whether a file exists, for rules that check paths (`runbook-missing`); absent where there is no file system. */
  fileExists?: (path: string) => boolean;
  report(r: Report): void;
}

export interface Rule {
  id: string;
  appliesTo: readonly FileKind[];
  defaultLevel: Level;
  fixable: boolean;
  description: LocalText;
  /** Runs on files whose YAML did not parse cleanly too (most rules skip them to avoid noise). */
  onBrokenYaml?: boolean;
  check(ctx: RuleContext): void;
}

export interface Finding {
  ruleId: string;
  level: Level;
  message: string;
  span: Span;
  range: Range;
  fixes: { title: string; edits: TextEdit[]; safe: boolean }[];
}

export interface LintOptions {
  lang?: Lang;
  now?: number;
  /** Passed to rules as `ctx.fileExists`; the CLI and the server give `fs.existsSync`. */
  fileExists?: (path: string) => boolean;
}

export const DOCS_BASE = 'https://github.com/incident-command/incident-command/blob/main/docs/rules/';
export function docsUrl(ruleId: string): string { return `${DOCS_BASE}${ruleId.split('/')[0]}.md`; }

/** Message helper: both languages side by side. */
export const msg = (en: string, ko: string): LocalText => ({ en, ko });
