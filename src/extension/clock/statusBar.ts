// The maintenance clock in the status bar. The server pushes a ClockState when a log changes
// (ClockStateNotification) and answers ClockStateForRequest on an editor switch; between those
// the item is painted again here when its text next changes: each second while a window is
// open, each minute before one opens, never once it closed or when no log open in a tab has a
// clock. Every field set on the item is a message to the renderer, so only changed ones are set.
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ClockState } from '../../core/clock';
import { windowSpan } from '../../core/edit/maintenance-window';
import { fileKindOf, parseSource } from '../../core/source';
import { ClockStateForRequest, ClockStateNotification, ClockStateParams } from '../../shared/protocol';
import type { Lang } from '../../core/config';
import { languageSetting, t } from '../i18n';
import { resolveLanguage } from '../messages';
import { setting } from '../settings';
import { StatusView, statusView } from './status';

export const REVEAL_WINDOW_COMMAND = 'incidentCommand.clock.revealWindow';

function isIncident(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'incident' || fileKindOf(doc.fileName) === 'incident';
}

/** What the item shows, to set only what changed. */
interface Painted { text?: string; tooltip?: string; colour?: string; uri?: string; windowIndex?: number; visible: boolean }

/** The settings and strings a paint needs, read once and again only when settings change. */
interface Prefs { show: boolean; lang: Lang; label: string; revealTitle: string }

function readPrefs(): Prefs {
  return {
    show: setting<boolean>('clock.showInStatusBar', true),
    lang: resolveLanguage(languageSetting(), undefined, vscode.env.language),
    label: t('Maintenance clock'),
    revealTitle: t('Show the maintenance window'),
  };
}

/** Documents shown in a tab of any group, diff sides included; undefined where tabs are unknown. */
function urisInTabs(): Set<string> | undefined {
  const groups = vscode.window.tabGroups?.all;
  if (!groups) return undefined;
  const out = new Set<string>();
  for (const g of groups) {
    for (const tab of g.tabs) {
      const input = tab.input;
      if (input instanceof vscode.TabInputText) out.add(input.uri.toString());
      else if (input instanceof vscode.TabInputTextDiff) { out.add(input.modified.toString()); out.add(input.original.toString()); }
    }
  }
  return out;
}

export class ClockStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly states = new Map<string, ClockState>();
  /** Incident logs by when they were last active or edited, most recent last. */
  private touched: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private painted: Painted = { visible: false };
  private prefs = readPrefs();
  /** A log's clock counts only while it is open in a tab: VS Code may hold a document long after. */
  private inTabs = urisInTabs();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item = vscode.window.createStatusBarItem('incidentCommand.clock', vscode.StatusBarAlignment.Left, 50);
    this.item.name = this.prefs.label;
    const tabsChanged = vscode.window.tabGroups?.onDidChangeTabs(() => { this.inTabs = urisInTabs(); this.render(); });
    if (tabsChanged) this.disposables.push(tabsChanged);
    this.disposables.push(
      this.item,
      vscode.commands.registerCommand(REVEAL_WINDOW_COMMAND, (uri: unknown, index: unknown) => revealWindow(uri, index)),
      vscode.window.onDidChangeActiveTextEditor((e) => this.onActive(e)),
      vscode.workspace.onDidChangeTextDocument((e) => { if (isIncident(e.document)) this.touch(e.document.uri.toString()); }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('incidentCommand.clock') || e.affectsConfiguration('incidentCommand.language')) {
          this.prefs = readPrefs();
          this.item.name = this.prefs.label;
          this.painted = { visible: this.painted.visible }; // the label is in every field: paint them all
          this.render();
        }
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
    for (let i = this.touched.length - 1; i >= 0; i--) {
      const uri = this.touched[i];
      if (this.states.has(uri) && (!this.inTabs || this.inTabs.has(uri))) return uri;
    }
    return undefined;
  }

  render(): void {
    const uri = this.currentUri();
    const state = uri ? this.states.get(uri) : undefined;
    const now = Date.now();
    const view = state && this.prefs.show ? statusView(state, now, this.prefs.lang) : undefined;
    if (!view || !uri) {
      this.stop();
      if (this.painted.visible) this.item.hide();
      this.painted = { visible: false };
      return;
    }
    this.paint(uri, view);
    this.stop();
    if (view.nextMs !== null) this.timer = setTimeout(() => { this.timer = undefined; this.render(); }, Math.max(0, view.nextMs - now));
  }

  private paint(uri: string, view: StatusView): void {
    const was = this.painted;
    if (view.text !== was.text) {
      this.item.text = view.text;
      // Without it, screen readers would read the tooltip's Markdown source.
      this.item.accessibilityInformation = { label: `${this.prefs.label}: ${view.text.replace(/\$\([a-z-]+\)\s*/g, '')}` };
    }
    // Replacing the tooltip of an item being hovered flickers; only when its text changed.
    if (view.tooltip !== was.tooltip) this.item.tooltip = new vscode.MarkdownString(view.tooltip, true);
    if (view.colour !== was.colour) this.item.backgroundColor = view.colour ? new vscode.ThemeColor(view.colour) : undefined;
    if (uri !== was.uri || view.windowIndex !== was.windowIndex) {
      this.item.command = { title: this.prefs.revealTitle, command: REVEAL_WINDOW_COMMAND, arguments: [uri, view.windowIndex] };
    }
    if (!was.visible) this.item.show();
    this.painted = { text: view.text, tooltip: view.tooltip, colour: view.colour, uri, windowIndex: view.windowIndex, visible: true };
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
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
