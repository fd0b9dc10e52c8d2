// A minimal LSP client for tests: spawns the BUILT server (`dist/server.js --stdio`) and talks
// JSON-RPC over its stdio, answering the requests a real editor answers (configuration,
// capability registration) and collecting what the server publishes.
import { ChildProcess, execSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, ProtocolConnection, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

/** Builds dist/ once if the server bundle is missing (normally `pretest` has built it). */
export function ensureBuilt(): void {
  if (!fs.existsSync(SERVER)) execSync('npm run build', { cwd: ROOT, stdio: 'ignore' });
}

export const uriOf = (p: string): string => pathToFileURL(p).toString();

export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  readonly logs: string[] = [];
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Settings answered to workspace/configuration, by section. */
  settings: Record<string, unknown> = {};
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private waiters: { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private readonly versions = new Map<string, number>();
  readonly texts = new Map<string, string>();

  constructor() {
    ensureBuilt();
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr?.on('data', (d) => this.logs.push(String(d)));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((i) => this.settings[i.section ?? ''] ?? null));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onNotification('window/logMessage', (p: { message: string }) => { this.logs.push(p.message); });
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || !w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    this.conn.listen();
  }

  async initialize(rootDir: string, locale = 'en'): Promise<unknown> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid, locale, rootUri: uriOf(rootDir),
      workspaceFolders: [{ uri: uriOf(rootDir), name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, rename: { prepareSupport: true } },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  open(file: string, text = fs.readFileSync(file, 'utf8'), languageId = 'yaml'): string {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** The next diagnostics for `uri` that pass `test` (or the latest already received). */
  diagnosticsFor(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    const have = this.diagnostics.get(uri);
    if (have && test(have)) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(this.diagnostics.get(uri))}\nlogs: ${this.logs.join('\n')}`)), timeoutMs);
      this.waiters.push({ uri, test, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  /** Diagnostics published for the current version of the document. */
  current(uri: string): Promise<Diagnostic[]> {
    const v = this.versions.get(uri);
    return this.diagnosticsFor(uri, (p) => p.version === undefined || p.version === v).then((p) => p.diagnostics);
  }

  request<R>(method: string, params: unknown): Promise<R> { return this.conn.sendRequest(method, params) as Promise<R>; }

  /** Position of the n-th occurrence (0-based) of `needle` in the document, plus `delta` characters. */
  pos(uri: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
    const text = this.texts.get(uri) ?? '';
    let i = -1;
    for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" not in ${uri}`);
    return TextDocument.create(uri, 'yaml', 0, text).positionAt(i + delta);
  }

  applied(uri: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, this.texts.get(uri) ?? ''), edits);
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.conn.sendNotification('exit');
    } catch { /* already gone */ }
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
