// Checklist evaluation: every trigger, the cadence items coming back, team items and their
// severity conditions, records that count only from the moment an item fell due.
import * as assert from 'node:assert/strict';
import { BUILT_IN_ITEMS, checklistItems, ChecklistResult, evaluateChecklist } from '../../src/core/checklist';
import { Config, defaultConfig, readConfig } from '../../src/core/config';
import { readIncident } from '../../src/core/model/incident';
import { parseSource } from '../../src/core/source';

const HEAD = 'incident: i\ntitle: t\nservice: s\nseverity: SEV1\nstatus: mitigating\ntimezone: Asia/Seoul\n';
const at = (s: string) => Date.parse(s);

function evaluate(text: string, now: string, config: Config = defaultConfig()): ChecklistResult {
  const src = parseSource(text, 'x.incident.yaml', 'incident');
  assert.deepEqual(src.yamlErrors, []);
  return evaluateChecklist(readIncident(src, config), config, at(now));
}
const state = (r: ChecklistResult, id: string) => r.items.find((i) => i.id === id)?.state;
const item = (r: ChecklistResult, id: string) => r.items.find((i) => i.id === id)!;
const pendingIds = (r: ChecklistResult) => r.items.filter((i) => i.state === 'pending').map((i) => i.id);
const slice = (text: string, span: readonly [number, number]) => text.slice(span[0], span[1]);

const OPEN = `${HEAD}maintenance:\n  - id: m1\n    start: 2021-01-25T16:52\n    announced_end: 2021-01-26T04:00\ntimeline:\n  - at: 2021-01-25T16:52\n    kind: maintenance-start\n    window: m1\n    text: down\n`;

describe('checklist: built-in items', () => {
  it('has the spec\'s thirteen items, each with English and Korean text', () => {
    assert.equal(BUILT_IN_ITEMS.length, 13);
    for (const i of BUILT_IN_ITEMS) assert.ok(i.text.en && /[가-힣]/.test(i.text.ko), i.id);
    assert.deepEqual(BUILT_IN_ITEMS.filter((i) => i.trigger === 'before-end').map((i) => i.id),
      ['data-verified', 'capacity-headroom', 'replication-caught-up', 'reopen-admission', 'monitoring-watch']);
  });

  it('owes nothing for a log without windows that is not resolved', () => {
    const r = evaluate(`${HEAD}timeline:\n  - at: 2021-01-25T16:40\n    kind: detection\n    text: a\n`, '2021-01-25T08:00Z');
    assert.deepEqual(pendingIds(r), []);
    assert.ok(r.items.every((i) => i.state === 'not-due'));
  });
});

describe('checklist: maintenance-start', () => {
  it('is due once a window exists, anchored on the first window\'s start', () => {
    const text = `${HEAD}maintenance:\n  - id: m2\n    start: 2021-02-15T09:00\n    end: 2021-02-16T05:00\n  - id: m1\n    start: 2021-01-25T16:52\n    end: 2021-01-27T08:30\ntimeline: []\n`;
    const r = evaluate(text, '2021-03-01T00:00Z');
    const notice = item(r, 'user-notice');
    assert.equal(notice.state, 'pending');
    assert.equal(slice(text, notice.cause!.span), 'start: 2021-01-25T16:52');
    assert.equal(notice.cause!.windowId, 'm1');
    assert.equal(notice.dueAtMs, at('2021-01-25T16:52+09:00'));
  });

  it('is due from a maintenance-start entry when no window is written, on its kind', () => {
    const text = `${HEAD}timeline:\n  - at: 2021-01-25T16:52\n    kind: maintenance-start\n    text: down\n`;
    const r = evaluate(text, '2021-01-25T09:00Z');
    const snap = item(r, 'state-snapshot');
    assert.equal(snap.state, 'pending');
    assert.equal(slice(text, snap.cause!.span), 'kind: maintenance-start');
    assert.equal(snap.cause!.kind, 'entry');
  });

  it('counts a done record made before the window (a snapshot belongs before anything changes) and a skip', () => {
    const text = `${OPEN}checklist:\n  state-snapshot: { done: 2021-01-25T16:30 }\n  vendor-contact: { skipped: no vendor involved }\n`;
    const r = evaluate(text, '2021-01-25T08:00Z');
    assert.equal(state(r, 'state-snapshot'), 'done');
    assert.equal(state(r, 'vendor-contact'), 'skipped');
    assert.equal(item(r, 'vendor-contact').record!.skipped, 'no vendor involved');
  });

  it('does not count a record whose done time has not come yet (as with --at)', () => {
    const text = `${OPEN}checklist:\n  user-notice: { done: 2021-01-25T17:30 }\n`;
    assert.equal(state(evaluate(text, '2021-01-25T08:20Z'), 'user-notice'), 'pending');
    assert.equal(state(evaluate(text, '2021-01-25T08:40Z'), 'user-notice'), 'done');
  });
});

describe('checklist: before-end (the reopening)', () => {
  const ended = `${HEAD}maintenance:\n  - id: m1\n    start: 2021-01-25T16:52\n    end: 2021-01-26T23:37\ntimeline: []\n`;

  it('is due when a window has an end, anchored on it', () => {
    const r = evaluate(ended, '2021-01-27T00:00Z');
    const adm = item(r, 'reopen-admission');
    assert.equal(adm.state, 'pending');
    assert.equal(slice(ended, adm.cause!.span), 'end: 2021-01-26T23:37');
  });

  it('is due from a maintenance-end entry, on the entry, even before a window has an end', () => {
    const text = `${OPEN}  - at: 2021-01-26T23:37\n    kind: maintenance-end\n    window: m1\n    text: reopened\n`;
    const adm = item(evaluate(text, '2021-01-27T00:00Z'), 'reopen-admission');
    assert.equal(adm.state, 'pending');
    assert.equal(slice(text, adm.cause!.span), 'kind: maintenance-end');
    assert.equal(adm.cause!.index, 1);
  });

  it('is not pending once reopen-admission is recorded', () => {
    const r = evaluate(`${ended}checklist:\n  reopen-admission:\n    done: 2021-01-26T23:20\n    by: lcw\n`, '2021-01-27T00:00Z');
    assert.equal(state(r, 'reopen-admission'), 'done');
    assert.equal(state(r, 'data-verified'), 'pending');
  });

  it('is not due while the window is open with no end', () => {
    assert.equal(state(evaluate(OPEN, '2021-01-25T09:00Z'), 'reopen-admission'), 'not-due');
  });
});

describe('checklist: resolved', () => {
  it('is due with status: resolved, on the status', () => {
    const text = HEAD.replace('mitigating', 'resolved') + 'timeline: []\n';
    const r = evaluate(text, '2021-01-27T00:00Z');
    assert.deepEqual(pendingIds(r), ['action-items-owned', 'postmortem-drafted']);
    assert.equal(slice(text, item(r, 'postmortem-drafted').cause!.span), 'status: resolved');
  });
});

describe('checklist: open-window, status-update', () => {
  // Cadence 60m; the window opened at 16:52 KST (07:52Z).
  it('is not due inside the first cadence, pending after it, on the window', () => {
    assert.equal(state(evaluate(OPEN, '2021-01-25T08:30Z'), 'status-update'), 'not-due');
    const r = evaluate(OPEN, '2021-01-25T09:00Z');
    const s = item(r, 'status-update');
    assert.equal(s.state, 'pending');
    assert.equal(s.dueAtMs, at('2021-01-25T08:52Z'));
    assert.equal(slice(OPEN, s.cause!.span), 'start: 2021-01-25T16:52');
    assert.match(s.detail!.en, /no notice since the window opened 1h08m ago/);
  });

  it('runs from the last communication, which becomes the cause', () => {
    const text = `${OPEN}  - at: 2021-01-25T17:40\n    kind: communication\n    text: notice posted\n`;
    assert.equal(state(evaluate(text, '2021-01-25T09:30Z'), 'status-update'), 'not-due');
    const s = item(evaluate(text, '2021-01-25T09:41Z'), 'status-update');
    assert.equal(s.state, 'pending');
    assert.equal(s.cause!.kind, 'entry');
    assert.equal(s.cause!.index, 1);
  });

  it('ignores a notice sent before the window opened', () => {
    const text = `${OPEN}  - at: 2021-01-25T16:00\n    kind: communication\n    text: early\n`;
    assert.equal(item(evaluate(text, '2021-01-25T09:00Z'), 'status-update').cause!.kind, 'window');
  });

  it('counts a record only if done after it fell due, and comes back one cadence later', () => {
    const early = `${OPEN}checklist:\n  status-update: { done: 2021-01-25T17:30 }\n`;
    assert.equal(state(evaluate(early, '2021-01-25T09:00Z'), 'status-update'), 'pending');
    const late = `${OPEN}checklist:\n  status-update: { done: 2021-01-25T17:55 }\n`;
    assert.equal(state(evaluate(late, '2021-01-25T09:30Z'), 'status-update'), 'done');
    const again = item(evaluate(late, '2021-01-25T10:00Z'), 'status-update');
    assert.equal(again.state, 'pending');
    assert.equal(again.dueAtMs, at('2021-01-25T09:55Z'));
  });

  it('uses the config\'s status_update_every', () => {
    const { config } = readConfig('status_update_every: 30m\n');
    assert.equal(state(evaluate(OPEN, '2021-01-25T08:30Z', config), 'status-update'), 'pending');
  });

  it('is not due once the window has closed', () => {
    const closed = OPEN.replace('    announced_end: 2021-01-26T04:00\n', '    end: 2021-01-25T18:00\n');
    assert.equal(state(evaluate(closed, '2021-01-26T00:00Z'), 'status-update'), 'not-due');
  });
});

describe('checklist: open-window, announced-end', () => {
  it('is pending once now passes the announced end, on announced_end', () => {
    assert.equal(state(evaluate(OPEN, '2021-01-25T18:00Z'), 'announced-end'), 'not-due');
    const a = item(evaluate(OPEN, '2021-01-25T19:30Z'), 'announced-end');
    assert.equal(a.state, 'pending');
    assert.equal(slice(OPEN, a.cause!.span), 'announced_end: 2021-01-26T04:00');
    assert.match(a.detail!.en, /30m past/);
  });

  it('is settled by a later communication carrying a new expected_end, and returns when that passes', () => {
    const text = `${OPEN}  - at: 2021-01-26T04:10\n    kind: communication\n    text: new end\n    expected_end: 2021-01-26T08:00\n`;
    assert.equal(state(evaluate(text, '2021-01-25T21:00Z'), 'announced-end'), 'not-due');
    const a = item(evaluate(text, '2021-01-25T23:30Z'), 'announced-end');
    assert.equal(a.state, 'pending');
    assert.equal(slice(text, a.cause!.span), 'expected_end: 2021-01-26T08:00');
  });

  it('counts a record done after the announced end, not one done before', () => {
    const before = `${OPEN}checklist:\n  announced-end: { done: 2021-01-26T03:00 }\n`;
    assert.equal(state(evaluate(before, '2021-01-25T19:30Z'), 'announced-end'), 'pending');
    const after = `${OPEN}checklist:\n  announced-end: { done: 2021-01-26T04:05 }\n`;
    assert.equal(state(evaluate(after, '2021-01-25T19:30Z'), 'announced-end'), 'done');
  });

  it('is not due for an open window with no announced end', () => {
    const text = OPEN.replace('    announced_end: 2021-01-26T04:00\n', '');
    assert.equal(state(evaluate(text, '2021-01-27T00:00Z'), 'announced-end'), 'not-due');
  });
});

describe('checklist: team items', () => {
  const CONFIG = `checklists:
  - id: cafe-notice
    trigger: maintenance-start
    text: { en: notice pinned on the game cafe, ko: 게임 카페에 공지를 고정했습니까? }
  - id: exec-call
    trigger: open-window
    text: executives briefed
    when: { severity: [SEV1, SEV2] }
  - id: user-notice
    trigger: resolved
    text: a team redefinition that must not win
`;
  const { config } = readConfig(CONFIG, '.incident-command.yaml');

  it('joins the built-ins, the first definition of an id winning', () => {
    const items = checklistItems(config);
    assert.equal(items.length, 15);
    assert.equal(items.find((i) => i.id === 'user-notice')!.builtIn, true);
    const r = evaluate(OPEN, '2021-01-25T08:00Z', config);
    assert.equal(state(r, 'cafe-notice'), 'pending');
    assert.equal(item(r, 'cafe-notice').text.ko, '게임 카페에 공지를 고정했습니까?');
    assert.equal(item(r, 'user-notice').trigger, 'maintenance-start');
  });

  it('applies severity conditions', () => {
    assert.equal(state(evaluate(OPEN, '2021-01-25T08:00Z', config), 'exec-call'), 'pending');
    const sev3 = OPEN.replace('SEV1', 'SEV3');
    assert.equal(evaluate(sev3, '2021-01-25T08:00Z', config).items.some((i) => i.id === 'exec-call'), false);
  });

  it('asks an open-window team item once per window: a record from an earlier window does not count', () => {
    const two = `${HEAD}maintenance:\n  - id: m1\n    start: 2021-01-25T16:52\n    end: 2021-01-26T23:37\n  - id: m2\n    start: 2021-02-15T09:00\ntimeline: []\nchecklist:\n  exec-call: { done: 2021-01-25T17:00 }\n`;
    assert.equal(state(evaluate(two, '2021-01-25T09:00Z', config), 'exec-call'), 'done');
    const r = evaluate(two, '2021-02-15T01:00Z', config);
    assert.equal(state(r, 'exec-call'), 'pending');
    assert.equal(item(r, 'exec-call').cause!.windowId, 'm2');
  });

  it('lists records that name no item', () => {
    const r = evaluate(`${OPEN}checklist:\n  user-notise: { done: 2021-01-25T17:00 }\n`, '2021-01-25T08:00Z');
    assert.deepEqual(r.unknownRecords.map((u) => u.id), ['user-notise']);
    assert.equal(state(r, 'user-notice'), 'pending');
  });
});
