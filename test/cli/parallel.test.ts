// `lint` on worker threads says exactly what `lint --jobs 1` says: same findings, same file
// order, same exit code, in every format, and --fix writes the same bytes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigResolver } from '../../src/cli/config-cache';
import { LintJob } from '../../src/cli/lint-jobs';
import { batchSize, holdsAtLeast, lintInPool, POOL_MIN_BYTES, workerCount } from '../../src/cli/lint-pool';
import { cli, CLEAN_INCIDENT, ERROR_INCIDENT, GOLDEN, ROOT, tempTree, WARNING_INCIDENT } from './helpers';

const RULE_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'rules');
const BROKEN_YAML = 'incident: broken\ntitle: "never closed\ntimeline:\n  - at: 2026-01-05T10:00\n';

/** A log of `n` entries, some with findings (a kind typo, an unknown person, an entry out of order). */
function generatedLog(n: number, id: number): string {
  let out = CLEAN_INCIDENT.replace('incident: 2026-01-05-api', `incident: gen-${id}`).replace(/timeline:\n[\s\S]*?\nchecklist:/, 'timeline:\nchecklist:');
  const entries: string[] = [];
  for (let i = 0; i < n; i++) {
    const minute = id % 7 === 3 && i === n - 1 ? 0 : i + 1;
    const at = `2026-01-05T${String(10 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    const kind = i === 0 ? 'detection' : id % 5 === 1 && i === 2 ? 'actoin' : 'note';
    const by = id % 4 === 2 && i === 1 ? 'nobody' : 'oncall';
    entries.push(`  - at: ${at}\n    kind: ${kind}\n    by: ${by}\n    text: Step ${i} of log ${id}.\n`);
  }
  out = out.replace('timeline:\n', `timeline:\n${entries.join('')}`);
  return out;
}

/** The rule fixtures (33 folders, several with their own config), generated logs, a broken file. */
function corpus(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-par-'));
  fs.cpSync(RULE_FIXTURES, path.join(dir, 'rules'), { recursive: true });
  for (let i = 0; i < 70; i++) fs.writeFileSync(path.join(dir, `gen-${String(i).padStart(2, '0')}.incident.yaml`), generatedLog(3 + (i % 11), i));
  fs.writeFileSync(path.join(dir, 'gen-broken.incident.yaml'), BROKEN_YAML);
  fs.writeFileSync(path.join(dir, 'w.incident.yaml'), WARNING_INCIDENT);
  return dir;
}

const fileCount = (dir: string): number => JSON.parse(cli(['lint', '--format', 'json', '--jobs', '1'], dir).stdout).length;

describe('cli: lint on worker threads', function () {
  this.timeout(120000);
  const dir = corpus();

  it('the corpus has findings of many rules, a broken file, and is too small for the default pool', () => {
    const n = fileCount(dir);
    assert.ok(n > 150, String(n));
    const r = cli(['lint', '--format', 'json'], dir, { INCIDENT_COMMAND_DEBUG: '1' });
    assert.match(r.stderr, new RegExp(`linted ${n} files on the main thread`));
    const rules = new Set(JSON.parse(r.stdout).flatMap((f: { messages: { ruleId: string }[] }) => f.messages.map((m) => m.ruleId)));
    assert.ok(rules.size >= 25, [...rules].join(' '));
    const broken = JSON.parse(r.stdout).find((f: { filePath: string }) => f.filePath.endsWith('gen-broken.incident.yaml'));
    assert.deepEqual([...new Set(broken.messages.map((m: { ruleId: string }) => m.ruleId))], ['yaml-syntax']);
  });

  it('by default, files that add up to 2 MB are linted on one worker per core, as --jobs 1 lints them', () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-par-big-'));
    const log = generatedLog(400, 1);
    const count = Math.ceil(POOL_MIN_BYTES / Buffer.byteLength(log)) + 1;
    for (let i = 0; i < count; i++) fs.writeFileSync(path.join(d, `big-${i}.incident.yaml`), i === 3 ? BROKEN_YAML : generatedLog(400, i));
    const auto = cli(['lint', '--format', 'json'], d, { INCIDENT_COMMAND_DEBUG: '1' });
    const workers = Math.min(os.availableParallelism(), count);
    assert.match(auto.stderr, workers > 1 ? new RegExp(`linted ${count} files on ${workers} worker threads`) : /on the main thread/);
    const one = cli(['lint', '--format', 'json', '--jobs', '1'], d);
    assert.equal(auto.stdout, one.stdout);
    assert.equal(auto.code, one.code);
  });

  for (const format of ['stylish', 'json', 'sarif']) {
    it(`--format ${format}: 3 workers, the default and --jobs 1 print the same`, () => {
      const one = cli(['lint', '--format', format, '--jobs', '1'], dir);
      const pool = cli(['lint', '--format', format, '--jobs', '3'], dir, { INCIDENT_COMMAND_DEBUG: '1' });
      const auto = cli(['lint', '--format', format], dir);
      assert.equal(one.code, 1);
      assert.ok(one.stdout.length > 1000);
      assert.match(pool.stderr, /on 3 worker threads/);
      assert.equal(pool.stdout, one.stdout);
      assert.equal(pool.code, one.code);
      assert.equal(auto.stdout, one.stdout);
      assert.equal(auto.code, one.code);
      assert.equal(auto.stderr, one.stderr);
    });
  }

  it('--quiet, --max-warnings and --lang ko agree too', () => {
    for (const extra of [['--quiet'], ['--max-warnings', '0', '--format', 'json'], ['--lang', 'ko']]) {
      const one = cli(['lint', '--jobs', '1', ...extra], dir);
      const pool = cli(['lint', '--jobs', '2', ...extra], dir);
      assert.deepEqual(pool, one, extra.join(' '));
    }
  });

  it('--fix writes the same bytes and prints the same as a sequential fix', () => {
    const a = corpus();
    const b = corpus();
    for (const d of [a, b]) {
      for (const f of fs.readdirSync(GOLDEN).filter((x) => x.includes('.input.'))) fs.copyFileSync(path.join(GOLDEN, f), path.join(d, f));
    }
    const one = cli(['lint', '--fix', '--jobs', '1'], a);
    const pool = cli(['lint', '--fix', '--jobs', '2'], b, { INCIDENT_COMMAND_DEBUG: '1' });
    assert.match(pool.stderr, /on 2 worker threads/);
    assert.equal(pool.stdout, one.stdout);
    assert.equal(pool.code, one.code);
    const files = (d: string) => fs.readdirSync(d, { recursive: true, encoding: 'utf8' }).sort();
    assert.deepEqual(files(b), files(a), 'same files, no temp file left');
    let changed = 0;
    for (const rel of files(a)) {
      const pa = path.join(a, rel);
      if (fs.statSync(pa).isDirectory()) continue;
      const before = fs.existsSync(path.join(dir, rel)) ? fs.readFileSync(path.join(dir, rel), 'utf8') : undefined;
      const after = fs.readFileSync(pa, 'utf8');
      if (before !== undefined && before !== after) changed++;
      assert.equal(fs.readFileSync(path.join(b, rel), 'utf8'), after, rel);
    }
    assert.ok(changed >= 5, `fixes applied to ${changed} files`);
  });

  it('--fix through two links to one file: the second path sees the first one\'s fixes', function () {
    if (process.platform === 'win32') this.skip();
    const make = () => {
      const d = tempTree({ 'a.incident.yaml': ERROR_INCIDENT });
      for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(d, `c${i}.incident.yaml`), CLEAN_INCIDENT);
      fs.symlinkSync(path.join(d, 'a.incident.yaml'), path.join(d, 'b.incident.yaml'));
      return d;
    };
    const a = make();
    const b = make();
    const one = cli(['lint', '--fix', '--format', 'json', '--jobs', '1'], a);
    const pool = cli(['lint', '--fix', '--format', 'json', '--jobs', '2'], b);
    assert.equal(pool.code, one.code);
    assert.equal(pool.stdout.split(b).join('<dir>'), one.stdout.split(a).join('<dir>'));
    assert.equal(fs.readFileSync(path.join(b, 'a.incident.yaml'), 'utf8'), fs.readFileSync(path.join(a, 'a.incident.yaml'), 'utf8'));
    assert.ok(fs.lstatSync(path.join(b, 'b.incident.yaml')).isSymbolicLink(), 'the link stays a link');
  });

  it('a broken config stops both the same way', () => {
    const d = corpus();
    fs.writeFileSync(path.join(d, 'rules', 'schema', '.incident-command.yaml'), 'rules: [schema\n');
    const one = cli(['lint', '--jobs', '1'], d);
    const pool = cli(['lint', '--jobs', '2'], d);
    assert.equal(one.code, 2);
    assert.match(one.stderr, /^incident-command: config .*\.incident-command\.yaml:\d+:\d+ is not valid YAML/);
    assert.deepEqual(pool, one);
  });

  it('--jobs takes a whole number of 1 or more', () => {
    for (const bad of ['0', 'x', '-1', '1.5']) {
      const r = cli(['lint', `--jobs=${bad}`], dir);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /^incident-command: --jobs takes a whole number/, bad);
    }
    assert.match(cli(['lint', '--help'], dir).stdout, /-j, --jobs <n>/);
  });
});

describe('cli: the lint pool', () => {
  it('sizes: no pool for little work unless asked; batches keep every worker busy to the end', () => {
    const cores = os.availableParallelism();
    assert.equal(workerCount(500, undefined, () => false), 1);
    assert.equal(workerCount(10000, undefined, () => true), cores);
    assert.equal(workerCount(1, undefined, () => true), 1);
    assert.equal(workerCount(5, 4), 4);
    assert.equal(workerCount(3, 8), 3);
    assert.equal(workerCount(10000, 1), 1);
    assert.ok(Math.ceil(10000 / batchSize(10000, 2)) >= 16);
    assert.equal(batchSize(10, 4), 1);
    const dir = tempTree({ 'a.incident.yaml': 'x'.repeat(600), 'b.incident.yaml': 'y'.repeat(600) });
    const paths = [path.join(dir, 'a.incident.yaml'), path.join(dir, 'gone.incident.yaml'), path.join(dir, 'b.incident.yaml')];
    assert.equal(holdsAtLeast(paths, 1200), true);
    assert.equal(holdsAtLeast(paths, 1201), false);
  });

  const jobsIn = (dir: string, names: string[]): { jobs: LintJob[]; resolver: ConfigResolver } => {
    const resolver = new ConfigResolver(dir);
    const jobs = names.map((n) => {
      const filePath = path.join(dir, n);
      return { filePath, lang: 'en' as const, configKey: resolver.resolve(filePath).key };
    });
    return { jobs, resolver };
  };
  const now = Date.parse('2026-11-22T12:00:00Z');

  it('gives one outcome per file in file order; a file that throws is a failure for that file and ends the list', async () => {
    const names = ['a.incident.yaml', 'team/b.incident.yaml', 'c.incident.yaml', 'gone.incident.yaml', 'd.incident.yaml'];
    const dir = tempTree({ 'a.incident.yaml': ERROR_INCIDENT, 'team/.incident-command.yaml': 'rules:\n  schema: warning\n', 'team/b.incident.yaml': ERROR_INCIDENT, 'c.incident.yaml': CLEAN_INCIDENT, 'd.incident.yaml': CLEAN_INCIDENT });
    const { jobs, resolver } = jobsIn(dir, names);
    const out = await lintInPool(jobs, { workers: 2, now, fix: false, configs: resolver.sources(), lang: 'en' });
    assert.equal(out.length, 4);
    const levels = out.slice(0, 3).map((o) => ('result' in o ? o.result.findings.map((f) => `${f.ruleId}:${f.level}`) : ['failed']));
    assert.deepEqual(levels, [['schema:error'], ['schema:warning'], []], 'the team config applies in its folder only');
    const last = out[3];
    assert.ok('failure' in last);
    assert.equal(last.failure.filePath, path.join(dir, 'gone.incident.yaml'));
    assert.equal(last.failure.usage, true);
    assert.match(last.failure.message, /cannot read .*gone\.incident\.yaml \(ENOENT\)/);
  });

  it('with --fix, every file the run changed is in the outcomes, even past a failure', async () => {
    const typo = CLEAN_INCIDENT.replace('kind: detection', 'kind: detecton');
    assert.notEqual(typo, CLEAN_INCIDENT);
    const names = ['a.incident.yaml', 'b.incident.yaml', 'gone.incident.yaml', 'c.incident.yaml', 'd.incident.yaml'];
    const dir = tempTree({ 'a.incident.yaml': typo, 'b.incident.yaml': typo, 'c.incident.yaml': typo, 'd.incident.yaml': typo });
    const { jobs, resolver } = jobsIn(dir, names);
    const out = await lintInPool(jobs, { workers: 2, now, fix: true, configs: resolver.sources(), lang: 'en' });
    for (const [i, name] of names.entries()) {
      if (name === 'gone.incident.yaml') continue;
      if (fs.readFileSync(path.join(dir, name), 'utf8') === typo) continue;
      const o = out[i];
      assert.ok(o && 'result' in o && o.result.fixed, `${name} was written but not reported`);
    }
    assert.ok(out.some((o) => 'result' in o && o.result.fixed), 'the files before the failure were fixed');
  });

  it('a worker that dies costs only the file it died on, and the run ends', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `f${String(i).padStart(2, '0')}${i === 23 ? '-crash' : ''}.incident.yaml`);
    const dir = tempTree(Object.fromEntries(names.map((n) => [n, CLEAN_INCIDENT])));
    const { jobs, resolver } = jobsIn(dir, names);
    const script = path.join(__dirname, 'crash-worker.js');
    const out = await lintInPool(jobs, { workers: 2, now, fix: false, configs: resolver.sources(), lang: 'en', script });
    assert.equal(out.length, 24, 'every file before the crash, then the crash');
    assert.ok(out.slice(0, 23).every((o) => 'result' in o && o.result.findings.length === 0));
    const crash = out[23];
    assert.ok('failure' in crash);
    assert.equal(crash.failure.filePath, path.join(dir, names[23]));
    assert.equal(crash.failure.usage, false);
    assert.equal(crash.failure.message, 'the lint worker stopped while checking this file (exit code 7).');
  });

  it('a worker that cannot start rejects instead of hanging', async () => {
    const dir = tempTree({ 'a.incident.yaml': CLEAN_INCIDENT, 'b.incident.yaml': CLEAN_INCIDENT });
    const { jobs, resolver } = jobsIn(dir, ['a.incident.yaml', 'b.incident.yaml']);
    const script = path.join(dir, 'bad-worker.js');
    fs.writeFileSync(script, 'throw new Error("cannot load");\n');
    await assert.rejects(lintInPool(jobs, { workers: 2, now, fix: false, configs: resolver.sources(), lang: 'en', script }), /a lint worker could not start: cannot load/);
  });
});
