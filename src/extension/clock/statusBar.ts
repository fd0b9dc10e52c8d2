// The maintenance clock in the status bar. The server pushes a ClockState when a log changes
// (ClockStateNotification) and answers ClockStateForRequest on an editor switch; between those
// the item ticks here, once a second, only while a window is open and the item is shown.
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ClockState } from '../../core/clock';
import { windowSpan } from '../../core/edit/maintenance-window';
import { fileKindOf, parseSource } from '../../core/source';
import { ClockStateForRequest, ClockStateNotification, ClockStateParams } from '../../shared/protocol';
import { languageSetting, t } from '../i18n';
import { resolveLanguage } from '../messages';
import { setting } from '../settings';
import { statusView } from './status';

export const REVEAL_WINDOW_COMMAND = 'incidentCommand.clock.revealWindow';

function isIncident(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'incident' || fileKindOf(doc.fileName) === 'incident';
}

export class ClockStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly states = new Map<string, ClockState>();
  /** Incident logs by when they were last active or edited, most recent last. */
  private touched: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastTooltip = '';
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item = vscode.window.createStatusBarItem('incidentCommand.clock', vscode.StatusBarAlignment.Left, 50);
    this.item.name = t('Maintenance clock');
    this.disposables.push(
      this.item,
      vscode.commands.registerCommand(REVEAL_WINDOW_COMMAND, (uri: unknown, index: unknown) => revealWindow(uri, index)),
      vscode.window.onDidChangeActiveTextEditor((e) => this.onActive(e)),
      vscode.workspace.onDidChangeTextDocument((e) => { if (isIncident(e.document)) this.touch(e.document.uri.toString()); }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('incidentCommand.clock') || e.affectsConfiguration('incidentCommand.language')) this.render();
      }),
    );
  }

  /** Listens to the client; handlers registered before start survive its restarts. */
  attach(client: LanguageClient): void {
    this.disposables.push(
      client.onNotification(ClockStateNotification, (p) => this.receive(p)),
      // A (re)started server knows nothing was asked of it yet: ask for the log in view.
      client.onDidChangeState((e) => { if (e.newState === State.Running) this.onActive(vscode.window.activeTextEditor); }),
    );
    this.onActive(vscode.window.activeTextEditor);
  }

  private receive(p: ClockStateParams | null): void {
    if (!p) return;
    if (p.state) {
      this.states.set(p.uri, p.state);
      // A log the user has not looked at yet still counts, after every one they have.
      if (!this.touched.includes(p.uri)) this.touched.unshift(p.uri);
    } else {
      this.states.delete(p.uri);
    }
    this.render();
  }

  private onActive(editor: vscode.TextEditor | undefined): void {
    if (editor && isIncident(editor.document)) {
      const uri = editor.document.uri.toString();
      this.touch(uri);
      const client = this.client();
      if (client?.isRunning()) {
        client.sendRequest(ClockStateForRequest, { uri }).then((p) => this.receive(p), () => undefined);
      }
    }
    this.render();
  }

  private touch(uri: string): void {
    if (this.touched[this.touched.length - 1] === uri) return;
    this.touched = [...this.touched.filter((u) => u !== uri), uri];
  }

  private forget(uri: string): void {
    this.states.delete(uri);
    this.touched = this.touched.filter((u) => u !== uri);
    this.render();
  }

  /** The active editor's log, else the open log touched last that has a clock. */
  private currentUri(): string | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && isIncident(doc)) return doc.uri.toString();
    for (let i = this.touched.length - 1; i >= 0; i--) if (this.states.has(this.touched[i])) return this.touched[i];
    return undefined;
  }

  render(): void {
    const uri = this.currentUri();
    const state = uri ? this.states.get(uri) : undefined;
    const lang = resolveLanguage(languageSetting(), undefined, vscode.env.language);
    const view = state && setting<boolean>('clock.showInStatusBar', true) ? statusView(state, Date.now(), lang) : undefined;
    if (!view || !uri) {
      this.item.hide();
      this.stop();
      return;
    }
    this.item.text = view.text;
    // Without it, screen readers would read the tooltip's Markdown source.
    this.item.accessibilityInformation = { label: `${t('Maintenance clock')}: ${view.text.replace(/\$\([a-z-]+\)\s*/g, '')}` };
    if (view.tooltip !== this.lastTooltip) {
      // Replacing the tooltip of an item being hovered flickers; only when its text changed.
      const md = new vscode.MarkdownString(view.tooltip, true);
      this.item.tooltip = md;
      this.lastTooltip = view.tooltip;
    }
    this.item.backgroundColor = view.colour ? new vscode.ThemeColor(view.colour) : undefined;
    this.item.command = { title: t('Show the maintenance window'), command: REVEAL_WINDOW_COMMAND, arguments: [uri, view.windowIndex] };
    this.item.show();
    if (view.ticking) this.start(); else this.stop();
  }

  private start(): void {
    if (!this.timer) this.timer = setInterval(() => this.render(), 1000);
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.stop();
    for (const d of this.disposables) d.dispose();
  }
}

async function revealWindow(uriArg: unknown, indexArg: unknown): Promise<void> {
  if (typeof uriArg !== 'string' || typeof indexArg !== 'number') return;
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uriArg));
  const doc = editor.document;
  const span = windowSpan(parseSource(doc.getText(), doc.fileName, 'incident'), indexArg);
  if (!span) return;
  const start = doc.positionAt(span[0]);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, doc.positionAt(span[1])), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
