// End to end over stdio against the built server: what an editor sees.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CodeAction, CompletionItem, DocumentSymbol, Hover, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { AnalysisSummary } from '../../src/shared/protocol';
import { TestClient } from './lspClient';
import { LOG, makeWorkspace } from './fixtures';

describe('language server over stdio', function () {
  this.timeout(30000);
  let client: TestClient;
  let ws: ReturnType<typeof makeWorkspace>;
  let log: string;

  before(async () => {
    ws = makeWorkspace();
    client = new TestClient();
    const init = await client.initialize(ws.dir) as { capabilities: Record<string, unknown> };
    assert.ok(init.capabilities.completionProvider);
    assert.deepEqual(init.capabilities.renameProvider, { prepareProvider: true });
    log = client.open(ws.log);
  });
  after(async () => {
    await client.close();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  });

  it('publishes diagnostics with the rule id as code, its docs link and the source', async () => {
    const diags = await client.current(log);
    const status = diags.find((d) => d.code === 'schema' && d.range.start.line === 4);
    assert.ok(status, JSON.stringify(diags, null, 1));
    assert.equal(status.source, 'incident-command');
    assert.equal(status.severity, 1);
    assert.match(status.codeDescription?.href ?? '', /docs\/rules\/schema\.md$/);
    assert.deepEqual(status.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 15 } });
    assert.match(String(status.message), /resolvd/);
  });

  it('recognises a log by its file name whatever the language id', async () => {
    const uri = client.open(ws.log.replace('2026-11-20-test', 'plain'), LOG, 'plaintext');
    const diags = await client.current(uri);
    assert.ok(diags.some((d) => d.code === 'schema'));
  });

  it('offers the quick fix as preferred and its edit fixes the text', async () => {
    const diags = await client.current(log);
    const d = diags.find((x) => x.code === 'schema' && x.range.start.line === 4)!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: log }, range: d.range, context: { diagnostics: [d] },
    });
    const fix = actions.find((a) => a.title === 'Change to "resolved"');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    const fixed = client.applied(log, fix.edit!.changes![log]);
    assert.match(fixed, /^status: resolved$/m);

    const docs = actions.find((a) => a.title === 'Show documentation for schema');
    assert.deepEqual(docs?.command?.arguments, ['schema']);
    assert.equal(docs?.command?.command, 'incidentCommand.showRuleDoc');

    const disable = actions.find((a) => a.title === 'Disable schema for this line')!;
    const disabled = client.applied(log, disable.edit!.changes![log]);
    assert.match(disabled, /\n# incident-command-disable-next-line schema\nstatus: resolvd\n/);
    const fixAll = actions.find((a) => a.kind === 'source.fixAll.incident-command');
    assert.ok(fixAll);
    assert.match(client.applied(log, fixAll.edit!.changes![log]), /^status: resolved$/m);
  });

  it('answers a source.fixAll request with only the fix-all action', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: log }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.incident-command']);
  });

  it('honours the disable comment once it is written', async () => {
    const uri = client.open(ws.log.replace('2026-11-20-test', 'disabled'), LOG.replace('status: resolvd', '# incident-command-disable-next-line schema\nstatus: resolvd'));
    const diags = await client.current(uri);
    assert.ok(!diags.some((d) => d.code === 'schema' && d.range.start.line === 5), JSON.stringify(diags));
  });

  it('validates only the newest of quick successive versions', async () => {
    const uri = client.open(ws.log.replace('2026-11-20-test', 'typing-fast'), LOG);
    await client.current(uri);
    // Sent in one go, well inside the debounce: the server must not publish the first two.
    client.change(uri, LOG.replace('status: resolvd', 'status: r'));
    client.change(uri, LOG.replace('status: resolvd', 'status: re'));
    const last = client.change(uri, LOG.replace('status: resolvd', 'status: resolved'));
    const final = await client.diagnosticsFor(uri, (p) => p.version === last);
    assert.ok(!final.diagnostics.some((d) => d.code === 'schema' && d.range.start.line === 4));
    assert.deepEqual(client.published.filter((p) => p.uri === uri).map((p) => p.version), [1, last]);
  });

  it('completes entry kinds, handles and window ids on half-typed lines', async () => {
    const uri = client.open(ws.typing);
    const labels = async (needle: string, delta: number): Promise<string[]> => {
      const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: client.pos(uri, needle, delta) });
      return items.map((i) => i.label);
    };
    const kinds = await labels('    kind: \n', 10);
    assert.ok(kinds.includes('maintenance-start') && kinds.includes('decision'), kinds.join());
    const by = await labels('    by: \n', 8);
    assert.deepEqual(by.sort(), ['hjkim', 'yjchoi']);
    assert.deepEqual(await labels('    window: \n', 12), ['m1']);
    const keys = await labels('  - \n', 4);
    assert.ok(keys.includes('at') && keys.includes('text') && !keys.includes('severity'), keys.join());
  });

  it('hovers a timestamp with its wall clock in the incident zone and in UTC', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: log }, position: client.pos(log, '2026-11-20T21:31', 3) });
    const text = (h.contents as { value: string }).value;
    assert.match(text, /2026-11-20 21:31:00\*\* Asia\/Seoul \(UTC\+09:00\)/);
    assert.match(text, /2026-11-20 12:31:00\*\* UTC/);
  });

  it('renames a window id together with the entries that refer to it', async () => {
    const position = client.pos(log, 'id: m1', 5);
    const prep = await client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: log }, position });
    assert.equal(prep.placeholder, 'm1');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: log }, position, newName: 'first' });
    const renamed = client.applied(log, edit.changes![log]);
    assert.equal((renamed.match(/window: first$/gm) ?? []).length, 2);
    assert.match(renamed, /- id: first\n/);
    assert.equal((renamed.match(/window: m2$/gm) ?? []).length, 2);
  });

  it('goes from a window reference to its definition', async () => {
    const defs = await client.request<{ uri: string; range: { start: { line: number } } }[]>('textDocument/definition', { textDocument: { uri: log }, position: client.pos(log, 'window: m1', 9) });
    assert.deepEqual(defs.map((d) => d.range.start.line), [11]);
  });

  it('outlines windows and the timeline by day', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: log } });
    assert.equal(symbols[0].name, '2026-11-20-test');
    const [maintenance, timeline] = symbols[0].children!;
    assert.deepEqual(maintenance.children!.map((s) => s.name), ['m1 · First window', 'm2']);
    assert.deepEqual(timeline.children!.map((s) => s.name), ['2026-11-20', '2026-11-21']);
    assert.equal(timeline.children![0].children![0].name, '21:31 detection Writes fail.');
  });

  it('answers the analysis summary request for the client views', async () => {
    const s = await client.request<AnalysisSummary>('incidentCommand/analysisSummary', { uri: log });
    assert.equal(s.kind, 'incident');
    assert.equal(s.zone, 'Asia/Seoul');
    assert.deepEqual(s.windows.map((w) => w.id), ['m1', 'm2']);
    assert.equal(s.windows[0].start, Date.parse('2026-11-20T13:00:00Z'));
    assert.ok(s.counts.error >= 1);
  });

  it('applies an edited, unsaved workspace config to open logs', async () => {
    const cfg = client.open(ws.config, `${fs.readFileSync(ws.config, 'utf8')}rules:\n  schema: off\n`);
    await client.diagnosticsFor(log, (p) => !p.diagnostics.some((d) => d.code === 'schema'));
    assert.deepEqual(await client.current(cfg), []);
    client.change(cfg, `${fs.readFileSync(ws.config, 'utf8')}rules:\n  schema: warning\n`);
    const p = await client.diagnosticsFor(log, (x) => x.diagnostics.some((d) => d.code === 'schema' && d.severity === 2));
    assert.ok(p);
    client.change(cfg, 'timezone: Mars/Olympus\n');
    const own = await client.diagnosticsFor(cfg, (x) => x.diagnostics.length > 0);
    assert.equal(own.diagnostics[0].code, 'schema');
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: cfg } });
  });

  it('rereads a config changed on disk when told by didChangeWatchedFiles', async () => {
    fs.writeFileSync(ws.config, `${fs.readFileSync(ws.config, 'utf8')}rules:\n  schema: info\n`);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${ws.config}`, type: 2 }] });
    await client.diagnosticsFor(log, (x) => x.diagnostics.some((d) => d.code === 'schema' && d.severity === 3));
  });

  it('keeps serving on garbage input', async () => {
    const uri = client.open(ws.log.replace('2026-11-20-test', 'garbage'), '\u0000:\n  - [}{\n\t- : :\n"');
    await client.current(uri);
    for (const method of ['textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/prepareRename']) {
      await client.request(method, { textDocument: { uri }, position: { line: 1, character: 4 } });
    }
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: log } });
    assert.ok(symbols.length > 0);
  });
});

describe('language server settings', function () {
  this.timeout(30000);
  let client: TestClient;
  let ws: ReturnType<typeof makeWorkspace>;

  before(async () => {
    ws = makeWorkspace();
    client = new TestClient();
    await client.initialize(ws.dir, 'ko-KR');
  });
  after(async () => {
    await client.close();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  });

  it('speaks Korean when the editor locale is Korean, English when the setting says so', async () => {
    const log = client.open(ws.log);
    const ko = await client.current(log);
    assert.match(String(ko.find((d) => d.code === 'schema')!.message), /중 하나가 아닙니다/);
    client.settings = { incidentCommand: { language: 'en' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.diagnosticsFor(log, (p) => p.diagnostics.some((d) => d.code === 'schema' && /is not one of/.test(String(d.message))));
  });

  it('gives one warning and no validation for a file over the size limit', async () => {
    client.settings = { incidentCommand: { maxFileSize: 100 } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const log = client.open(ws.typing);
    const p = await client.diagnosticsFor(log, (x) => x.diagnostics.length === 1 && x.diagnostics[0].code === 'file-too-large');
    assert.equal(p.diagnostics[0].severity, 2);
  });

  it('lays rule overrides from the settings over the workspace config', async () => {
    client.settings = { incidentCommand: { rules: { schema: 'off' } } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const log = client.open(ws.log.replace('2026-11-20-test', 'overrides'), LOG);
    const diags = await client.current(log);
    assert.ok(!diags.some((d) => d.code === 'schema'), JSON.stringify(diags));
  });
});
