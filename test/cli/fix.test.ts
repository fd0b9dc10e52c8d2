// `lint --fix` on golden files: test/fixtures/fix-golden/<name>.input.incident.yaml must become
// <name>.output.incident.yaml byte for byte (or <dir>/input.* → <dir>/expected.*).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, CLEAN_INCIDENT, ERROR_INCIDENT, GOLDEN, tempTree } from './helpers';

function goldenPairs(): { name: string; input: string; output: string }[] {
  const out: { name: string; input: string; output: string }[] = [];
  for (const e of fs.readdirSync(GOLDEN, { withFileTypes: true })) {
    const p = path.join(GOLDEN, e.name);
    const m = /^(.*)\.input\.(incident|runbook)\.ya?ml$/.exec(e.name);
    if (e.isFile() && m) out.push({ name: m[1], input: p, output: path.join(GOLDEN, e.name.replace('.input.', '.output.')) });
    if (e.isDirectory()) {
      for (const f of fs.readdirSync(p)) {
        const d = /^input\.((incident|runbook)\.ya?ml)$/.exec(f);
        if (d) out.push({ name: `${e.name}/`, input: path.join(p, f), output: path.join(p, `expected.${d[1]}`) });
      }
    }
  }
  return out;
}

/** Lines of b that differ from a, where a and b have the same number of lines. */
function changedLines(a: string, b: string): number[] {
  const la = a.split('\n');
  const lb = b.split('\n');
  return la.flatMap((l, i) => (l === lb[i] ? [] : [i]));
}

describe('cli: lint --fix', () => {
  const pairs = goldenPairs();
  it('has golden files', () => { assert.ok(pairs.length >= 3); });

  for (const { name, input, output } of pairs) {
    it(`golden: ${name}`, () => {
      const before = fs.readFileSync(input, 'utf8');
      const want = fs.readFileSync(output, 'utf8');
      const file = path.basename(input).replace(/^input\./, 'x.');
      const dir = tempTree({ [file]: before });
      const target = path.join(dir, file);
      fs.chmodSync(target, 0o640);
      cli(['lint', '--fix', file], dir);
      const after = fs.readFileSync(target, 'utf8');
      assert.equal(after, want);
      assert.equal(fs.statSync(target).mode & 0o777, 0o640, 'mode kept');
      assert.deepEqual(fs.readdirSync(dir), [file], 'no temp file left behind');
      // Line breaks as they were.
      assert.equal(before.includes('\r\n'), after.includes('\r\n'));
      assert.equal((after.match(/\r\n/g) ?? []).length, before.includes('\r\n') ? after.split('\n').length - 1 : 0);
      // Comments kept, every one of them.
      const comments = (s: string) => s.split(/\r?\n/).filter((l) => /^\s*#/.test(l)).sort();
      assert.deepEqual(comments(after), comments(before));
      // Fixing again changes nothing.
      cli(['lint', '--fix', file], dir);
      assert.equal(fs.readFileSync(target, 'utf8'), want);
    });
  }

  it('only touches the lines of the fixes', () => {
    const dir = tempTree({ 'e.incident.yaml': ERROR_INCIDENT });
    const r = cli(['lint', '--fix', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(JSON.parse(r.stdout)[0].messages, []);
    const after = fs.readFileSync(path.join(dir, 'e.incident.yaml'), 'utf8');
    assert.equal(after, CLEAN_INCIDENT);
    assert.deepEqual(changedLines(ERROR_INCIDENT, after), [12]);
  });

  it('never writes a file that needs no fix', () => {
    const dir = tempTree({ 'a.incident.yaml': CLEAN_INCIDENT });
    const file = path.join(dir, 'a.incident.yaml');
    const old = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(file, old, old);
    assert.equal(cli(['lint', '--fix'], dir).code, 0);
    assert.equal(fs.statSync(file).mtimeMs, old.getTime());
  });

  it('leaves a file that is not valid UTF-8 alone', () => {
    const dir = tempTree({});
    const file = path.join(dir, 'bad.incident.yaml');
    const bytes = Buffer.concat([Buffer.from(ERROR_INCIDENT), Buffer.from('# \xff\xfe\n', 'latin1')]);
    fs.writeFileSync(file, bytes);
    const r = cli(['lint', '--fix'], dir);
    assert.ok(fs.readFileSync(file).equals(bytes));
    assert.match(r.stderr, /was not fixed: not valid UTF-8/);
    assert.equal(r.code, 1);
  });
});
