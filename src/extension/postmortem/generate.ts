// "Incident: Generate Postmortem": writes <name>.postmortem.md; a file a person edited since
// it was generated is never overwritten: the command offers a diff and "save as a new file".
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { decideWrite, freshPath, inLineBreaksOf, mayWrite, withMarker } from '../../core/postmortem-file';
import { readIfExists, writeIfUnchanged } from '../../core/write-file';
import { isIncidentDocument } from '../commands/logEntry';
import { t } from '../i18n';
import { renderDocument, targetPath } from './render';

export const PROPOSED_SCHEME = 'incident-postmortem';

/** Generated text shown on the right of the diff, by URI path. */
export class ProposedContent implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  set(uri: vscode.Uri, text: string): void { this.texts.set(uri.path, text); }
  provideTextDocumentContent(uri: vscode.Uri): string { return this.texts.get(uri.path) ?? ''; }
}

/** What the command decides on (unsaved edits are edits too) and what is on disk, which a write must still find. */
async function readText(uri: vscode.Uri): Promise<{ current: string | undefined; onDisk: string | undefined; dirty: boolean }> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  let onDisk: string | undefined;
  try {
    // Read as the write will read it again (a BOM kept), so an unchanged file compares equal.
    onDisk = uri.scheme === 'file' ? readIfExists(uri.fsPath) : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    onDisk = undefined;
  }
  return open?.isDirty ? { current: open.getText(), onDisk, dirty: true } : { current: onDisk, onDisk, dirty: false };
}

/**
 * Local files go through a temp file and a rename, and only while the file still holds what
 * was read (a save made meanwhile stays); other file systems write in one call.
 */
async function writeText(uri: vscode.Uri, expected: string | undefined, text: string): Promise<boolean> {
  if (uri.scheme === 'file') {
    await fs.promises.mkdir(path.dirname(uri.fsPath), { recursive: true });
    return writeIfUnchanged(uri.fsPath, expected, text) === 'written';
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return true;
}

async function written(uri: vscode.Uri): Promise<void> {
  const open = t('Open');
  const pick = await vscode.window.showInformationMessage(t('Postmortem written to {0}.', vscode.workspace.asRelativePath(uri)), open);
  if (pick === open) await vscode.window.showTextDocument(uri, { preview: false });
}

export async function generatePostmortem(proposed: ProposedContent, arg?: unknown): Promise<void> {
  const doc = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
  if (!doc || !isIncidentDocument(doc)) {
    void vscode.window.showWarningMessage(t('Open an incident log (*.incident.yaml) to generate its postmortem.'));
    return;
  }
  const r = await renderDocument(doc);
  if (!r.result.ok) {
    void vscode.window.showErrorMessage(t('The log has a YAML error at line {0}, so no postmortem was generated: {1}', r.result.line, r.result.message));
    return;
  }
  const pm = r.result.postmortem;
  const text = withMarker(r.result.markdown, { source: path.basename(doc.fileName), style: pm.style, lang: pm.lang });
  const target = vscode.Uri.file(targetPath(doc, r));
  const { current, onDisk, dirty } = await readText(target);
  let decision = decideWrite(current, text);
  // Writing under unsaved edits would leave the editor to overwrite the new file on the next save.
  if (dirty && decision === 'overwrite') decision = 'edited';
  try {
    if (decision === 'unchanged') {
      void vscode.window.showInformationMessage(t('{0} is already up to date.', vscode.workspace.asRelativePath(target)));
      return;
    }
    if (mayWrite(decision)) {
      if (await writeText(target, onDisk, inLineBreaksOf(text, onDisk))) await written(target);
      else void vscode.window.showWarningMessage(t('{0} changed on disk while the postmortem was being generated, so nothing was written. Run the command again.', vscode.workspace.asRelativePath(target)));
      return;
    }
    const diff = t('Show Diff');
    const saveNew = t('Save as New File');
    const why = decision === 'edited'
      ? t('{0} was edited since it was generated, so it was not overwritten.', vscode.workspace.asRelativePath(target))
      : t('{0} was not written by Incident Command, so it was not overwritten.', vscode.workspace.asRelativePath(target));
    const pick = await vscode.window.showWarningMessage(why, diff, saveNew);
    if (pick === diff) {
      const right = vscode.Uri.from({ scheme: PROPOSED_SCHEME, path: target.path });
      proposed.set(right, text);
      await vscode.commands.executeCommand('vscode.diff', target, right, t('{0} ↔ newly generated', path.basename(target.fsPath)));
    } else if (pick === saveNew) {
      const fresh = vscode.Uri.file(freshPath(target.fsPath, (p) => fs.existsSync(p)));
      if (await writeText(fresh, undefined, text)) await written(fresh);
      else void vscode.window.showWarningMessage(t('{0} changed on disk while the postmortem was being generated, so nothing was written. Run the command again.', vscode.workspace.asRelativePath(fresh)));
    }
  } catch (e) {
    void vscode.window.showErrorMessage(t('Could not write {0}: {1}', vscode.workspace.asRelativePath(target), e instanceof Error ? e.message : String(e)));
  }
}
