// "New Incident Log" and "New Runbook": ask for a title, write a scaffold next to the
// team's other files (incidents/ or runbooks/ when the workspace has one), open it.
import * as vscode from 'vscode';
import { freeFileName, incidentId, incidentScaffold, runbookId, runbookScaffold } from '../../core/edit/scaffold';
import { titleProblem } from '../choices';
import { generatedLanguage, t } from '../i18n';
import { workspaceConfig, zoneFor } from '../settings';

type Kind = 'incident' | 'runbook';

async function askTitle(kind: Kind): Promise<string | undefined> {
  const title = await vscode.window.showInputBox({
    title: kind === 'incident' ? t('New Incident Log') : t('New Runbook'),
    prompt: kind === 'incident' ? t('Incident title: one line saying what users see') : t('Runbook title: what the runbook is for'),
    placeHolder: kind === 'incident' ? t('e.g. Checkout returns 502 for card payments') : t('e.g. Move every record to a fresh database cluster'),
    ignoreFocusOut: true,
    validateInput: (v) => { const p = titleProblem(v); return p ? t(p) : undefined; },
  });
  return title?.trim() || undefined;
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: t('Workspace folder for the new file') });
}

async function entries(dir: vscode.Uri): Promise<[string, vscode.FileType][]> {
  try { return await vscode.workspace.fs.readDirectory(dir); } catch { return []; }
}

export async function newFile(kind: Kind): Promise<void> {
  const title = await askTitle(kind);
  if (!title) return;
  const folder = await pickFolder();
  const config = await workspaceConfig(folder);
  const now = Date.now();
  const zone = zoneFor(undefined, config, folder?.uri);
  const lang = generatedLanguage(config?.language);
  const suffix = kind === 'incident' ? '.incident.yaml' : '.runbook.yaml';
  const baseId = kind === 'incident' ? incidentId(title, now, zone) : runbookId(title, now, zone);

  if (!folder) {
    // No folder to write into: an untitled editor the user saves wherever they like.
    const content = kind === 'incident'
      ? incidentScaffold({ id: baseId, title, nowMs: now, zone, lang })
      : runbookScaffold({ id: baseId, title, lang });
    const doc = await vscode.workspace.openTextDocument({ language: kind, content });
    await vscode.window.showTextDocument(doc);
    return;
  }
  const rootEntries = await entries(folder.uri);
  const sub = kind === 'incident' ? 'incidents' : 'runbooks';
  const hasSub = rootEntries.some(([name, type]) => name === sub && (type & vscode.FileType.Directory) !== 0);
  const dir = hasSub ? vscode.Uri.joinPath(folder.uri, sub) : folder.uri;
  const taken = new Set((hasSub ? await entries(dir) : rootEntries).map(([name]) => name.toLowerCase()));
  const fileName = freeFileName(baseId, suffix, (n) => taken.has(n.toLowerCase()));
  const id = fileName.slice(0, -suffix.length);
  const content = kind === 'incident'
    ? incidentScaffold({ id, title, nowMs: now, zone, lang })
    : runbookScaffold({ id, title, lang });
  const uri = vscode.Uri.joinPath(dir, fileName);
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  } catch (e) {
    void vscode.window.showErrorMessage(t('Could not write {0}: {1}', vscode.workspace.asRelativePath(uri), e instanceof Error ? e.message : String(e)));
    return;
  }
  const editor = await vscode.window.showTextDocument(uri);
  // The caret lands on the first thing still to fill in: `service:`.
  const line = editor.document.getText().split(/\r?\n/).findIndex((l) => l.startsWith('service:'));
  if (line >= 0) {
    const pos = new vscode.Position(line, 'service: '.length);
    editor.selection = new vscode.Selection(pos, pos);
  }
}
