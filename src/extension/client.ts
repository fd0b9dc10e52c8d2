// The language client: starts dist/server.js over IPC, feeds it our settings and config
// file changes, and restarts it when it dies (telling the user once, not in a loop).
import * as vscode from 'vscode';
import {
  CloseAction, CloseHandlerResult, ErrorAction, ErrorHandlerResult, LanguageClient, LanguageClientOptions,
  ServerOptions, TransportKind,
} from 'vscode-languageclient/node';
import { t } from './i18n';
import { RestartPolicy } from './restartPolicy';
import { SECTION, settingsSnapshot } from './settings';

export const CLIENT_ID = 'incidentCommand';
export const CONFIG_GLOB = '**/.incident-command.{yaml,yml}';

export const DOCUMENT_SELECTOR = [
  { language: 'incident' },
  { language: 'runbook' },
  // Users who keep the YAML language (e.g. for Red Hat's YAML extension) still get our checks.
  { language: 'yaml', pattern: '**/*.{incident,runbook}.{yaml,yml}' },
  { language: 'yaml', pattern: CONFIG_GLOB },
];

export interface ClientHandle {
  client: LanguageClient;
  policy: RestartPolicy;
}

export function createClient(context: vscode.ExtensionContext): ClientHandle {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
  context.subscriptions.push(watcher);
  const policy = new RestartPolicy();
  let client: LanguageClient | undefined;

  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: SECTION, fileEvents: watcher },
    initializationOptions: () => ({ settings: settingsSnapshot(), displayLanguage: vscode.env.language }),
    outputChannelName: 'Incident Command',
    errorHandler: {
      error: (_error, _message, count): ErrorHandlerResult =>
        // A few broken messages are survivable; a stream of them means the connection is gone.
        ({ action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
      closed: (): CloseHandlerResult => {
        const decision = policy.onCrash(Date.now());
        if (decision.notify === 'restarted') {
          const show = t('Show Output');
          void vscode.window.showInformationMessage(
            t('The Incident Command language server stopped unexpectedly and was restarted. Checks continue as before.'), show,
          ).then((choice) => { if (choice === show) client?.outputChannel.show(true); });
        }
        if (decision.restart) return { action: CloseAction.Restart, handled: true };
        return {
          action: CloseAction.DoNotRestart,
          message: t('The Incident Command language server stopped {0} times in a few minutes and was not restarted again. Run "Incident: Restart Language Server" once the cause is fixed.', policy.maxRestarts + 1),
        };
      },
    },
  };
  client = new LanguageClient(CLIENT_ID, 'Incident Command', serverOptions, clientOptions);
  return { client, policy };
}
