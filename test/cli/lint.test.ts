import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, CLEAN_INCIDENT, ERROR_INCIDENT, tempTree, WARNING_INCIDENT } from './helpers';

describe('cli: lint', () => {
  it('exits 0 and prints nothing for clean files', () => {
    const dir = tempTree({ 'a.incident.yaml': CLEAN_INCIDENT });
    const r = cli(['lint'], dir);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.stdout, '');
  });

  it('exits 1 on an error and prints stylish rows and a summary', () => {
    const dir = tempTree({ 'sub/b.incident.yaml': ERROR_INCIDENT });
    const r = cli(['lint'], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes(path.join('sub', 'b.incident.yaml')), r.stdout);
    assert.match(r.stdout, /^ {2}13:11 {2}error {2}"kind" value "detecton"|^ {2}13:11 {2}error {2}.*detecton.* {2}schema$/m);
    assert.match(r.stdout, /✖ 1 problem \(1 error, 0 warnings\)/);
    assert.match(r.stdout, /1 error and 0 warnings potentially fixable with the `--fix` option/);
  });

  it('finds files below the cwd by name, skipping node_modules and .git, and lints configs', () => {
    const dir = tempTree({
      'x/one.incident.yml': ERROR_INCIDENT,
      'x/notes.yaml': 'not: [linted',
      'node_modules/pkg/c.incident.yaml': ERROR_INCIDENT,
      '.git/d.incident.yaml': ERROR_INCIDENT,
      '.incident-command.yaml': 'timezone: Asia/Seoul\nsevrities: [P1]\n',
    });
    const r = cli(['lint', '--format', 'json'], dir);
    const out = JSON.parse(r.stdout) as { filePath: string }[];
    assert.deepEqual(out.map((f) => path.relative(dir, f.filePath)).sort(), ['.incident-command.yaml', path.join('x', 'one.incident.yml')]);
  });

  it('--format json gives ESLint-shaped results with 1-based positions', () => {
    const dir = tempTree({ 'b.incident.yaml': ERROR_INCIDENT, 'a.incident.yaml': CLEAN_INCIDENT });
    const r = cli(['lint', '--format', 'json', '.'], dir);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.length, 2);
    assert.ok(path.isAbsolute(out[0].filePath) && out[0].filePath.endsWith(`${path.sep}a.incident.yaml`), out[0].filePath);
    assert.deepEqual(out[0], { filePath: out[0].filePath, messages: [], errorCount: 0, warningCount: 0 });
    const [m] = out[1].messages;
    assert.deepEqual(Object.keys(m).sort(), ['column', 'endColumn', 'endLine', 'line', 'message', 'ruleId', 'severity']);
    assert.deepEqual([m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn], ['schema', 'error', 13, 11, 13, 19]);
    assert.equal(out[1].errorCount, 1);
  });

  it('--max-warnings: over the limit exits 1, at the limit exits 0', () => {
    const dir = tempTree({ 'w.incident.yaml': WARNING_INCIDENT });
    assert.equal(cli(['lint'], dir).code, 0);
    assert.equal(cli(['lint', '--max-warnings', '1'], dir).code, 0);
    const over = cli(['lint', '--max-warnings', '0'], dir);
    assert.equal(over.code, 1);
    assert.match(over.stdout, /Too many warnings: 1 \(maximum: 0\)/);
    assert.equal(cli(['lint', '--max-warnings', 'many'], dir).code, 2);
  });

  it('--quiet hides warnings but keeps errors', () => {
    const dir = tempTree({ 'w.incident.yaml': WARNING_INCIDENT, 'e.incident.yaml': ERROR_INCIDENT });
    const loud = JSON.parse(cli(['lint', '--format', 'json'], dir).stdout);
    assert.deepEqual(loud.map((f: { messages: unknown[] }) => f.messages.length), [1, 1]);
    const quiet = cli(['lint', '--quiet', '--format', 'json'], dir);
    assert.equal(quiet.code, 1);
    const q = JSON.parse(quiet.stdout);
    assert.deepEqual(q.map((f: { messages: { severity: string }[] }) => f.messages.map((m) => m.severity)), [['error'], []]);
  });

  it('a missing path exits 2 with one line on stderr and no stack', () => {
    const dir = tempTree({ 'a.incident.yaml': CLEAN_INCIDENT });
    const r = cli(['lint', 'nope.incident.yaml'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'incident-command: nope.incident.yaml: no such file or directory.\n');
  });

  it('a glob that matches nothing, an unknown option or format, and an unknown command exit 2', () => {
    const dir = tempTree({ 'a.incident.yaml': CLEAN_INCIDENT });
    for (const args of [['lint', 'missing/**/*.incident.yaml'], ['lint', '--frmat', 'json'], ['lint', '--format', 'xml'], ['lnt'], ['lint', '--lang', 'fr']]) {
      const r = cli(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^incident-command: [^\n]+\n$/, args.join(' '));
    }
  });

  it('an unreadable file exits 2', function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root reads anything
    const dir = tempTree({ 'a.incident.yaml': CLEAN_INCIDENT });
    fs.chmodSync(path.join(dir, 'a.incident.yaml'), 0o000);
    const r = cli(['lint'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^incident-command: cannot read .*a\.incident\.yaml \(EACCES\)\.\n$/);
  });

  it('a dangling link named on the command line exits 2', function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempTree({ 'a.incident.yaml': CLEAN_INCIDENT });
    fs.symlinkSync(path.join(dir, 'gone'), path.join(dir, 'b.incident.yaml'));
    const r = cli(['lint', 'b.incident.yaml'], dir);
    assert.equal(r.code, 2, r.stdout);
    assert.equal(r.stderr, 'incident-command: b.incident.yaml: no such file or directory.\n');
    assert.equal(cli(['lint'], dir).code, 0, 'a folder walk skips it');
  });

  it('a directory passed as a file-like path is read as a folder, not an error', () => {
    const dir = tempTree({ 'odd.incident.yaml/inner.incident.yaml': CLEAN_INCIDENT });
    assert.equal(cli(['lint', 'odd.incident.yaml'], dir).code, 0);
  });

  it('a broken config: a clear one-line message and exit 2', () => {
    const dir = tempTree({ '.incident-command.yaml': 'timezone: [Asia/Seoul\n', 'a.incident.yaml': CLEAN_INCIDENT });
    const r = cli(['lint', 'a.incident.yaml'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^incident-command: config \.incident-command\.yaml:\d+:\d+ is not valid YAML: .+\n$/);
    const missing = cli(['lint', '--config', 'none.yaml'], dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'incident-command: config none.yaml does not exist.\n');
  });

  it('applies the nearest config and --config overrides it', () => {
    const dir = tempTree({
      'team/.incident-command.yaml': 'rules:\n  schema: warning\n',
      'team/e.incident.yaml': ERROR_INCIDENT,
      'strict.yaml': 'rules:\n  schema: error\n',
    });
    const near = JSON.parse(cli(['lint', '--format', 'json', 'team/e.incident.yaml'], dir).stdout);
    assert.equal(near[0].messages[0].severity, 'warning');
    const forced = cli(['lint', '--format', 'json', '--config', 'strict.yaml', 'team/e.incident.yaml'], dir);
    assert.equal(forced.code, 1);
    assert.equal(JSON.parse(forced.stdout)[0].messages[0].severity, 'error');
  });

  it('speaks Korean from --lang, the config language, or LANG', () => {
    const dir = tempTree({ 'e.incident.yaml': ERROR_INCIDENT, 'k/.incident-command.yaml': 'language: ko\n', 'k/e.incident.yaml': ERROR_INCIDENT });
    assert.match(cli(['lint', '--lang', 'ko', 'e.incident.yaml'], dir).stdout, /오류 1개/);
    assert.match(cli(['lint', 'k'], dir).stdout, /✖ 문제 1개 \(오류 1개, 경고 0개\)/);
    assert.match(cli(['lint', 'e.incident.yaml'], dir, { LANG: 'ko_KR.UTF-8' }).stdout, /"kind" 값 "detecton"/);
    assert.match(cli(['lint', '--lang', 'en', 'k'], dir).stdout, /1 problem/);
  });

  it('--help and --version', () => {
    const dir = tempTree({});
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    assert.equal(cli(['--version'], dir).stdout, `${pkg.version}\n`);
    const help = cli(['--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^ {2}lint +Check/m);
    const lintHelp = cli(['lint', '--help'], dir);
    assert.match(lintHelp.stdout, /--max-warnings <n>/);
    assert.equal(cli([], dir).code, 0);
  });
});
