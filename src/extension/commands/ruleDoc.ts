// "Show Rule Documentation": the rule's page from docs/rules in the extension, in the
// Markdown preview. Diagnostics' links and code actions pass the rule id.
import * as vscode from 'vscode';
import { ruleDocCandidates, ruleIdFromArg } from '../choices';
import { t } from '../i18n';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

async function pickRule(extensionUri: vscode.Uri): Promise<string | undefined> {
  let names: string[] = [];
  try {
    names = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(extensionUri, 'docs', 'rules')))
      .map(([n]) => n).filter((n) => n.endsWith('.md') && n !== 'README.md' && n !== 'index.md').map((n) => n.slice(0, -3)).sort();
  } catch {
    // no docs folder: nothing to pick
  }
  if (names.length === 0) {
    void vscode.window.showWarningMessage(t('No rule documentation was found in the extension.'));
    return undefined;
  }
  return vscode.window.showQuickPick(names, { title: t('Show Rule Documentation'), placeHolder: t('Rule id') });
}

export async function showRuleDoc(extensionUri: vscode.Uri, arg: unknown): Promise<void> {
  const id = arg === undefined ? await pickRule(extensionUri) : ruleIdFromArg(arg);
  if (!id) {
    if (arg !== undefined) void vscode.window.showWarningMessage(t('"{0}" is not a rule id.', String(typeof arg === 'string' ? arg : JSON.stringify(arg)).slice(0, 80)));
    return;
  }
  for (const parts of ruleDocCandidates(id)) {
    const uri = vscode.Uri.joinPath(extensionUri, ...parts);
    if (await exists(uri)) {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      return;
    }
  }
  void vscode.window.showWarningMessage(t('There is no documentation page for rule {0}.', id));
}
