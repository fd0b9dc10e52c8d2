// "Start Maintenance Window" and "End Maintenance Window": the window and its timeline entry
// written at the moment the command was invoked, as one edit (one undo step).
import * as vscode from 'vscode';
import type { EditProblem } from '../../core/edit/layout';
import {
  endMaintenanceWindowIn, listWindows, nextWindowId, parseAnnouncedEnd, startMaintenanceWindowIn, windowEntryText,
  windowTimestamp, WindowEditResult,
} from '../../core/edit/maintenance-window';
import { WINDOW_ID } from '../../core/schema/incident';
import { asMap, getPair, parseSource, scalarText, SourceFile } from '../../core/source';
import { applyEdits, warnChanged } from '../apply-edit';
import { isIncidentDocument, problemMessage } from '../commands/logEntry';
import { generatedLanguage, t } from '../i18n';
import { workspaceConfig, zoneFor } from '../settings';

function problemText(problem: EditProblem | 'no-window' | 'already-ended'): string {
  switch (problem) {
    case 'exists': return t('A window with this id already exists. Choose another id.');
    case 'no-window': return t('That maintenance window is no longer in the file.');
    case 'already-ended': return t('That maintenance window already has an end.');
    case 'not-a-list': return t('"maintenance:" or "timeline:" holds something other than a list. Make it a list ("- ...") and try again.');
    default: return problemMessage(problem);
  }
}

function activeIncident(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isIncidentDocument(editor.document)) {
    void vscode.window.showWarningMessage(t('Open an incident log (*.incident.yaml) to start or end a maintenance window.'));
    return undefined;
  }
  return editor;
}

/** The language of text written into the log: its own `language:`, else the setting and workspace config. */
function logLanguage(src: SourceFile, configLanguage: 'en' | 'ko' | undefined): 'en' | 'ko' {
  const own = scalarText(getPair(asMap(src.doc.contents), 'language')?.value);
  return own === 'en' || own === 'ko' ? own : generatedLanguage(configLanguage);
}

async function apply(editor: vscode.TextEditor, version: number, result: WindowEditResult): Promise<boolean> {
  if (!result.ok) {
    void vscode.window.showWarningMessage(problemText(result.problem));
    return false;
  }
  const applied = await applyEdits(editor.document, version, [result.edit]);
  if (applied === 'changed') warnChanged();
  else if (applied !== 'applied') void vscode.window.showWarningMessage(t('The maintenance window could not be written to this file.'));
  return applied === 'applied';
}

export async function startMaintenanceWindow(): Promise<void> {
  // The window opened when the responder reached for the command, not when they finished typing.
  const now = Date.now();
  const editor = activeIncident();
  if (!editor) return;
  const doc = editor.document;
  const config = await workspaceConfig(vscode.workspace.getWorkspaceFolder(doc.uri));
  const before = parseSource(doc.getText(), doc.fileName, 'incident');
  const used = new Set(listWindows(before).map((w) => w.id));
  const pattern = new RegExp(WINDOW_ID);
  const title = t('Start Maintenance Window');
  const id = await vscode.window.showInputBox({
    title, prompt: t('Window id'), value: nextWindowId(before), ignoreFocusOut: true,
    validateInput: (v) => (!pattern.test(v.trim()) ? t('Use lower-case letters, digits, ".", "_" or "-", for example m2.')
      : used.has(v.trim()) ? t('A window with this id already exists. Choose another id.') : undefined),
  });
  if (id === undefined) return;
  const name = await vscode.window.showInputBox({ title, prompt: t('What is the maintenance for? (optional)'), ignoreFocusOut: true });
  if (name === undefined) return;
  const fileZone = (src: SourceFile) => scalarText(getPair(asMap(src.doc.contents), 'timezone')?.value);
  const readZone = zoneFor(fileZone(before), config, doc.uri);
  const announced = await vscode.window.showInputBox({
    title, prompt: t('Announced end: a duration such as 4h or 90m, a time such as 01:00, or empty for none'), ignoreFocusOut: true,
    validateInput: (v) => (!v.trim() || parseAnnouncedEnd(v, now, readZone) !== undefined ? undefined
      : t('Write a duration (4h, 1h30m), a time (01:00) or a timestamp (2026-11-22T01:00) after now.')),
  });
  if (announced === undefined) return;
  // Read the text only now, after the last question, so the edit fits what is in the editor.
  const version = doc.version;
  const src = parseSource(doc.getText(), doc.fileName, 'incident');
  const logZone = zoneFor(fileZone(src), config, doc.uri);
  const endMs = announced.trim() ? parseAnnouncedEnd(announced, now, logZone) : undefined;
  const result = startMaintenanceWindowIn(src, {
    id: id.trim(), title: name.trim() || undefined, start: windowTimestamp(src, now, logZone),
    announcedEnd: endMs === undefined ? undefined : windowTimestamp(src, endMs, logZone),
    entryText: windowEntryText('maintenance-start', id.trim(), name.trim() || undefined, logLanguage(src, config?.language)),
  });
  if (await apply(editor, version, result)) vscode.window.setStatusBarMessage(t('Maintenance window {0} started.', id.trim()), 4000);
}

export async function endMaintenanceWindow(): Promise<void> {
  const now = Date.now();
  const editor = activeIncident();
  if (!editor) return;
  const doc = editor.document;
  const open = listWindows(parseSource(doc.getText(), doc.fileName, 'incident')).filter((w) => w.open);
  if (open.length === 0) {
    void vscode.window.showInformationMessage(t('No maintenance window is open in this log.'));
    return;
  }
  let picked = open[0];
  if (open.length > 1) {
    const choice = await vscode.window.showQuickPick(
      open.map((w) => ({ label: w.id ?? `#${w.index + 1}`, description: w.title, w })),
      { title: t('End Maintenance Window'), placeHolder: t('Which window has ended?'), ignoreFocusOut: true },
    );
    if (!choice) return;
    picked = choice.w;
  }
  const config = await workspaceConfig(vscode.workspace.getWorkspaceFolder(doc.uri));
  const version = doc.version;
  const src = parseSource(doc.getText(), doc.fileName, 'incident');
  const zone = zoneFor(scalarText(getPair(asMap(src.doc.contents), 'timezone')?.value), config, doc.uri);
  // By id when it has one: the list may have moved while the quick pick was open.
  const label = picked.id ?? `#${picked.index + 1}`;
  const result = endMaintenanceWindowIn(src, {
    window: picked.id ?? picked.index, end: windowTimestamp(src, now, zone),
    entryText: windowEntryText('maintenance-end', label, picked.title, logLanguage(src, config?.language)),
  });
  if (await apply(editor, version, result)) vscode.window.setStatusBarMessage(t('Maintenance window {0} ended.', label), 4000);
}
