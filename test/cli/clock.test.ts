import * as assert from 'node:assert/strict';
import { cli, tempTree } from './helpers';

const H = 3600000;
const M = 60000;

// The seed's two windows in Seoul; m2 has no announced end.
const SEED = `incident: 2021-01-25-seed
title: Long maintenance
service: game
severity: SEV1
status: resolved
timezone: Asia/Seoul
impact:
  start: 2021-01-25T16:00
maintenance:
  - id: m1
    start: 2021-01-25T16:52
    announced_end: 2021-01-26T04:00
    end: 2021-01-26T23:37
  - id: m2
    start: 2021-01-27T02:40
    end: 2021-01-27T08:30
timeline:
  - at: 2021-01-25T16:30
    kind: detection
    text: reads refused
  - at: 2021-01-25T16:52
    kind: maintenance-start
    window: m1
    text: down
  - at: 2021-01-26T09:45
    kind: communication
    window: m1
    text: notice
  - at: 2021-01-27T06:00
    kind: mitigation
    text: queue in front of login
  - at: 2021-01-27T09:00
    kind: resolution
    text: stable
`;

interface Json {
  incident: string; status: string; now: string;
  windows: { id: string; start: string; end: string | null; open: boolean; elapsedMs: number; announcedEnd: string | null; overrunMs: number | null }[];
  totalMaintenanceMs: number;
  metrics: { timeToDetectMs: number | null; timeToMitigateMs: number | null; timeToResolveMs: number | null };
  sinceLastCommunicationMs: number | null;
  nextNoticeDue: string | null;
}

function runJson(args: string[], files: Record<string, string> = { 'seed.incident.yaml': SEED }): Json {
  const r = cli(['clock', ...args, '--json'], tempTree(files));
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Json;
}

describe('cli: clock', () => {
  it('--json: closed windows, totals, metrics, with the log\'s offset', () => {
    const j = runJson(['seed.incident.yaml']);
    assert.equal(j.incident, '2021-01-25-seed');
    assert.equal(j.status, 'resolved');
    assert.equal(j.now, '2026-11-22T21:00:00+09:00'); // INCIDENT_COMMAND_NOW, shown in Seoul
    assert.deepEqual(j.windows.map((w) => [w.id, w.start, w.end, w.open, w.elapsedMs, w.announcedEnd, w.overrunMs]), [
      ['m1', '2021-01-25T16:52:00+09:00', '2021-01-26T23:37:00+09:00', false, 30 * H + 45 * M, '2021-01-26T04:00:00+09:00', 19 * H + 37 * M],
      ['m2', '2021-01-27T02:40:00+09:00', '2021-01-27T08:30:00+09:00', false, 5 * H + 50 * M, null, null],
    ]);
    assert.equal(j.totalMaintenanceMs, 36 * H + 35 * M);
    assert.deepEqual(j.metrics, { timeToDetectMs: 30 * M, timeToMitigateMs: 37 * H + 30 * M, timeToResolveMs: 40 * H + 30 * M });
    assert.equal(j.nextNoticeDue, null);
  });

  it('--at reads the moment in the log\'s zone and replays the clocks as they stood', () => {
    const j = runJson(['seed.incident.yaml', '--at', '2021-01-26T10:30']);
    assert.equal(j.now, '2021-01-26T10:30:00+09:00');
    assert.deepEqual(j.windows.map((w) => [w.id, w.end, w.open, w.elapsedMs]), [['m1', null, true, 17 * H + 38 * M], ['m2', null, false, 0]]);
    assert.equal(j.windows[0].overrunMs, 6 * H + 30 * M);
    assert.deepEqual(j.metrics, { timeToDetectMs: 30 * M, timeToMitigateMs: null, timeToResolveMs: null });
    assert.equal(j.sinceLastCommunicationMs, 45 * M);
    assert.equal(j.nextNoticeDue, '2021-01-26T10:45:00+09:00');
    const utc = runJson(['seed.incident.yaml', '--at', '2021-01-26T01:30Z']);
    assert.equal(utc.now, '2021-01-26T10:30:00+09:00');
  });

  it('prints a readable table in the log\'s language or the one asked for', () => {
    const dir = tempTree({ 'seed.incident.yaml': SEED });
    const en = cli(['clock', 'seed.incident.yaml', '--at', '2021-01-26T10:30', '--lang', 'en'], dir);
    assert.equal(en.code, 0, en.stderr);
    assert.match(en.stdout, /^m1 +2021-01-25 16:52 +\(open\) +17 h 38 m +2021-01-26 04:00 +6 h 30 m over$/m);
    assert.match(en.stdout, /^m2 +2021-01-27 02:40 +\(not started\) +0 m +— +—$/m);
    assert.match(en.stdout, /^total maintenance: 17 h 38 m$/m);
    assert.match(en.stdout, /^time to mitigate +—$/m);
    assert.match(en.stdout, /^next notice due +2021-01-26 10:45 \(in 15 m, every 1 h\)$/m);
    const ko = cli(['clock', 'seed.incident.yaml', '--lang', 'ko'], dir);
    assert.match(ko.stdout, /^m1 +2021-01-25 16:52 +2021-01-26 23:37 +30시간 45분 +2021-01-26 04:00 +19시간 37분 초과$/m);
    assert.match(ko.stdout, /^총 점검 시간: 36시간 35분$/m);
    assert.match(ko.stdout, /^발견까지 걸린 시간 +30분$/m);
  });

  it('reads an ambiguous --at as the earlier instant and says so', () => {
    const log = SEED.replace('timezone: Asia/Seoul', 'timezone: America/New_York');
    const dir = tempTree({ 'ny.incident.yaml': log });
    const r = cli(['clock', 'ny.incident.yaml', '--at', '2021-11-07T01:30', '--json'], dir);
    assert.equal(r.code, 0);
    assert.equal((JSON.parse(r.stdout) as Json).now, '2021-11-07T01:30:00-04:00');
    assert.match(r.stderr, /happens twice in America\/New_York; using the earlier \(-04:00\)/);
  });

  it('exits 2 with one line for bad usage and unreadable files', () => {
    const dir = tempTree({
      'seed.incident.yaml': SEED, 'broken.incident.yaml': 'incident: [a\n', 'x.runbook.yaml': 'runbook: x\n',
      'nozone.incident.yaml': SEED.replace('timezone: Asia/Seoul\n', ''),
    });
    const cases: [string[], RegExp][] = [
      [['clock'], /takes one incident log, got 0/],
      [['clock', 'missing.incident.yaml'], /missing\.incident\.yaml does not exist/],
      [['clock', 'broken.incident.yaml'], /broken\.incident\.yaml:\d+:\d+ is not valid YAML/],
      [['clock', 'x.runbook.yaml'], /is a runbook, not an incident log/],
      [['clock', 'seed.incident.yaml', '--at', 'yesterday'], /--at "yesterday" is not a timestamp/],
      [['clock', 'nozone.incident.yaml', '--at', '2021-01-26T10:30'], /has no offset and the log has no timezone/],
      [['clock', 'seed.incident.yaml', '--lang', 'fr'], /--lang must be en or ko/],
      [['clock', 'seed.incident.yaml', '--bogus'], /bogus/],
    ];
    for (const [args, re] of cases) {
      const r = cli(args, dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, re);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
    }
  });

  it('is listed in the global help and has its own', () => {
    const dir = tempTree({});
    assert.match(cli(['--help'], dir).stdout, /^ {2}clock +Show maintenance clocks/m);
    const own = cli(['clock', '--help'], dir);
    assert.equal(own.code, 0);
    assert.match(own.stdout, /--at <timestamp>/);
  });
});
