// Every change the extension makes to a document goes through here: one WorkspaceEdit, so one
// undo step, and only onto the version of the document the change was computed on.
import * as vscode from 'vscode';
import type { TextEdit } from '../core/text';
import { Change, planChanges, planEdits, Plan } from './edit-plan';
import { t } from './i18n';

/** `changed`: the document moved on since the edits were computed; nothing was written. */
export type Applied = 'applied' | 'changed' | 'failed';

async function apply(doc: vscode.TextDocument, plan: Plan): Promise<Applied> {
  if (!plan.ok) return 'failed';
  if (doc.version !== plan.version) return 'changed';
  const edit = new vscode.WorkspaceEdit();
  for (const c of plan.changes) {
    edit.replace(doc.uri, new vscode.Range(c.range.start.line, c.range.start.character, c.range.end.line, c.range.end.character), c.newText);
  }
  return (await vscode.workspace.applyEdit(edit)) ? 'applied' : 'failed';
}

/** Core edits (by offset) computed on `version` of `doc`. */
export function applyEdits(doc: vscode.TextDocument, version: number, edits: readonly TextEdit[]): Promise<Applied> {
  return apply(doc, planEdits(version, (o) => doc.positionAt(o), edits));
}

/** Edits in editor ranges (from the server) computed on `version` of `doc`. */
export function applyChanges(doc: vscode.TextDocument, version: number, changes: readonly Change[]): Promise<Applied> {
  return apply(doc, planChanges(version, changes));
}

/** Says why nothing was written when the document changed under the command. */
export function warnChanged(): void {
  void vscode.window.showWarningMessage(t('The file changed while the command was running, so nothing was written. Run the command again.'));
}
