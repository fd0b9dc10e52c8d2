// `incident-command checklist` on logs written here (not the repository's examples): the
// reopened log owes reopen-admission until it is recorded; --at replays; JSON shape.
import * as assert from 'node:assert/strict';
import { cli, tempTree } from './helpers';

const LOG = `incident: reopen-1
title: Database refuses reads
service: game
severity: SEV1
status: monitoring
timezone: Asia/Seoul
roles: { commander: lcw }
maintenance:
  - id: m1
    start: 2021-01-25T16:52
    announced_end: 2021-01-26T04:00
    end: 2021-01-26T23:37
timeline:
  - at: 2021-01-25T16:52
    kind: maintenance-start
    window: m1
    text: down
checklist:
  user-notice: { done: 2021-01-25T17:05 }
  vendor-contact: { skipped: no vendor involved }
`;

describe('cli: checklist', () => {
  it('lists reopen-admission as pending for a log that reopened without recording it, with its line', () => {
    const dir = tempTree({ 'a.incident.yaml': LOG });
    const r = cli(['checklist', 'a.incident.yaml'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\[ \] reopen-admission\s+a queue or admission limit/);
    assert.match(r.stdout, /\[x\] user-notice/);
    assert.match(r.stdout, /\[-\] vendor-contact[\s\S]*skipped: no vendor involved/);
    assert.match(r.stdout, /since 2021-01-26 23:37 · line 12/);
    assert.match(r.stdout, /^7 pending$/m);
  });

  it('does not list it once the log records it', () => {
    const dir = tempTree({ 'a.incident.yaml': `${LOG}  reopen-admission: { done: 2021-01-26T23:20, by: lcw }\n` });
    const json = JSON.parse(cli(['checklist', 'a.incident.yaml', '--json'], dir).stdout);
    const adm = json.items.find((i: { id: string }) => i.id === 'reopen-admission');
    assert.equal(adm.state, 'done');
    assert.deepEqual(adm.record, { done: '2021-01-26T23:20', skipped: null, by: 'lcw', note: null, counts: true });
    assert.equal(json.pending, 6);
  });

  it('replays with --at: cadence and announced end during the window, in the log\'s zone', () => {
    const dir = tempTree({ 'a.incident.yaml': LOG });
    const json = JSON.parse(cli(['checklist', 'a.incident.yaml', '--at', '2021-01-26T10:30', '--json'], dir).stdout);
    assert.equal(json.now, '2021-01-26T10:30:00+09:00');
    const by = (id: string) => json.items.find((i: { id: string }) => i.id === id);
    assert.equal(by('status-update').state, 'pending');
    assert.equal(by('announced-end').state, 'pending');
    assert.deepEqual(by('announced-end').cause, { kind: 'window', field: 'announced_end', line: 11, windowId: 'm1', index: 0 });
    assert.equal(by('announced-end').dueAt, '2021-01-26T04:00:00+09:00');
    assert.equal(by('user-notice').state, 'done');
  });

  it('reads team items from the nearest config and speaks Korean', () => {
    const dir = tempTree({
      '.incident-command.yaml': 'checklists:\n  - id: cafe-notice\n    trigger: maintenance-start\n    text: { en: pinned on the cafe, ko: 카페에 공지를 고정했습니까? }\n',
      'logs/a.incident.yaml': LOG,
    });
    const r = cli(['checklist', 'logs/a.incident.yaml', '--lang', 'ko'], dir);
    assert.match(r.stdout, /점검 시작\n[\s\S]*\[ \] cafe-notice\s+카페에 공지를 고정했습니까\?/);
    assert.match(r.stdout, /대기 8개/);
  });

  it('lint reports pending items as info, and the config can turn them off', () => {
    const dir = tempTree({ 'a.incident.yaml': LOG });
    const r = cli(['lint', 'a.incident.yaml', '--format', 'json'], dir);
    const ids = JSON.stringify(JSON.parse(r.stdout));
    assert.match(ids, /checklist\/reopen-admission/);
    assert.equal(r.code, 0, 'info findings do not fail lint');
    const off = tempTree({ 'a.incident.yaml': LOG, '.incident-command.yaml': 'rules:\n  checklist: off\n' });
    assert.doesNotMatch(cli(['lint', 'a.incident.yaml', '--format', 'json'], off).stdout, /checklist\//);
  });

  it('refuses bad usage with exit 2', () => {
    const dir = tempTree({ 'a.incident.yaml': LOG, 'b.runbook.yaml': 'runbook: x\n' });
    assert.equal(cli(['checklist'], dir).code, 2);
    assert.equal(cli(['checklist', 'missing.incident.yaml'], dir).code, 2);
    assert.equal(cli(['checklist', 'b.runbook.yaml'], dir).code, 2);
    assert.match(cli(['checklist', 'a.incident.yaml', '--at', 'soon'], dir).stderr, /--at "soon" is not a timestamp/);
  });
});
