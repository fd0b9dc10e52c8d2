// The built server against hostile documents and a careless client: after each one it still
// publishes, still answers a request on a normal file, and its process is alive.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient } from '../server/lspClient';
import { caseNamed, CORPUS, INCIDENT } from './corpus';

// The server's share of the corpus: one of each kind of trouble, to keep the suite short.
const SENT = [
  'billion laughs (anchors nested 10 deep)', 'flow nesting 10,000 deep', 'block sequence nesting 10,000 deep',
  'random binary bytes', 'NUL bytes', 'CRLF everywhere', 'BOM', 'tab as indentation', 'unterminated double quote',
  '1 MB single line of dotted words', 'rm and 40 long flags', 'kubectl and 40 long flags', 'a private key block',
];

describe('hostile documents against the built server', function () {
  this.timeout(60000);
  let dir: string;
  let client: TestClient;
  let normal: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-hostile-'));
    client = new TestClient();
    await client.initialize(dir);
    normal = client.open(path.join(dir, 'normal.incident.yaml'), INCIDENT);
    await client.current(normal);
  });
  after(async () => {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function stillServing(): Promise<void> {
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: normal } });
    assert.ok(symbols.length > 0, 'no symbols for the normal file');
    assert.equal(client.proc.exitCode, null, `server exited: ${client.logs.join('\n')}`);
  }

  for (const name of SENT) {
    it(name, async () => {
      const c = caseNamed(name);
      const uri = client.open(path.join(dir, c.fileName), c.make());
      const diagnostics = await client.current(uri);
      if (c.line !== undefined) assert.ok(diagnostics.some((d) => d.range.start.line === c.line), JSON.stringify(diagnostics.slice(0, 3)));
      await stillServing();
    });
  }

  it('says a 100 MB file is too large instead of validating it', async () => {
    const c = CORPUS.find((x) => x.huge)!;
    const uri = client.open(path.join(dir, c.fileName), c.make());
    const diagnostics = await client.current(uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['file-too-large']);
    await stillServing();
    client.change(uri, INCIDENT);
    assert.ok(!(await client.current(uri)).some((d) => d.code === 'file-too-large'));
  });

  it('ends with the right diagnostics after quick break-and-repair edits', async () => {
    const uri = client.open(path.join(dir, 'flicker.incident.yaml'), INCIDENT);
    await client.current(uri);
    for (let i = 0; i < 20; i++) {
      client.change(uri, i % 2 === 0 ? INCIDENT.replace('title: Cache', 'title: "Cache') : INCIDENT.replace('status: resolved', `status: resolved${i}`));
    }
    client.change(uri, INCIDENT);
    const done = await client.current(uri);
    const fresh = await client.current(client.open(path.join(dir, 'fresh.incident.yaml'), INCIDENT));
    assert.deepEqual(done.map((d) => [d.code, d.range, d.message]), fresh.map((d) => [d.code, d.range, d.message]));
    client.change(uri, INCIDENT.replace('title: Cache', 'title: "Cache'));
    assert.ok((await client.current(uri)).some((d) => d.code === 'yaml-syntax' && d.range.start.line === 1));
  });

  it('survives positions outside the document', async () => {
    const bad = [
      { line: 1e9, character: 0 }, { line: 0, character: 1e9 }, { line: -1, character: -1 },
      { line: 2 ** 31, character: 2 ** 31 }, { line: 1.5, character: 0.5 },
    ];
    for (const position of bad) {
      const td = { textDocument: { uri: normal }, position };
      await client.request('textDocument/hover', td).catch(() => undefined);
      await client.request('textDocument/completion', td).catch(() => undefined);
      await client.request('textDocument/definition', td).catch(() => undefined);
      await client.request('textDocument/codeAction', { textDocument: { uri: normal }, range: { start: position, end: position }, context: { diagnostics: [] } }).catch(() => undefined);
    }
    await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere/x.incident.yaml' }, position: { line: 0, character: 0 } }).catch(() => undefined);
    await stillServing();
  });
});
