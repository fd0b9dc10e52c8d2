// The Checklist tree in the Incident Command view: the active incident log's items grouped by
// phase, each with a checkbox. Ticking a pending item asks the server for the edit that records
// it done now and applies it as one WorkspaceEdit (one undo step); "Skip with reason..." asks
// for the reason in an input box. The tree refreshes whenever the server re-analyses the log.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { fileKindOf } from '../../core/source';
import {
  AnalysisChangedNotification, CHECKLIST_SKIP_COMMAND, ChecklistEditRequest, ChecklistItemView, ChecklistRequest, ChecklistView,
} from '../../shared/protocol';
import { applyChanges, warnChanged } from '../apply-edit';
import { t } from '../i18n';

type Node = { kind: 'phase'; trigger: ChecklistItemView['trigger']; label: string } | { kind: 'item'; item: ChecklistItemView };

const ICONS: Record<ChecklistItemView['state'], string> = { pending: 'circle-large-outline', done: 'pass', skipped: 'debug-step-over', 'not-due': 'clock' };

export class ChecklistTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: ChecklistView | null = null;
  private uri: string | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  private shown = '';
  private asked = 0;
  private forced = false;

  /**
   * Shows the checklist of the incident log: the active editor's, else the last one shown. The
   * tree re-renders only when what it shows changed (a click landing on a row being re-rendered is
   * lost), or when `force`d after a tick, whose box the tree already toggled on its own.
   */
  async refresh(force = false): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && fileKindOf(doc.fileName) === 'incident') this.uri = doc.uri.toString();
    const c = this.client();
    const ask = ++this.asked;
    this.forced ||= force;
    let view: ChecklistView | null = null;
    if (this.uri && c?.isRunning()) {
      try { view = await c.sendRequest(ChecklistRequest, { uri: this.uri }); } catch { view = null; }
    }
    // An answer overtaken by a later request is older than it: the later one shows.
    if (ask !== this.asked) return;
    const shown = view ? JSON.stringify({ ...view, version: 0, nowMs: 0 }) : '';
    this.view = view;
    if (!this.forced && shown === this.shown) return;
    this.shown = shown;
    this.forced = false;
    this.changed.fire(undefined);
  }

  get current(): ChecklistView | null { return this.view; }

  getChildren(node?: Node): Node[] {
    const v = this.view;
    if (!v) return [];
    if (!node) {
      return v.phases.filter((p) => v.items.some((i) => i.trigger === p.trigger)).map((p) => ({ kind: 'phase', trigger: p.trigger, label: p.label }));
    }
    return node.kind === 'phase' ? v.items.filter((i) => i.trigger === node.trigger).map((item) => ({ kind: 'item', item })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'phase') {
      const items = this.view?.items.filter((i) => i.trigger === node.trigger) ?? [];
      const pending = items.filter((i) => i.state === 'pending').length;
      const ti = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      ti.description = pending ? t('{0} pending', pending) : undefined;
      ti.id = `phase:${node.trigger}`;
      return ti;
    }
    const { item } = node;
    const ti = new vscode.TreeItem(item.text, vscode.TreeItemCollapsibleState.None);
    ti.id = `item:${item.id}`;
    ti.description = item.state === 'skipped' ? t('skipped: {0}', item.record?.skipped ?? '') : item.id;
    ti.tooltip = [item.id, item.detail].filter(Boolean).join('\n');
    ti.iconPath = new vscode.ThemeIcon(ICONS[item.state]);
    ti.contextValue = `checklistItem.${item.state}`;
    // Items not due yet have no box to tick; a skipped one shows as settled.
    if (item.state !== 'not-due') {
      ti.checkboxState = item.state === 'pending' ? vscode.TreeItemCheckboxState.Unchecked : vscode.TreeItemCheckboxState.Checked;
    }
    if (item.cause && this.uri) {
      const range = new vscode.Range(item.cause.start.line, item.cause.start.character, item.cause.end.line, item.cause.end.character);
      ti.command = { title: t('Show where it became due'), command: 'vscode.open', arguments: [vscode.Uri.parse(this.uri), { selection: range }] };
    }
    return ti;
  }

  dispose(): void { this.changed.dispose(); }
}

/** Asks the server for the edit recording an item, and applies it as one undo step. */
async function record(client: LanguageClient | undefined, uri: string, id: string, mark: 'done' | 'skip', reason?: string): Promise<boolean> {
  if (!client?.isRunning()) return false;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  // The server computes on the version the client synced before this request; typing meanwhile makes it stale.
  const version = doc?.version;
  const edits = await client.sendRequest(ChecklistEditRequest, { uri, id, mark, reason });
  if (!edits) {
    void vscode.window.showWarningMessage(t('The log has YAML errors, so {0} could not be recorded. Fix them first.', id));
    return false;
  }
  if (!doc || version === undefined) return false;
  const applied = await applyChanges(doc, version, edits);
  if (applied === 'changed') warnChanged();
  return applied === 'applied';
}

export function registerChecklist(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, attach: LanguageClient): void {
  const tree = new ChecklistTree(client);
  const view = vscode.window.createTreeView('incidentCommand.checklist', { treeDataProvider: tree, showCollapseAll: false });
  const skip = async (uriArg?: unknown, idArg?: unknown): Promise<void> => {
    let uri = typeof uriArg === 'string' ? uriArg : undefined;
    let id = typeof idArg === 'string' ? idArg : undefined;
    // From the tree's context menu the argument is the node.
    const node = uriArg as Node | undefined;
    if (!id && node && typeof node === 'object' && node.kind === 'item') { id = node.item.id; uri = tree.current?.uri; }
    if (!uri || !id) return;
    const reason = await vscode.window.showInputBox({
      title: t('Skip {0}', id), prompt: t('Why is this step skipped? The reason is written to the log.'),
      validateInput: (v) => (v.trim() ? undefined : t('Write a reason, so the postmortem can say why.')),
    });
    if (reason?.trim()) await record(client(), uri, id, 'skip', reason.trim());
  };
  context.subscriptions.push(
    tree, view,
    vscode.commands.registerCommand(CHECKLIST_SKIP_COMMAND, skip),
    vscode.commands.registerCommand('incidentCommand.checklist.markDone', async (node?: Node) => {
      const uri = tree.current?.uri;
      if (uri && node?.kind === 'item') await record(client(), uri, node.item.id, 'done');
    }),
    vscode.commands.registerCommand('incidentCommand.checklist.refresh', () => tree.refresh(true)),
    view.onDidChangeCheckboxState(async (e) => {
      const uri = tree.current?.uri;
      for (const [node, stateValue] of e.items) {
        if (!uri || node.kind !== 'item') continue;
        // Unticking does not delete a record: what was done stays written; edit the log to change it.
        if (stateValue === vscode.TreeItemCheckboxState.Checked && node.item.state === 'pending') await record(client(), uri, node.item.id, 'done');
      }
      await tree.refresh(true);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => { void tree.refresh(); }),
    attach.onNotification(AnalysisChangedNotification, (p) => { if (p.uri === tree.current?.uri || !tree.current) void tree.refresh(); }),
    attach.onDidChangeState(() => { void tree.refresh(); }),
  );
  const badge = () => {
    const n = tree.current?.pending ?? 0;
    view.badge = n ? { value: n, tooltip: t('{0} checklist items pending', n) } : undefined;
  };
  context.subscriptions.push(tree.onDidChangeTreeData(badge));
  void tree.refresh();
}
