import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, ROOT, tempTree } from './helpers';
import { UsageError } from '../../src/cli/command';
import { decodeChat, writeIfUnchanged } from '../../src/cli/commands/import';

const CHAT = path.join(ROOT, 'test', 'fixtures', 'chat');
const read = (f: string) => fs.readFileSync(path.join(CHAT, f), 'utf8');
const LOG = read('ops.incident.yaml');

function workspace(chatFile: string, chatText = read(chatFile), log = LOG): string {
  return tempTree({ 'ops.incident.yaml': log, [chatFile]: chatText });
}
const ats = (text: string) => [...text.matchAll(/^\s*- at: (\S+)/gm)].map((m) => m[1]);

describe('cli: import', () => {
  for (const [file, from] of [['slack-general-2021-01-25.json', 'slack'], ['kakao-pc-ko.txt', 'kakao'], ['kakao-mobile-en.txt', 'kakao'], ['lines-dated.txt', 'lines']] as const) {
    it(`${file}: entries at their times, in order, the log's lines kept, lint-clean of order problems`, () => {
      const dir = workspace(file);
      const r = cli(['import', file, '--into', 'ops.incident.yaml', '--from', from], dir);
      assert.equal(r.code, 0, r.stderr);
      const out = fs.readFileSync(path.join(dir, 'ops.incident.yaml'), 'utf8');
      const times = ats(out);
      assert.deepEqual(times, [...times].sort());
      assert.ok(times.length > 3);
      for (const line of LOG.split('\n')) assert.ok(out.includes(line), `lost: ${line}`);
      const lint = cli(['lint', 'ops.incident.yaml', '--format', 'json'], dir);
      const files = JSON.parse(lint.stdout) as { messages: { ruleId: string }[] }[];
      assert.equal(files.length, 1);
      const ids = files[0].messages.map((m) => m.ruleId);
      for (const bad of ['timeline-order', 'yaml-syntax', 'schema', 'entry-outside-window', 'unknown-ref', 'unknown-person']) assert.ok(!ids.includes(bad), ids.join(','));
    });
  }

  it('detects the format and maps names with --map; undated lines take the log\'s last entry date and roll past midnight', () => {
    const dir = workspace('lines-undated.txt');
    const r = cli(['import', 'lines-undated.txt', '--into', 'ops.incident.yaml', '--map', '정도원=dwjung'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = fs.readFileSync(path.join(dir, 'ops.incident.yaml'), 'utf8');
    assert.deepEqual(ats(out).slice(-5), ['2021-01-26T23:40', '2021-01-26T23:58', '2021-01-27T00:12', '2021-01-27T01:00', '2021-01-27T03:05']);
    assert.ok(out.includes('    kind: note\n    window: m1\n    by: dwjung\n    text: shard 4 at 80%\n') === false);
    assert.ok(out.includes('  - at: 2021-01-26T23:58\n    kind: note\n    by: dwjung\n    text: shard 4 at 80%\n'), out);
    assert.ok(out.includes('  - at: 2021-01-27T03:05\n    kind: decision\n    by: hjkim\n'), out);
  });

  it('--date sets the day of undated lines; --dry-run writes nothing', () => {
    const dir = workspace('lines-undated.txt');
    const r = cli(['import', 'lines-undated.txt', '--into', 'ops.incident.yaml', '--date', '2021-01-25', '--dry-run'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Would insert 5 entries/);
    assert.match(r.stdout, /2021-01-25T23:40/);
    assert.match(r.stdout, /2021-01-26T03:05/);
    assert.equal(fs.readFileSync(path.join(dir, 'ops.incident.yaml'), 'utf8'), LOG);
  });

  it('unknown senders are named on stderr, kept in the text', () => {
    const dir = workspace('kakao-pc-ko.txt');
    const r = cli(['import', 'kakao-pc-ko.txt', '--into', 'ops.incident.yaml'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /"배가원".*--map/);
    assert.ok(fs.readFileSync(path.join(dir, 'ops.incident.yaml'), 'utf8').includes('text: "배가원: 고객센터 문의 1,200건 넘었습니다"'));
  });

  it('CRLF logs stay CRLF', () => {
    const crlf = LOG.replace(/\n/g, '\r\n');
    const dir = workspace('lines-dated.txt', read('lines-dated.txt'), crlf);
    const r = cli(['import', 'lines-dated.txt', '--into', 'ops.incident.yaml'], dir);
    assert.equal(r.code, 0, r.stderr);
    const out = fs.readFileSync(path.join(dir, 'ops.incident.yaml'), 'utf8');
    assert.ok(!/[^\r]\n/.test(out));
  });

  it('bad usage exits 2 with one line', () => {
    const dir = workspace('lines-undated.txt');
    const cases: string[][] = [
      ['import', 'lines-undated.txt'],
      ['import', 'lines-undated.txt', '--into', 'ops.incident.yaml', '--from', 'teams'],
      ['import', 'lines-undated.txt', '--into', 'ops.incident.yaml', '--date', '25/01/2021'],
      ['import', 'missing.txt', '--into', 'ops.incident.yaml'],
      ['import', 'lines-undated.txt', '--into', 'ops.incident.yaml', '--kind', 'banana'],
      ['import', 'lines-undated.txt', '--into', 'ops.incident.yaml', '--map', 'nohandle'],
    ];
    for (const args of cases) {
      const r = cli(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
    assert.equal(fs.readFileSync(path.join(dir, 'ops.incident.yaml'), 'utf8'), LOG);
  });

  it('undated lines and a log with no entries: asks for --date', () => {
    const dir = tempTree({ 'new.incident.yaml': 'incident: x\ntimezone: Asia/Seoul\n', 'c.txt': '[16:52] hjkim: first\n' });
    const r = cli(['import', 'c.txt', '--into', 'new.incident.yaml'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--date/);
    const ok = cli(['import', 'c.txt', '--into', 'new.incident.yaml', '--date', '2021-01-25'], dir);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'new.incident.yaml'), 'utf8'), /timeline:\n {2}- at: 2021-01-25T16:52\n {4}kind: note\n {4}text: "hjkim: first"\n/);
  });

  it('a log with no zone anywhere needs --zone, then gets offsets', () => {
    const dir = tempTree({ 'z.incident.yaml': 'incident: x\ntimeline: []\n', 'c.txt': '2021-01-25 16:52 a: b\n' });
    assert.equal(cli(['import', 'c.txt', '--into', 'z.incident.yaml'], dir).code, 2);
    const r = cli(['import', 'c.txt', '--into', 'z.incident.yaml', '--zone', 'Asia/Seoul'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'z.incident.yaml'), 'utf8'), /at: 2021-01-25T16:52\+09:00/);
  });
});

describe('cli: import writes safely', () => {
  it('refuses, writing nothing, when the log changed since it was read', () => {
    const dir = tempTree({ 'a.incident.yaml': 'one\n' });
    const file = path.join(dir, 'a.incident.yaml');
    fs.writeFileSync(file, 'someone saved this\n');
    assert.throws(() => writeIfUnchanged(file, 'one\n', 'two\n'), (e: unknown) => e instanceof UsageError && /changed on disk/.test(e.message));
    assert.equal(fs.readFileSync(file, 'utf8'), 'someone saved this\n');
    assert.deepEqual(fs.readdirSync(dir), ['a.incident.yaml']);
    writeIfUnchanged(file, 'someone saved this\n', 'two\n');
    assert.equal(fs.readFileSync(file, 'utf8'), 'two\n');
    assert.deepEqual(fs.readdirSync(dir), ['a.incident.yaml']);
  });

  it('reads UTF-8 with a BOM and UTF-16 exports', () => {
    const text = '[김하준] [오후 4:52] 시작';
    assert.equal(decodeChat(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), text);
    assert.equal(decodeChat(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), text);
  });
});
