// Messages between the VS Code client and the language server beyond standard LSP. Both
// sides import these objects, so a method name or a payload shape cannot drift apart.
// Pattern for new messages: method `incidentCommand/<noun><Verb>`, one constant per message,
// params and result as plain JSON interfaces here, and a one-line doc saying who sends it and why.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';
import type { ClockState } from '../core/clock';

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

export interface ClockStateParams { uri: string; version: number; state: ClockState | null }

/** Server → client: sent when a log's analysis changes (and on open), carries the uri and ClockState, so the client ticks without asking. */
export const ClockStateNotification = new NotificationType<ClockStateParams>('incidentCommand/clockState');

/** Client → server: the ClockState of an open document now (on editor switch); state null if it is no incident log. */
export const ClockStateForRequest = new RequestType<DocumentParams, ClockStateParams | null, void>('incidentCommand/clockStateFor');

/** Client command named by the "Skip with reason..." code action: args `[uri, itemId]`; the client asks for the reason. */
export const CHECKLIST_SKIP_COMMAND = 'incidentCommand.checklist.skip';

export interface ChecklistItemView {
  id: string;
  trigger: 'maintenance-start' | 'open-window' | 'before-end' | 'resolved';
  builtIn: boolean;
  /** In the reader's language. */
  text: string;
  state: 'not-due' | 'pending' | 'done' | 'skipped';
  /** Epoch ms when it fell (or falls) due; null when no time applies. */
  dueAt: number | null;
  /** The window or entry that made it due. */
  cause: Range | null;
  detail: string | null;
  record: { done: string | null; skipped: string | null; by: string | null } | null;
}

export interface ChecklistView {
  uri: string;
  version: number;
  nowMs: number;
  pending: number;
  /** Phase labels in the reader's language, in phase order. */
  phases: { trigger: ChecklistItemView['trigger']; label: string }[];
  items: ChecklistItemView[];
}

/** Client → server: the evaluated checklist of an open incident log, for the Checklist tree; null if not one. */
export const ChecklistRequest = new RequestType<DocumentParams, ChecklistView | null, void>('incidentCommand/checklist');

export interface ChecklistEditParams { uri: string; id: string; mark: 'done' | 'skip'; reason?: string; by?: string }

/** Client → server: the text edits that record an item done now or skipped; null when the log cannot be edited (YAML errors). */
export const ChecklistEditRequest = new RequestType<ChecklistEditParams, { range: Range; newText: string }[] | null, void>('incidentCommand/checklistEdit');
