// The checklist in the editor, server side: "Mark done now" / "Skip with reason..." on
// `checklist/<id>` diagnostics, the evaluated checklist for the client's tree, the edits that
// record an item, a CodeLens over `maintenance:` and `timeline:`, and a once-a-minute look at
// open logs so cadence and announced-end prompts appear as time passes, not only on edits.
import type { CodeAction, CodeActionParams, CodeLens, Connection, Diagnostic } from 'vscode-languageserver/node';
import { CodeActionKind } from 'vscode-languageserver/node';
import { ChecklistResult, evaluateChecklist, PHASE_LABELS, PHASES } from '../core/checklist';
import type { Lang } from '../core/config';
import { doneNow, recordChecklistItemIn } from '../core/edit/checklist-record';
import { asMap, getPair, spanOf } from '../core/source';
import {
  CHECKLIST_SKIP_COMMAND, ChecklistEditParams, ChecklistEditRequest, ChecklistRequest, ChecklistView,
} from '../shared/protocol';
import { sameFinding, toDiagnostic } from './diagnostics';
import type { DocState } from './documents';

export interface ChecklistHost {
  stateOf(uri: string): Promise<DocState | undefined>;
  /** Open documents that are incident logs. */
  openLogs(): string[];
  /** Analyse a document again with the current time and publish it. */
  republish(uri: string): void;
  log(message: string): void;
}

export const RECHECK_MS = 60_000;

const t = (lang: Lang, en: string, ko: string) => (lang === 'ko' ? ko : en);

export function evaluate(state: DocState, now = state.analysis.now ?? Date.now()): ChecklistResult | undefined {
  const inc = state.analysis.incident;
  return state.kind === 'incident' && !state.tooLarge && inc ? evaluateChecklist(inc, state.input.config, now) : undefined;
}

/** What the diagnostics depend on: which items are pending, and where. */
function keyOf(r: ChecklistResult | undefined): string {
  return r ? r.items.filter((i) => i.state === 'pending').map((i) => `${i.id}@${i.cause?.span[0] ?? -1}`).join(',') : '';
}

export function checklistView(state: DocState, now = Date.now()): ChecklistView | null {
  const r = evaluate(state, now);
  if (!r) return null;
  const { lang } = state.input;
  const lines = state.analysis.file.lines;
  return {
    uri: state.uri, version: state.version, nowMs: r.nowMs, pending: r.pending,
    phases: PHASES.map((trigger) => ({ trigger, label: PHASE_LABELS[trigger][lang] })),
    items: r.items.map((i) => ({
      id: i.id, trigger: i.trigger, builtIn: i.builtIn, text: i.text[lang], state: i.state, dueAt: i.dueAtMs,
      cause: i.cause ? lines.range(i.cause.span) : null, detail: i.detail ? i.detail[lang] : null,
      record: i.record && { done: i.record.done, skipped: i.record.skipped, by: i.record.by },
    })),
  };
}

/** The edits recording an item, in LSP ranges; null when the log cannot take them. */
export function checklistEdits(state: DocState, p: Pick<ChecklistEditParams, 'id' | 'mark' | 'reason' | 'by'>, now = Date.now()) {
  const file = state.analysis.file;
  const mark = p.mark === 'done' ? doneNow(file, now, p.by) : { skipped: p.reason ?? '', ...(p.by ? { by: p.by } : {}) };
  const r = recordChecklistItemIn(file, p.id, mark);
  return r.ok ? [{ range: file.lines.range(r.edit.span), newText: r.edit.newText }] : null;
}

/** "Mark done now" and "Skip with reason..." for each checklist finding the request covers. */
export function checklistCodeActions(state: DocState, params: CodeActionParams, now = Date.now()): CodeAction[] {
  const { lang } = state.input;
  const out: CodeAction[] = [];
  const sent = params.context.diagnostics ?? [];
  const only = params.context.only;
  if (only?.length && !only.some((o) => CodeActionKind.QuickFix.startsWith(o))) return out;
  for (const f of state.analysis.findings) {
    if (!f.ruleId.startsWith('checklist/')) continue;
    const diag: Diagnostic | undefined = sent.find((d) => sameFinding(d, f));
    const r = params.range;
    const touches = f.range.start.line <= r.end.line && f.range.end.line >= r.start.line;
    if (!diag && !touches) continue;
    const id = f.ruleId.slice('checklist/'.length);
    const edits = checklistEdits(state, { id, mark: 'done' }, now);
    const diagnostic = diag ?? toDiagnostic(f);
    if (edits) {
      out.push({ title: t(lang, `Mark ${id} done now`, `${id} 지금 완료로 기록`), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
        edit: { changes: { [state.uri]: edits } } });
    }
    out.push({ title: t(lang, `Skip ${id} with reason...`, `${id} 사유와 함께 건너뛰기...`), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
      command: { title: t(lang, 'Skip with reason...', '사유와 함께 건너뛰기...'), command: CHECKLIST_SKIP_COMMAND, arguments: [state.uri, id] } });
  }
  return out;
}

/** "N checklist items pending" over `maintenance:` and `timeline:`; it opens the Checklist view. */
export function checklistLenses(state: DocState, now = state.analysis.now ?? Date.now()): CodeLens[] {
  const r = evaluate(state, now);
  if (!r || !r.items.some((i) => i.state !== 'not-due')) return [];
  const { lang } = state.input;
  const title = r.pending === 0
    ? t(lang, '$(checklist) Checklist: nothing pending', '$(checklist) 체크리스트: 대기 항목 없음')
    : t(lang, `$(checklist) Checklist: ${r.pending} pending`, `$(checklist) 체크리스트: ${r.pending}개 대기`);
  const root = asMap(state.analysis.file.doc.contents);
  const lenses: CodeLens[] = [];
  for (const key of ['maintenance', 'timeline']) {
    const pair = getPair(root, key);
    if (!pair) continue;
    lenses.push({ range: state.analysis.file.lines.range(spanOf(pair.key)), command: { title, command: 'incidentCommand.checklist.focus' } });
  }
  return lenses;
}

export class ChecklistFeatures {
  private readonly published = new Map<string, string>();
  private readonly timer: NodeJS.Timeout;

  constructor(connection: Connection, private readonly host: ChecklistHost) {
    connection.onRequest(ChecklistRequest, async (p) => this.safe('checklist', null, async () => {
      const s = await host.stateOf(p.uri);
      return s ? checklistView(s) : null;
    }));
    connection.onRequest(ChecklistEditRequest, async (p) => this.safe('checklistEdit', null, async () => {
      const s = await host.stateOf(p.uri);
      return s && s.kind === 'incident' ? checklistEdits(s, p) : null;
    }));
    connection.onCodeLens(async (p) => this.safe('codeLens', [], async () => {
      const s = await host.stateOf(p.textDocument.uri);
      return s ? checklistLenses(s) : [];
    }));
    this.timer = setInterval(() => { void this.tick(); }, RECHECK_MS);
    this.timer.unref?.();
  }

  /** After a document's diagnostics went out: remember what they showed. */
  onPublished(state: DocState): void {
    try { this.published.set(state.uri, keyOf(evaluate(state))); } catch (e) { this.host.log(`checklist: ${String(e)}`); }
  }

  forget(uri: string): void { this.published.delete(uri); }

  /** Re-publishes a log only when the checklist evaluated now differs from what was published. */
  async tick(now = Date.now()): Promise<void> {
    for (const uri of this.host.openLogs()) {
      try {
        const s = await this.host.stateOf(uri);
        if (!s || !this.published.has(uri)) continue;
        if (keyOf(evaluate(s, now)) !== this.published.get(uri)) this.host.republish(uri);
      } catch (e) {
        this.host.log(`checklist recheck of ${uri} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  dispose(): void { clearInterval(this.timer); }

  private async safe<R>(name: string, fallback: R, fn: () => Promise<R>): Promise<R> {
    try { return await fn(); } catch (e) {
      this.host.log(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return fallback;
    }
  }
}
