// "Log Entry Now": pick a kind, type what happened, and the entry is appended to the
// timeline with the time the command was invoked, in one undo step.
import * as vscode from 'vscode';
import type { EditProblem } from '../../core/edit/layout';
import { appendTimelineEntryIn, entryTimestamp, openWindowId, timelineStyle } from '../../core/edit/timeline';
import { fileKindOf, parseSource } from '../../core/source';
import { applyEdits, warnChanged } from '../apply-edit';
import { KIND_DESCRIPTIONS, orderedKinds } from '../choices';
import { t } from '../i18n';
import { workspaceConfig, zoneFor } from '../settings';

const LAST_KIND = 'incidentCommand.lastEntryKind';

export function isIncidentDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'incident' || fileKindOf(doc.fileName) === 'incident';
}

export function problemMessage(problem: EditProblem): string {
  switch (problem) {
    case 'yaml-errors': return t('This file has YAML errors, so the entry was not added. Fix the errors shown in Problems and try again.');
    case 'lone-cr': return t('This file has lone CR line breaks, which YAML does not read as line breaks, so nothing was written. Use the quick fix on the first such line (or save the file with LF or CRLF line endings) and try again.');
    case 'not-a-map': return t('This file is not a map of keys, so it has no place for a timeline. Start it with keys such as "incident:" and "timeline:".');
    case 'not-a-list': return t('"timeline:" holds something other than a list of entries. Make it a list ("- at: ...") and try again.');
    case 'flow-layout': return t('The entry cannot be added to a file written in flow style ({...}). Write the top level as "key: value" lines.');
    default: return t('The entry could not be added to this file.');
  }
}

export async function logEntry(context: vscode.ExtensionContext): Promise<void> {
  // The moment of the event is when the responder reached for the key, not when they finished typing.
  const now = Date.now();
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isIncidentDocument(editor.document)) {
    void vscode.window.showWarningMessage(t('Open an incident log (*.incident.yaml) to log an entry.'));
    return;
  }
  const doc = editor.document;
  const kinds = orderedKinds(context.workspaceState.get<string>(LAST_KIND));
  const picked = await vscode.window.showQuickPick(
    kinds.map((k) => ({ label: k, description: t(KIND_DESCRIPTIONS[k as keyof typeof KIND_DESCRIPTIONS]) })),
    { title: t('Log Entry Now'), placeHolder: t('What kind of entry is this?'), matchOnDescription: true, ignoreFocusOut: true },
  );
  if (!picked) return;
  const text = await vscode.window.showInputBox({
    title: `${t('Log Entry Now')}: ${picked.label}`,
    prompt: t('What happened, in one or two sentences'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : t('Write what happened.')),
  });
  if (text === undefined || !text.trim()) return;
  // A decision without its reason is what the postmortem misses most; ask, but let Esc skip it.
  const why = picked.label === 'decision'
    ? (await vscode.window.showInputBox({ title: `${t('Log Entry Now')}: decision`, prompt: t('Why was this option chosen? (Esc to skip)'), ignoreFocusOut: true }))?.trim()
    : undefined;
  await context.workspaceState.update(LAST_KIND, picked.label);

  const config = await workspaceConfig(vscode.workspace.getWorkspaceFolder(doc.uri));
  // Read the text only now, after the last await, so the edit is computed on what is in the editor.
  const version = doc.version;
  const src = parseSource(doc.getText(), doc.fileName, 'incident');
  const style = timelineStyle(src);
  const zone = zoneFor(style.zone, config, doc.uri);
  const result = appendTimelineEntryIn(src, {
    at: entryTimestamp(now, zone, style.seconds), kind: picked.label, text: text.trim(),
    window: openWindowId(src), extra: why ? [['why', why]] : [],
  });
  if (!result.ok) {
    void vscode.window.showWarningMessage(problemMessage(result.problem));
    return;
  }
  const applied = await applyEdits(doc, version, [result.edit]);
  if (applied === 'changed') { warnChanged(); return; }
  if (applied !== 'applied') {
    void vscode.window.showWarningMessage(t('The entry could not be added to this file.'));
    return;
  }
  const target = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  if (target) {
    const caret = doc.positionAt(result.caret);
    target.selection = new vscode.Selection(caret, caret);
    target.revealRange(new vscode.Range(caret, caret), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
