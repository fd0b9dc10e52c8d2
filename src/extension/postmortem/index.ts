// Registers the postmortem commands; main.ts calls this once.
import * as vscode from 'vscode';
import { generatePostmortem, PROPOSED_SCHEME, ProposedContent } from './generate';
import { previewPostmortem } from './preview';

export function registerPostmortem(context: vscode.ExtensionContext): void {
  const proposed = new ProposedContent();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PROPOSED_SCHEME, proposed),
    vscode.commands.registerCommand('incidentCommand.generatePostmortem', (arg?: unknown) => generatePostmortem(proposed, arg)),
    vscode.commands.registerCommand('incidentCommand.previewPostmortem', (arg?: unknown) => previewPostmortem(context, arg)),
  );
}
