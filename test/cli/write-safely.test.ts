// Every file the CLI writes (lint --fix, import, postmortem) goes through a temp file and a
// rename, and is written only while it still holds what was read. A save that lands while the
// CLI works is simulated by writing the file the moment the temp file is written.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runPostmortem } from '../../src/cli/commands/postmortem';
import { writeIfUnchanged as importWrite } from '../../src/cli/commands/import';
import { lintFile } from '../../src/cli/lint-file';
import { defaultConfig } from '../../src/core/config';
import { writeIfUnchanged } from '../../src/core/write-file';
import { UsageError } from '../../src/cli/command';
import { cli, ERROR_INCIDENT, tempTree } from './helpers';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const tmpFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

// The module object itself (an `import * as` namespace only has getters), which the code under test reads through.
const realFs: { writeFileSync: typeof fs.writeFileSync } = require('node:fs');

/** Runs `fn` while every write of a temp file is followed by someone saving `file` with `saved`. */
function withSaveDuringWrite<T>(file: string, saved: string, fn: () => T): T {
  const original = realFs.writeFileSync;
  realFs.writeFileSync = ((p: fs.PathOrFileDescriptor, data: string, opts?: fs.WriteFileOptions) => {
    original(p, data, opts);
    if (typeof p === 'string' && p.endsWith('.tmp')) original(file, saved);
  }) as typeof fs.writeFileSync;
  try { return fn(); } finally { realFs.writeFileSync = original; }
}

describe('writes: temp file, rename, and never over a newer save', () => {
  it('writes when the file still holds what was read, keeping its mode and its symbolic link', () => {
    const dir = tempTree({ 'a.txt': 'one\n' });
    const file = path.join(dir, 'a.txt');
    fs.chmodSync(file, 0o640);
    fs.symlinkSync('a.txt', path.join(dir, 'link.txt'));
    assert.equal(writeIfUnchanged(path.join(dir, 'link.txt'), 'one\n', 'two\n'), 'written');
    assert.equal(fs.readFileSync(file, 'utf8'), 'two\n');
    assert.ok(fs.lstatSync(path.join(dir, 'link.txt')).isSymbolicLink());
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(tmpFiles(dir), []);
  });

  it('writes nothing over a file that changed, before or during the write', () => {
    const dir = tempTree({ 'a.txt': 'saved by someone\n' });
    const file = path.join(dir, 'a.txt');
    assert.equal(writeIfUnchanged(file, 'one\n', 'two\n'), 'changed');
    assert.equal(withSaveDuringWrite(file, 'saved meanwhile\n', () => writeIfUnchanged(file, 'saved by someone\n', 'two\n')), 'changed');
    assert.equal(fs.readFileSync(file, 'utf8'), 'saved meanwhile\n');
    assert.deepEqual(tmpFiles(dir), []);
  });

  it('creates a new file only if none appeared meanwhile', () => {
    const dir = tempTree({});
    const file = path.join(dir, 'new.md');
    assert.equal(withSaveDuringWrite(file, 'theirs\n', () => writeIfUnchanged(file, undefined, 'ours\n')), 'changed');
    assert.equal(fs.readFileSync(file, 'utf8'), 'theirs\n');
    fs.unlinkSync(file);
    assert.equal(writeIfUnchanged(file, undefined, 'ours\n'), 'written');
    assert.equal(fs.readFileSync(file, 'utf8'), 'ours\n');
    assert.deepEqual(tmpFiles(dir), []);
  });

  it('lint --fix leaves a log that was saved while it was being fixed', () => {
    const dir = tempTree({ 'a.incident.yaml': ERROR_INCIDENT });
    const file = path.join(dir, 'a.incident.yaml');
    const saved = `${ERROR_INCIDENT}# a line typed meanwhile\n`;
    const r = withSaveDuringWrite(file, saved, () => lintFile(file, defaultConfig(), { lang: 'en', now: NOW, fix: true }));
    assert.equal(r.fixed, false);
    assert.match(r.notFixed ?? '', /changed on disk/);
    assert.equal(fs.readFileSync(file, 'utf8'), saved);
    assert.deepEqual(tmpFiles(dir), []);
    // Unhindered, the same file is fixed.
    assert.equal(lintFile(file, defaultConfig(), { lang: 'en', now: NOW, fix: true }).fixed, true);
    assert.match(fs.readFileSync(file, 'utf8'), /kind: detection\n[\s\S]*# a line typed meanwhile\n$/);
  });

  it('import refuses a log that was saved while the entries were inserted', () => {
    const dir = tempTree({ 'a.incident.yaml': 'one\n' });
    const file = path.join(dir, 'a.incident.yaml');
    assert.throws(() => withSaveDuringWrite(file, 'saved meanwhile\n', () => importWrite(file, 'one\n', 'two\n')),
      (e: unknown) => e instanceof UsageError && /changed on disk/.test(e.message));
    assert.equal(fs.readFileSync(file, 'utf8'), 'saved meanwhile\n');
    assert.deepEqual(tmpFiles(dir), []);
  });

  it('postmortem writes nothing over a postmortem saved while it was generated, and keeps CR LF', async () => {
    const log = ERROR_INCIDENT.replace('kind: detecton', 'kind: detection');
    const dir = tempTree({ 'a.incident.yaml': log });
    const file = path.join(dir, 'a.postmortem.md');
    const quiet = process.stdout.write;
    const quietErr = process.stderr.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      const code = await withSaveDuringWrite(file, 'notes of our own\n', () => runPostmortem([path.join(dir, 'a.incident.yaml')]));
      assert.equal(code, 1);
      assert.equal(fs.readFileSync(file, 'utf8'), 'notes of our own\n');
      fs.unlinkSync(file);
      assert.equal(await runPostmortem([path.join(dir, 'a.incident.yaml')]), 0);
    } finally {
      process.stdout.write = quiet;
      process.stderr.write = quietErr;
    }
    // An untouched postmortem checked out with CR LF is regenerated in CR LF.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    fs.writeFileSync(path.join(dir, 'a.incident.yaml'), log.replace('Error rate alert.', 'Error rate alert on the API.'));
    const r = cli(['postmortem', 'a.incident.yaml'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = fs.readFileSync(file, 'utf8');
    assert.ok(out.includes('Error rate alert on the API.'));
    assert.doesNotMatch(out, /(^|[^\r])\n/, 'a bare LF in a CR LF postmortem');
    assert.deepEqual(tmpFiles(dir), []);
  });
});
