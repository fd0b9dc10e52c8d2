// Messages between the VS Code client and the language server beyond standard LSP. Both
// sides import these objects, so a method name or a payload shape cannot drift apart.
// Pattern for new messages: method `incidentCommand/<noun><Verb>`, one constant per message,
// params and result as plain JSON interfaces here, and a one-line doc saying who sends it and why.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';

/** Client command the server names in code actions: open the docs page of a rule id (argument 0). */
export const SHOW_RULE_DOC_COMMAND = 'incidentCommand.showRuleDoc';

/** Code action kind of "fix all safe problems", so `editor.codeActionsOnSave` can ask for it. */
export const FIX_ALL_KIND = 'source.fixAll.incident-command';

export interface DocumentParams { uri: string }

export interface WindowSummary {
  id?: string;
  title?: string;
  /** Epoch milliseconds; absent when the timestamp does not read. */
  start?: number;
  end?: number;
  announcedEnd?: number;
  range: Range;
}

export interface StepSummary { id?: string; title?: string; kind: string; range: Range }

export interface AnalysisSummary {
  uri: string;
  version: number;
  kind: 'incident' | 'runbook' | 'config';
  id?: string;
  title?: string;
  status?: string;
  severity?: string;
  /** The zone timestamps without an offset are read in. */
  zone?: string;
  /** Problems by level, as published in the diagnostics. */
  counts: { error: number; warning: number; info: number };
  /** Incidents: maintenance windows, in file order. */
  windows: WindowSummary[];
  /** Incidents: number of timeline entries. */
  entries: number;
  /** Runbooks: steps, in order. */
  steps: StepSummary[];
  /** True when the file is over the size limit and was not analysed. */
  tooLarge: boolean;
}

/** Client → server: the analysis summary of an open document, for the client's views (tree, status bar); null if not ours. */
export const AnalysisSummaryRequest = new RequestType<DocumentParams, AnalysisSummary | null, void>('incidentCommand/analysisSummary');

/** Server → client: a document was re-analysed (after its diagnostics were published), so views can ask for a fresh summary. */
export const AnalysisChangedNotification = new NotificationType<{ uri: string; version: number }>('incidentCommand/analysisChanged');
