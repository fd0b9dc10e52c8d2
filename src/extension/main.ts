// Extension entry point: commands, the Incident Command view and the language client.
// Features of other parts (clocks, checklist and incident trees) hook in through `getClient`.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerChecklist } from './checklist/tree';
import { ClientHandle, createClient } from './client';
import { endMaintenanceWindow, startMaintenanceWindow } from './clock/commands';
import { ClockStatusBar } from './clock/statusBar';
import { pasteChat } from './chat/paste';
import { logEntry } from './commands/logEntry';
import { registerIncidents } from './incidents/tree';
import { newFile } from './commands/newFile';
import { showRuleDoc } from './commands/ruleDoc';
import { registerPostmortem } from './postmortem';
import { initMessages, t } from './i18n';

let handle: ClientHandle | undefined;

/** The running client, for features that talk to the server. */
export function getClient(): LanguageClient | undefined { return handle?.client; }

/** A view that stays empty so its welcome content (viewsWelcome) shows. */
class EmptyTree implements vscode.TreeDataProvider<never> {
  getTreeItem(item: never): vscode.TreeItem { return item; }
  getChildren(): never[] { return []; }
}

async function restartServer(): Promise<void> {
  if (!handle) return;
  handle.policy.reset();
  try {
    if (handle.client.isRunning()) await handle.client.restart();
    else await handle.client.start();
    vscode.window.setStatusBarMessage(t('Incident Command language server restarted.'), 4000);
  } catch (e) {
    void vscode.window.showErrorMessage(t('The Incident Command language server could not be started: {0}', e instanceof Error ? e.message : String(e)));
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<{ getClient: typeof getClient }> {
  await initMessages(context.extensionUri);
  const register = (id: string, fn: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  register('incidentCommand.newIncident', () => newFile('incident'));
  register('incidentCommand.newRunbook', () => newFile('runbook'));
  register('incidentCommand.logEntry', () => logEntry(context));
  register('incidentCommand.pasteChat', () => pasteChat(context));
  registerIncidents(context);
  register('incidentCommand.showRuleDoc', (arg) => showRuleDoc(context.extensionUri, arg));
  register('incidentCommand.restartServer', () => restartServer());
  register('incidentCommand.startMaintenanceWindow', () => startMaintenanceWindow());
  register('incidentCommand.endMaintenanceWindow', () => endMaintenanceWindow());
  registerPostmortem(context);
  context.subscriptions.push(vscode.window.registerTreeDataProvider('incidentCommand.start', new EmptyTree()));

  handle = createClient(context);
  context.subscriptions.push({ dispose: () => { void handle?.client.stop(); } });
  const clock = new ClockStatusBar(getClient);
  clock.attach(handle.client);
  context.subscriptions.push(clock);
  registerChecklist(context, getClient, handle.client);
  // Commands work without the server (they edit text), so a failed start is reported, not thrown.
  handle.client.start().catch((e: unknown) => {
    void vscode.window.showErrorMessage(t('The Incident Command language server could not be started: {0}', e instanceof Error ? e.message : String(e)));
  });
  return { getClient };
}

export async function deactivate(): Promise<void> {
  const client = handle?.client;
  handle = undefined;
  if (client?.isRunning()) await client.stop();
}
