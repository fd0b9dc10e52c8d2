// The Incidents view: every `*.incident.yaml` of the workspace with its status, severity, open
// clock and pending checklist count. The client reads the files itself (vscode.workspace.fs,
// so virtual workspaces work) and computes rows with core: the server only knows the documents
// that are open, and this view is about the ones that are not.
import * as vscode from 'vscode';
import { Config, DEFAULT_SEVERITIES, defaultConfig, readConfig } from '../../core/config';
import { formatDurationShort } from '../../core/time';
import { CONFIG_NAMES } from '../../core/workspace';
import { t } from '../i18n';
import { filterRows, IncidentFilter, incidentRow, IncidentRow, IncidentSort, sortRows } from './summary';

const GLOB = '**/*.incident.{yaml,yml}';
const EXCLUDE = '**/{node_modules,.git}/**';
const MAX_FILES = 2000;

export class IncidentsTree implements vscode.TreeDataProvider<IncidentRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private rows: IncidentRow[] | undefined;
  private severities: string[] = DEFAULT_SEVERITIES;
  private readonly timer: ReturnType<typeof setInterval>;
  filter: IncidentFilter = 'all';
  sort: IncidentSort = 'severity';

  constructor() {
    // The open clocks move: re-read once a minute (cheap; files are re-read only on refresh).
    this.timer = setInterval(() => this.refresh(), 60_000);
  }

  refresh(): void { this.rows = undefined; this.changed.fire(); }
  dispose(): void { clearInterval(this.timer); this.changed.dispose(); }

  getTreeItem(r: IncidentRow): vscode.TreeItem {
    const uri = vscode.Uri.parse(r.path);
    const item = new vscode.TreeItem(r.title ?? r.id ?? vscode.workspace.asRelativePath(uri), vscode.TreeItemCollapsibleState.None);
    item.resourceUri = uri;
    item.description = describe(r, Date.now());
    item.tooltip = tooltip(r, uri);
    item.command = { command: 'vscode.open', title: t('Open'), arguments: [uri] };
    item.iconPath = new vscode.ThemeIcon(r.broken ? 'warning' : r.openWindow ? 'watch' : r.status === 'resolved' ? 'pass' : 'flame');
    item.contextValue = 'incident';
    return item;
  }

  async getChildren(parent?: IncidentRow): Promise<IncidentRow[]> {
    if (parent) return [];
    if (!this.rows) this.rows = await this.load();
    return sortRows(filterRows(this.rows, this.filter), this.sort, this.severities);
  }

  private async load(): Promise<IncidentRow[]> {
    const files = await vscode.workspace.findFiles(GLOB, EXCLUDE, MAX_FILES);
    const configs = new Map<string, Promise<Config>>();
    const now = Date.now();
    const rows: IncidentRow[] = [];
    for (const uri of files) {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        const config = await configFor(uri, configs);
        rows.push(incidentRow(uri.toString(), text, config, now));
        if (config.severities.length) this.severities = config.severities;
      } catch {
        rows.push({ path: uri.toString(), id: null, title: null, status: null, severity: null, startMs: null, openWindow: null, pending: 0, broken: true });
      }
    }
    return rows;
  }
}

/** The nearest `.incident-command.yaml` at or above the file, inside its workspace folder. */
async function configFor(uri: vscode.Uri, cache: Map<string, Promise<Config>>): Promise<Config> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  let dir = vscode.Uri.joinPath(uri, '..');
  const key = dir.toString();
  const hit = cache.get(key);
  if (hit) return hit;
  const p = (async () => {
    for (let i = 0; i < 32; i++) {
      for (const name of CONFIG_NAMES) {
        const c = vscode.Uri.joinPath(dir, name);
        try { return readConfig(new TextDecoder().decode(await vscode.workspace.fs.readFile(c)), c.fsPath).config; } catch { /* next */ }
      }
      if (!folder || dir.toString() === folder.uri.toString() || dir.path === '/') break;
      dir = vscode.Uri.joinPath(dir, '..');
    }
    return defaultConfig();
  })();
  cache.set(key, p);
  return p;
}

function describe(r: IncidentRow, now: number): string {
  if (r.broken) return t('YAML errors');
  const parts = [r.severity, r.status].filter((x): x is string => !!x);
  if (r.openWindow) parts.push(`⏱ ${r.openWindow.label} ${formatDurationShort(Math.max(0, now - r.openWindow.startMs))}`);
  if (r.pending > 0) parts.push(t('{0} pending', r.pending));
  return parts.join(' · ');
}

function tooltip(r: IncidentRow, uri: vscode.Uri): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendText(`${r.title ?? r.id ?? ''}\n`);
  md.appendMarkdown(`\n${vscode.workspace.asRelativePath(uri)}\n\n`);
  if (r.openWindow) md.appendText(t('Window {0} open for {1}', r.openWindow.label, formatDurationShort(Math.max(0, Date.now() - r.openWindow.startMs))) + '\n');
  md.appendText(t('{0} checklist items pending', r.pending));
  return md;
}

export function registerIncidents(context: vscode.ExtensionContext): IncidentsTree {
  const tree = new IncidentsTree();
  const view = vscode.window.createTreeView('incidentCommand.incidents', { treeDataProvider: tree, showCollapseAll: false });
  const watcher = vscode.workspace.createFileSystemWatcher('**/{*.incident.yaml,*.incident.yml,.incident-command.yaml,.incident-command.yml}');
  let pending: ReturnType<typeof setTimeout> | undefined;
  const soon = () => { if (pending) clearTimeout(pending); pending = setTimeout(() => tree.refresh(), 300); };
  context.subscriptions.push(tree, view, watcher, watcher.onDidChange(soon), watcher.onDidCreate(soon), watcher.onDidDelete(soon),
    vscode.workspace.onDidSaveTextDocument(soon),
    vscode.commands.registerCommand('incidentCommand.incidents.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('incidentCommand.incidents.filter', async () => {
      const items: { label: string; value: IncidentFilter }[] = [
        { label: t('All incidents'), value: 'all' }, { label: t('Not resolved'), value: 'active' },
        { label: t('With an open maintenance window'), value: 'open-window' }, { label: t('With pending checklist items'), value: 'pending' },
      ];
      const pick = await vscode.window.showQuickPick(items.map((i) => ({ ...i, picked: i.value === tree.filter })), { title: t('Show incidents') });
      if (pick) { tree.filter = pick.value; view.description = pick.value === 'all' ? undefined : pick.label; tree.refresh(); }
    }),
    vscode.commands.registerCommand('incidentCommand.incidents.sort', async () => {
      const items: { label: string; value: IncidentSort }[] = [
        { label: t('By severity'), value: 'severity' }, { label: t('Most recent first'), value: 'recent' },
        { label: t('By status'), value: 'status' }, { label: t('By title'), value: 'name' },
      ];
      const pick = await vscode.window.showQuickPick(items, { title: t('Sort incidents') });
      if (pick) { tree.sort = pick.value; tree.refresh(); }
    }),
  );
  return tree;
}
