// A stand-in for the `vscode` module, faithful enough to activate dist/extension.js in plain
// Node: the language client really starts dist/server.js over IPC, documents really open and
// diagnostics really arrive. The status bar item copies what VS Code's extension host does:
// every setter and show() schedules one deferred $setEntry to the renderer, which carries the
// whole item (tooltip included) whether or not the value changed; `sends` counts them.
// What the fake does not model answers as an inert "anything" (callable, a disposable, empty
// when iterated) and its name is kept in `missing`, so a run can show what it stood in for.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { TextDocument: LspDocument } = require('vscode-languageserver-textdocument');

const missing = new Set();
function inert(name) {
  const fn = function () { return inert(`${name}()`); };
  return new Proxy(fn, {
    get(target, key) {
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => name;
      if (key === 'then' || typeof key === 'symbol') return undefined;
      if (key === 'dispose') return () => undefined;
      missing.add(`${name}.${key}`);
      return inert(`${name}.${key}`);
    },
    construct() { return inert(`new ${name}`); },
  });
}
/**
 * `obj`, answering for members it lacks. Marked as an ES module so that TypeScript's and
 * esbuild's import helpers pass it through instead of copying only its own keys.
 */
function ns(name, obj) {
  const proto = new Proxy({}, { get(_t, key) { if (key === '__esModule') return true; if (key === 'then' || typeof key === 'symbol') return undefined; missing.add(`${name}.${key}`); return inert(`${name}.${key}`); } });
  return Object.assign(Object.create(proto), obj);
}

class Disposable {
  constructor(fn) { this._fn = fn; }
  static from(...items) { return new Disposable(() => items.forEach((d) => d?.dispose?.())); }
  dispose() { const f = this._fn; this._fn = undefined; f?.(); }
}
class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const l = thisArg ? listener.bind(thisArg) : listener;
      this.listeners.add(l);
      const d = new Disposable(() => this.listeners.delete(l));
      disposables?.push(d);
      return d;
    };
  }
  fire(e) { for (const l of [...this.listeners]) l(e); }
  dispose() { this.listeners.clear(); }
}
class CancellationTokenSource {
  constructor() { const changed = new EventEmitter(); this._changed = changed; this.token = { isCancellationRequested: false, onCancellationRequested: changed.event }; }
  cancel() { if (!this.token.isCancellationRequested) { this.token.isCancellationRequested = true; this._changed.fire(); } }
  dispose() { this._changed.dispose(); }
}
class CancellationError extends Error {}

class Uri {
  constructor(scheme, authority, p, query, fragment) { Object.assign(this, { scheme, authority: authority ?? '', path: p || '/', query: query ?? '', fragment: fragment ?? '' }); }
  static file(p) { return new Uri('file', '', path.resolve(p).split(path.sep).join('/')); }
  static parse(s) { const u = new URL(s); return new Uri(u.protocol.slice(0, -1), u.host, decodeURIComponent(u.pathname), u.search.slice(1), u.hash.slice(1)); }
  static from(c) { return new Uri(c.scheme, c.authority, c.path, c.query, c.fragment); }
  static joinPath(base, ...parts) { return base.with({ path: path.posix.join(base.path, ...parts) }); }
  get fsPath() { return this.path; }
  with(c) { return new Uri(c.scheme ?? this.scheme, c.authority ?? this.authority, c.path ?? this.path, c.query ?? this.query, c.fragment ?? this.fragment); }
  toString() { return this.scheme === 'file' ? pathToFileURL(this.path).href : `${this.scheme}://${this.authority}${encodeURI(this.path)}${this.query ? `?${this.query}` : ''}`; }
  toJSON() { return { $mid: 1, scheme: this.scheme, authority: this.authority, path: this.path, query: this.query, fragment: this.fragment }; }
}
class Position {
  constructor(line, character) { this.line = line; this.character = character; }
  isBefore(o) { return this.line < o.line || (this.line === o.line && this.character < o.character); }
  isEqual(o) { return this.line === o.line && this.character === o.character; }
  translate(dl = 0, dc = 0) { return new Position(this.line + dl, this.character + dc); }
}
class Range {
  constructor(a, b, c, d) {
    if (typeof a === 'number') { this.start = new Position(a, b); this.end = new Position(c, d); } else { this.start = a; this.end = b; }
  }
  get isEmpty() { return this.start.isEqual(this.end); }
}
class Selection extends Range {
  constructor(a, b, c, d) { super(a, b, c, d); this.anchor = this.start; this.active = this.end; }
}
class MarkdownString {
  constructor(value = '', supportThemeIcons = false) { this.value = value; this.supportThemeIcons = supportThemeIcons; this.isTrusted = false; }
  appendText(t) { this.value += t.replace(/[\\`*_{}[\]()#+\-.!<>]/g, '\\$&'); return this; }
  appendMarkdown(t) { this.value += t; return this; }
  appendCodeblock(code, lang = '') { this.value += `\n\`\`\`${lang}\n${code}\n\`\`\`\n`; return this; }
}
class ThemeColor { constructor(id) { this.id = id; } }
class ThemeIcon { constructor(id, color) { this.id = id; this.color = color; } }
ThemeIcon.File = new ThemeIcon('file');
ThemeIcon.Folder = new ThemeIcon('folder');
class TreeItem { constructor(label, collapsibleState) { this.label = label; this.collapsibleState = collapsibleState; } }
class Diagnostic { constructor(range, message, severity = 0) { Object.assign(this, { range, message, severity }); } }
class Location { constructor(uri, rangeOrPosition) { this.uri = uri; this.range = rangeOrPosition; } }
class TextEdit {
  constructor(range, newText) { this.range = range; this.newText = newText; }
  static replace(range, text) { return new TextEdit(range, text); }
  static insert(pos, text) { return new TextEdit(new Range(pos, pos), text); }
}
class WorkspaceEdit {
  constructor() { this.edits = []; }
  replace(uri, range, newText) { this.edits.push({ uri, range, newText }); }
  insert(uri, pos, newText) { this.edits.push({ uri, range: new Range(pos, pos), newText }); }
  delete(uri, range) { this.edits.push({ uri, range, newText: '' }); }
}
class RelativePattern { constructor(base, pattern) { this.baseUri = typeof base === 'string' ? Uri.file(base) : base.uri ?? base; this.base = this.baseUri.fsPath; this.pattern = pattern; } }
class TabInputText { constructor(uri) { this.uri = uri; } }
class TabInputTextDiff { constructor(original, modified) { this.original = original; this.modified = modified; } }

/** `**`, `*`, `?` and `{a,b}`, as VS Code's glob patterns use them. */
function globRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') { re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*'; i += glob[i + 2] === '/' ? 2 : 1; } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
const matchesGlob = (pattern, p) => globRegExp(typeof pattern === 'string' ? pattern : pattern.pattern).test(p) || globRegExp(typeof pattern === 'string' ? pattern : pattern.pattern).test(path.posix.basename(p));

/** A TextDocument over vscode-languageserver-textdocument, for offsets and lines. */
class FakeDocument {
  constructor(uri, languageId, text) {
    this.uri = uri; this.languageId = languageId; this.isClosed = false; this.isDirty = false; this.isUntitled = false; this.eol = 1; this.encoding = 'utf8';
    this._doc = LspDocument.create(uri.toString(), languageId, 1, text);
  }
  get fileName() { return this.uri.fsPath; }
  get version() { return this._doc.version; }
  get lineCount() { return this._doc.lineCount; }
  getText(range) { return range ? this._doc.getText({ start: range.start, end: range.end }) : this._doc.getText(); }
  positionAt(offset) { const p = this._doc.positionAt(offset); return new Position(p.line, p.character); }
  offsetAt(p) { return this._doc.offsetAt(p); }
  lineAt(lineOrPos) {
    const line = typeof lineOrPos === 'number' ? lineOrPos : lineOrPos.line;
    const text = this.getText(new Range(line, 0, line, 1e9)).replace(/\r?\n$/, '');
    const first = text.search(/\S/);
    return { lineNumber: line, text, range: new Range(line, 0, line, text.length), isEmptyOrWhitespace: first < 0, firstNonWhitespaceCharacterIndex: first < 0 ? text.length : first };
  }
  validateRange(r) { return r; }
  validatePosition(p) { return p; }
  getWordRangeAtPosition() { return undefined; }
  save() { return Promise.resolve(true); }
}

const ALIGN = { Left: 1, Right: 2 };
/** VS Code's ExtHostStatusBarEntry: setters and show() each schedule the deferred $setEntry. */
class FakeStatusBarItem {
  constructor(id, alignment, priority, stats) {
    Object.assign(this, { id, alignment, priority, _stats: stats, _visible: false, _timer: undefined, _f: {} });
    stats.items.push(this);
  }
  _update() {
    if (!this._visible) return;
    clearTimeout(this._timer);
    this._timer = setTimeout(() => {
      this._timer = undefined;
      const f = this._f;
      // What crosses the IPC to the renderer: the whole entry, serialized.
      const dto = JSON.stringify({ id: this.id, text: f.text, tooltip: f.tooltip, command: f.command, bg: f.backgroundColor, color: f.color, a11y: f.accessibilityInformation, name: f.name });
      this._stats.sends++;
      this._stats.bytes += dto.length;
      this._stats.onSend?.(this);
    }, 0);
  }
  show() { this._visible = true; this._update(); }
  hide() { clearTimeout(this._timer); this._visible = false; this._stats.hides++; }
  dispose() { this.hide(); }
  get visible() { return this._visible; }
}
for (const key of ['text', 'tooltip', 'command', 'backgroundColor', 'color', 'accessibilityInformation', 'name']) {
  Object.defineProperty(FakeStatusBarItem.prototype, key, {
    get() { return this._f[key]; },
    set(v) {
      if (key === 'command' && this._f.command === v) return; // the one setter VS Code short-circuits
      this._f[key] = v; this._stats.sets++; this._update();
    },
  });
}

/** Builds the module and the host that drives it: open documents, editors, tabs, settings. */
function createFake({ root, folder, settings = {}, language = 'en' }) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const stats = { items: [], sends: 0, bytes: 0, sets: 0, hides: 0, onSend: undefined, messages: [], diagnostics: new Map(), onDiagnostics: undefined };
  const ev = Object.fromEntries(['open', 'close', 'change', 'save', 'willSave', 'config', 'folders', 'active', 'visible', 'tabs', 'tabGroups', 'windowState', 'diag']
    .map((k) => [k, new EventEmitter()]));

  // Settings as VS Code resolves them: the manifest's defaults under what the user set.
  const values = {};
  const setPath = (obj, key, v) => { const parts = key.split('.'); let o = obj; for (const p of parts.slice(0, -1)) o = o[p] ??= {}; o[parts.at(-1)] = v; };
  for (const [key, spec] of Object.entries(pkg.contributes.configuration.properties)) setPath(values, key, spec.default);
  for (const [key, v] of Object.entries(settings)) setPath(values, key, v);
  const at = (section) => (section ? section.split('.').reduce((o, k) => (o == null ? undefined : o[k]), values) : values);
  function getConfiguration(section) {
    const base = at(section) ?? {};
    const cfg = JSON.parse(JSON.stringify(base));
    const get = (key, fallback) => { const v = key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), base); return v === undefined ? fallback : JSON.parse(JSON.stringify(v)); };
    Object.defineProperties(cfg, {
      get: { value: get }, has: { value: (key) => get(key) !== undefined },
      inspect: { value: (key) => ({ key, defaultValue: get(key) }) }, update: { value: () => Promise.resolve() },
    });
    return cfg;
  }

  const languageOf = (file) => pkg.contributes.languages.find((l) => l.filenamePatterns.some((p) => matchesGlob(p, file)))?.id ?? (/\.ya?ml$/.test(file) ? 'yaml' : 'plaintext');
  const workspaceFolder = { uri: Uri.file(folder), name: path.basename(folder), index: 0 };
  const documents = [];
  const window = ns('window', {
    activeTextEditor: undefined, visibleTextEditors: [], state: { focused: true, active: true },
    onDidChangeActiveTextEditor: ev.active.event, onDidChangeVisibleTextEditors: ev.visible.event, onDidChangeWindowState: ev.windowState.event,
    tabGroups: { all: [{ tabs: [], isActive: true, viewColumn: 1, activeTab: undefined }], onDidChangeTabs: ev.tabs.event, onDidChangeTabGroups: ev.tabGroups.event },
    createStatusBarItem(id, alignment, priority) {
      if (typeof id !== 'string') { priority = alignment; alignment = id; id = 'item'; }
      return new FakeStatusBarItem(id, alignment, priority, stats);
    },
    createOutputChannel(name) {
      const lines = [];
      const log = (...a) => lines.push(a.join(' '));
      return ns('OutputChannel', { name, lines, append: log, appendLine: log, replace: log, clear() {}, show() {}, hide() {}, dispose() {}, trace: log, debug: log, info: log, warn: log, error: log, logLevel: 2, onDidChangeLogLevel: new EventEmitter().event });
    },
    createTreeView: () => ns('TreeView', { visible: false, onDidChangeCheckboxState: new EventEmitter().event, onDidChangeVisibility: new EventEmitter().event, onDidChangeSelection: new EventEmitter().event, dispose() {} }),
    registerTreeDataProvider: () => new Disposable(),
    showErrorMessage: (m) => { stats.messages.push(['error', m]); return Promise.resolve(undefined); },
    showWarningMessage: (m) => { stats.messages.push(['warning', m]); return Promise.resolve(undefined); },
    showInformationMessage: (m) => { stats.messages.push(['info', m]); return Promise.resolve(undefined); },
    setStatusBarMessage: () => new Disposable(),
    withProgress: (_o, task) => Promise.resolve(task({ report() {} }, new CancellationTokenSource().token)),
  });
  const workspace = ns('workspace', {
    textDocuments: documents, workspaceFolders: [workspaceFolder], name: workspaceFolder.name, isTrusted: true, notebookDocuments: [],
    onDidOpenTextDocument: ev.open.event, onDidCloseTextDocument: ev.close.event, onDidChangeTextDocument: ev.change.event,
    onDidSaveTextDocument: ev.save.event, onWillSaveTextDocument: ev.willSave.event, onDidChangeConfiguration: ev.config.event,
    onDidChangeWorkspaceFolders: ev.folders.event, getConfiguration,
    getWorkspaceFolder: (uri) => (uri.path.startsWith(workspaceFolder.uri.path) ? workspaceFolder : undefined),
    asRelativePath: (u) => path.posix.relative(workspaceFolder.uri.path, typeof u === 'string' ? u : u.path),
    createFileSystemWatcher: () => ns('FileSystemWatcher', { onDidChange: new EventEmitter().event, onDidCreate: new EventEmitter().event, onDidDelete: new EventEmitter().event, dispose() {} }),
    registerTextDocumentContentProvider: () => new Disposable(),
    fs: ns('fs', {
      readFile: async (uri) => new Uint8Array(await fs.promises.readFile(uri.fsPath)),
      writeFile: async (uri, bytes) => fs.promises.writeFile(uri.fsPath, bytes),
      stat: async (uri) => { const s = await fs.promises.stat(uri.fsPath); return { type: s.isDirectory() ? 2 : 1, size: s.size, ctime: s.ctimeMs, mtime: s.mtimeMs }; },
    }),
    findFiles: async (glob) => {
      const out = [];
      const walk = (dir) => { for (const e of fs.readdirSync(dir, { withFileTypes: true })) { const p = path.join(dir, e.name); if (e.isDirectory()) { if (!/^(node_modules|\.git)$/.test(e.name)) walk(p); } else if (matchesGlob(glob, path.relative(folder, p).split(path.sep).join('/'))) out.push(Uri.file(p)); } };
      walk(folder);
      return out;
    },
    openTextDocument: async (uri) => documents.find((d) => d.uri.toString() === uri.toString()) ?? host.load(uri.fsPath),
    applyEdit: async () => true,
  });
  const commandMap = new Map();
  const languages = ns('languages', {
    match(selector, doc) {
      const one = (s) => (typeof s === 'string' ? (s === doc.languageId ? 10 : 0)
        : (!s.language || s.language === doc.languageId) && (!s.scheme || s.scheme === doc.uri.scheme) && (!s.pattern || matchesGlob(s.pattern, doc.uri.path)) ? 10 : 0);
      return Math.max(0, ...(Array.isArray(selector) ? selector : [selector]).map(one));
    },
    createDiagnosticCollection(name) {
      const map = new Map();
      return ns('DiagnosticCollection', {
        name,
        set(uri, diags) {
          if (Array.isArray(uri)) { for (const [u, d] of uri) this.set(u, d); return; }
          map.set(uri.toString(), diags ?? []); stats.diagnostics.set(uri.toString(), diags ?? []); stats.onDiagnostics?.(uri.toString(), diags ?? []);
        },
        get: (uri) => map.get(uri.toString()), has: (uri) => map.has(uri.toString()), delete: (uri) => map.delete(uri.toString()),
        clear: () => map.clear(), forEach: (f) => map.forEach((d, u) => f(Uri.parse(u), d)), dispose: () => map.clear(),
      });
    },
    getDiagnostics: () => [], onDidChangeDiagnostics: ev.diag.event, getLanguages: async () => pkg.contributes.languages.map((l) => l.id),
  });
  const vscode = ns('vscode', {
    version: '1.96.0', Disposable, EventEmitter, CancellationTokenSource, CancellationError, Uri, Position, Range, Selection, Location,
    MarkdownString, ThemeColor, ThemeIcon, TreeItem, Diagnostic, TextEdit, WorkspaceEdit, RelativePattern, TabInputText, TabInputTextDiff,
    StatusBarAlignment: ALIGN, DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 }, DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 }, TreeItemCheckboxState: { Unchecked: 0, Checked: 1 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 }, TextEditorRevealType: { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 },
    FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 }, ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 }, ExtensionMode: { Production: 1, Development: 2, Test: 3 }, UIKind: { Desktop: 1, Web: 2 },
    window, workspace, languages,
    commands: ns('commands', {
      registerCommand: (id, fn) => { commandMap.set(id, fn); return new Disposable(() => commandMap.delete(id)); },
      executeCommand: async (id, ...args) => commandMap.get(id)?.(...args),
      getCommands: async () => [...commandMap.keys()],
    }),
    env: ns('env', { language, appName: 'Visual Studio Code', appRoot: root, uriScheme: 'vscode', machineId: 'bench', sessionId: 'bench', uiKind: 1, remoteName: undefined, shell: '/bin/sh', isTelemetryEnabled: false, clipboard: { readText: async () => '', writeText: async () => undefined }, openExternal: async () => true }),
    l10n: ns('l10n', { bundle: undefined, uri: undefined, t: (m, ...args) => (typeof m === 'string' ? m : m.message).replace(/\{(\w+)\}/g, (w, k) => String((typeof args[0] === 'object' && args[0] ? args[0] : args)[k] ?? w)) }),
    extensions: ns('extensions', { all: [], getExtension: () => undefined, onDidChange: new EventEmitter().event }),
  });

  const tabs = window.tabGroups.all[0].tabs;
  const host = {
    vscode, stats, missing, commands: commandMap,
    context: {
      subscriptions: [], extensionPath: root, extensionUri: Uri.file(root), asAbsolutePath: (p) => path.join(root, p),
      storageUri: undefined, globalStorageUri: Uri.file(path.join(folder, '.global')), logUri: Uri.file(path.join(folder, '.log')), extensionMode: 1,
      globalState: { get: (_k, d) => d, update: async () => undefined, keys: () => [], setKeysForSync() {} },
      workspaceState: { get: (_k, d) => d, update: async () => undefined, keys: () => [] },
      secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: new EventEmitter().event },
      extension: { id: `${pkg.publisher}.${pkg.name}`, packageJSON: pkg, extensionUri: Uri.file(root), extensionPath: root },
    },
    /** A document as VS Code holds it, without an editor (yet). */
    load(file) {
      const doc = new FakeDocument(Uri.file(file), languageOf(file), fs.readFileSync(file, 'utf8'));
      documents.push(doc);
      ev.open.fire(doc);
      return doc;
    },
    /** Opens `file` in an editor tab and makes it the active editor. */
    show(file) {
      const doc = documents.find((d) => d.fileName === file) ?? host.load(file);
      const editor = { document: doc, selection: new Selection(0, 0, 0, 0), selections: [new Selection(0, 0, 0, 0)], visibleRanges: [new Range(0, 0, 40, 0)], viewColumn: 1, options: { tabSize: 2, insertSpaces: true }, edit: async () => true, revealRange() {} };
      const tab = { input: new TabInputText(doc.uri), label: path.basename(file), isActive: true, isDirty: false, isPinned: false, isPreview: false, group: window.tabGroups.all[0] };
      tabs.forEach((t) => { t.isActive = false; });
      tabs.push(tab);
      window.tabGroups.all[0].activeTab = tab;
      window.activeTextEditor = editor;
      window.visibleTextEditors = [editor];
      ev.tabs.fire({ opened: [tab], closed: [], changed: [] });
      ev.visible.fire(window.visibleTextEditors);
      ev.active.fire(editor);
      return editor;
    },
    /** Closes the tab of `file`, as a click on its ×; the document itself stays loaded until `unload`. */
    closeTab(file) {
      const i = tabs.findIndex((t) => t.input.uri.fsPath === file);
      if (i < 0) return;
      const [tab] = tabs.splice(i, 1);
      window.tabGroups.all[0].activeTab = tabs.at(-1);
      if (window.activeTextEditor?.document.fileName === file) { window.activeTextEditor = undefined; window.visibleTextEditors = []; }
      ev.tabs.fire({ opened: [], closed: [tab], changed: [] });
      ev.visible.fire(window.visibleTextEditors);
      ev.active.fire(window.activeTextEditor);
    },
    unload(file) {
      const i = documents.findIndex((d) => d.fileName === file);
      if (i < 0) return;
      const [doc] = documents.splice(i, 1);
      doc.isClosed = true;
      ev.close.fire(doc);
    },
  };
  return host;
}

module.exports = { createFake };
