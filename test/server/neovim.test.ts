// Neovim as a second client: headless nvim with test/server/neovim/init.lua opens a log and
// must receive the server's diagnostics. Skipped, saying so, where nvim is not installed.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, ROOT } from './lspClient';
import { makeWorkspace } from './fixtures';

const HERE = path.join(ROOT, 'test', 'server', 'neovim');

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

describe('Neovim built-in LSP client', function () {
  this.timeout(60000);

  it('receives diagnostics from the server', function () {
    const version = nvimVersion();
    if (!version) {
      console.log('    (skipped: nvim is not installed; `apt-get install -y neovim` to run this test)');
      this.skip();
    }
    ensureBuilt();
    const ws = makeWorkspace();
    const out = path.join(ws.dir, 'diagnostics.json');
    try {
      const r = spawnSync('nvim', ['--headless', '--noplugin', '-u', path.join(HERE, 'init.lua'), ws.log, '-c', `luafile ${path.join(HERE, 'check.lua')}`], {
        env: { ...process.env, IC_REPO: ROOT, IC_NODE: process.execPath, IC_OUT: out }, encoding: 'utf8', timeout: 50000,
      });
      assert.ok(fs.existsSync(out), `${version} wrote nothing: ${r.stderr}`);
      const got = JSON.parse(fs.readFileSync(out, 'utf8')) as { received: boolean; diagnostics: { lnum: number; code: string; source: string; message: string }[] };
      assert.equal(got.received, true);
      const status = got.diagnostics.find((d) => d.code === 'schema' && d.lnum === 4);
      assert.ok(status, JSON.stringify(got.diagnostics));
      assert.equal(status.source, 'incident-command');
      assert.match(status.message, /resolvd/);
    } finally {
      fs.rmSync(ws.dir, { recursive: true, force: true });
    }
  });
});
