// "Incident: Preview Postmortem": a webview beside the log that re-renders as the log changes.
// The page comes from core (blocksToHtml, previewPage): every string escaped, a strict CSP,
// one script with a fresh nonce.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { blocksToHtml, escapeHtml, previewPage } from '../../core/postmortem/html';
import { isIncidentDocument } from '../commands/logEntry';
import { t } from '../i18n';
import { renderDocument } from './render';

const panels = new Map<string, vscode.WebviewPanel>();

async function bodyFor(doc: vscode.TextDocument): Promise<{ html: string; lang: 'ko' | 'en' }> {
  const r = await renderDocument(doc);
  if (!r.result.ok) {
    const msg = t('The log has a YAML error at line {0}, so no postmortem was generated: {1}', r.result.line, r.result.message);
    return { html: `<p class="error">${escapeHtml(msg)}</p>`, lang: 'en' };
  }
  return { html: blocksToHtml(r.result.postmortem.blocks, r.result.postmortem.lang), lang: r.result.postmortem.lang };
}

export async function previewPostmortem(context: vscode.ExtensionContext, arg?: unknown): Promise<void> {
  const doc = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
  if (!doc || !isIncidentDocument(doc)) {
    void vscode.window.showWarningMessage(t('Open an incident log (*.incident.yaml) to preview its postmortem.'));
    return;
  }
  const key = doc.uri.toString();
  const existing = panels.get(key);
  if (existing) {
    existing.reveal(vscode.ViewColumn.Beside, true);
    return;
  }
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  const panel = vscode.window.createWebviewPanel('incidentCommand.postmortemPreview',
    t('Postmortem: {0}', path.basename(doc.fileName)), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    { enableScripts: true, localResourceRoots: [media], retainContextWhenHidden: false });
  panels.set(key, panel);
  const first = await bodyFor(doc);
  panel.webview.html = previewPage(first.html, {
    nonce: randomBytes(16).toString('base64'), cspSource: panel.webview.cspSource, lang: first.lang,
    styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
    scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
    title: panel.title,
  });
  // Typing fires a change per keystroke; the page is rebuilt once the writer pauses.
  let timer: NodeJS.Timeout | undefined;
  let seq = 0;
  const listener = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.uri.toString() !== key) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const mine = ++seq;
      void bodyFor(e.document).then(({ html }) => {
        if (mine === seq) void panel.webview.postMessage({ type: 'update', html });
      });
    }, 250);
  });
  panel.onDidDispose(() => {
    if (timer) clearTimeout(timer);
    listener.dispose();
    panels.delete(key);
  }, undefined, context.subscriptions);
}
