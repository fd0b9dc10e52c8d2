// "Incident: Paste Chat as Timeline Entries": a chat from the clipboard or a file becomes
// entries at their original times. The person picks the messages and may change each
// guessed kind; unknown senders are asked about once (and remembered for this workspace).
import * as vscode from 'vscode';
import { detectChatFormat, EntryKind, lastEntryDate, parseChat, planEntries, PlannedEntry, readDay } from '../../core/chat';
import { defaultConfig } from '../../core/config';
import { insertEntriesIn } from '../../core/edit/insert-entries';
import { readIncident } from '../../core/model/incident';
import { parseSource } from '../../core/source';
import { formatInZone } from '../../core/time';
import { applyEdits, warnChanged } from '../apply-edit';
import { isIncidentDocument, problemMessage } from '../commands/logEntry';
import { t } from '../i18n';
import { workspaceConfig, zoneFor } from '../settings';

const SENDERS_KEY = 'incidentCommand.chatSenders';
const KIND_CYCLE: EntryKind[] = ['note', 'communication', 'decision', 'observation'];

async function readSource(): Promise<string | undefined> {
  const pick = await vscode.window.showQuickPick([
    { label: t('From the clipboard'), value: 'clipboard' as const },
    { label: t('From a file (Slack JSON, KakaoTalk .txt, plain lines)'), value: 'file' as const },
  ], { title: t('Paste Chat as Timeline Entries') });
  if (!pick) return undefined;
  if (pick.value === 'clipboard') return vscode.env.clipboard.readText();
  const uris = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [t('Chat exports')]: ['json', 'txt', 'log', 'csv'], '*': ['*'] } });
  if (!uris?.[0]) return undefined;
  const bytes = await vscode.workspace.fs.readFile(uris[0]);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  return new TextDecoder().decode(bytes).replace(/^\ufeff/, '');
}

export async function pasteChat(context: vscode.ExtensionContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isIncidentDocument(editor.document)) {
    void vscode.window.showWarningMessage(t('Open an incident log (*.incident.yaml) to paste a chat into it.'));
    return;
  }
  const doc = editor.document;
  const chat = await readSource();
  if (chat === undefined) return;
  const format = detectChatFormat(chat);
  if (!format) {
    void vscode.window.showWarningMessage(t('No chat messages were found. Supported: Slack export JSON, KakaoTalk exports, and lines like "[16:52] name: text".'));
    return;
  }
  const config = (await workspaceConfig(vscode.workspace.getWorkspaceFolder(doc.uri))) ?? defaultConfig();
  const incident = readIncident(parseSource(doc.getText(), doc.fileName, 'incident'), config);
  const zone = incident.zone ?? zoneFor(undefined, config, doc.uri);
  let parsed = parseChat(chat, format);
  if (parsed.undated > 0) {
    const suggested = lastEntryDate(incident, zone) ?? formatInZone(Date.now(), zone, 'yyyy-MM-dd');
    const date = await vscode.window.showInputBox({
      title: t('Paste Chat as Timeline Entries'), value: suggested, ignoreFocusOut: true,
      prompt: t('{0} messages have a time but no date. On which day (YYYY-MM-DD) does the chat start?', parsed.undated),
      validateInput: (v) => (readDay(v) ? undefined : t('Write a date like 2021-01-25.')),
    });
    if (!date) return;
    parsed = parseChat(chat, format, { date });
  }
  if (!parsed.messages.length) {
    void vscode.window.showWarningMessage(t('No chat messages were found. Supported: Slack export JSON, KakaoTalk exports, and lines like "[16:52] name: text".'));
    return;
  }
  const remembered = new Map(Object.entries(context.workspaceState.get<Record<string, string | null>>(SENDERS_KEY, {})));
  for (const name of planEntries(parsed.messages, incident, { zone, senders: remembered }).unknownSenders) {
    const keep = t('Keep the name in the text');
    const pick = await vscode.window.showQuickPick(
      [...[...incident.people.values()].map((p) => ({ label: p.handle, description: p.name ?? '' })), { label: keep, description: '' }],
      { title: t('Who is "{0}" in the roster?', name), ignoreFocusOut: true, matchOnDescription: true },
    );
    if (!pick) return;
    remembered.set(name, pick.label === keep ? null : pick.label);
  }
  await context.workspaceState.update(SENDERS_KEY, Object.fromEntries(remembered));
  const plan = planEntries(parsed.messages, incident, { zone, senders: remembered });
  const chosen = await pickEntries(plan.entries);
  if (!chosen?.length) return;

  // Computed on the editor's text as it is now, after the last prompt.
  const version = doc.version;
  const result = insertEntriesIn(parseSource(doc.getText(), doc.fileName, 'incident'), chosen, config);
  if (!result.ok) { void vscode.window.showWarningMessage(problemMessage(result.problem)); return; }
  const applied = await applyEdits(doc, version, result.edits);
  if (applied === 'changed') { warnChanged(); return; }
  if (applied !== 'applied') { void vscode.window.showWarningMessage(t('The entries could not be added to this file.')); return; }
  vscode.window.setStatusBarMessage(t('{0} entries added to the timeline.', chosen.length), 5000);
}

interface EntryItem extends vscode.QuickPickItem { entry: PlannedEntry }

/** A multi-select list of the entries; the button on each cycles its kind. Resolves to the chosen ones. */
function pickEntries(entries: PlannedEntry[]): Promise<PlannedEntry[] | undefined> {
  const qp = vscode.window.createQuickPick<EntryItem>();
  qp.title = t('Paste Chat as Timeline Entries');
  qp.placeholder = t('Choose the messages to add; the button on a message changes its kind');
  qp.canSelectMany = true;
  qp.matchOnDetail = true;
  qp.ignoreFocusOut = true;
  const button = { iconPath: new vscode.ThemeIcon('symbol-enum'), tooltip: t('Change the kind') };
  const toItem = (e: PlannedEntry): EntryItem => ({
    entry: e, label: `${e.at.replace('T', ' ')}  ${e.kind}`, description: e.by ?? e.sender, detail: e.text.replace(/\s*\n\s*/g, ' ⏎ '), buttons: [button],
  });
  qp.items = entries.map(toItem);
  qp.selectedItems = qp.items;
  return new Promise((resolve) => {
    let done = false;
    qp.onDidTriggerItemButton(({ item }) => {
      const e = item.entry;
      e.kind = KIND_CYCLE[(KIND_CYCLE.indexOf(e.kind) + 1) % KIND_CYCLE.length];
      const selected = new Set(qp.selectedItems.map((i) => i.entry));
      qp.items = entries.map(toItem);
      qp.selectedItems = qp.items.filter((i) => selected.has(i.entry));
    });
    qp.onDidAccept(() => { done = true; resolve(qp.selectedItems.map((i) => i.entry)); qp.hide(); });
    qp.onDidHide(() => { if (!done) resolve(undefined); qp.dispose(); });
    qp.show();
  });
}
