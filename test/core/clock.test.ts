import * as assert from 'node:assert/strict';
import { activeWindow, computeClock, entryClock, formatStatusClock, formatTPlus } from '../../src/core/clock';
import { defaultConfig } from '../../src/core/config';
import { formatMaintenanceElapsed } from '../../src/core/format';
import { entry, H, incidentOf, logText, M, S, win } from './clock-helpers';

const cfg = defaultConfig(); // status_update_every: 60m

// The seed's 36 + 20 hours, in Seoul: the first window opened at 16:52 on Jan 25, ran through
// two midnights' worth of work and closed at 23:37 on the 26th (30 h 45 m); the reopening
// overloaded and a second window ran from 02:40 to 08:30 on the 27th (5 h 50 m).
const SEED = logText('Asia/Seoul',
  win('m1', '2021-01-25T16:52', '2021-01-26T23:37', '2021-01-26T04:00') +
  win('m2', '2021-01-27T02:40', '2021-01-27T08:30'),
  entry('2021-01-25T16:30', 'detection') +
  entry('2021-01-25T16:52', 'maintenance-start', 'window: m1') +
  entry('2021-01-25T17:10', 'communication', 'window: m1') +
  entry('2021-01-26T10:30', 'action', 'id: csv-start') +
  entry('2021-01-26T23:37', 'maintenance-end', 'window: m1') +
  entry('2021-01-27T01:00', 'observation', 'id: surge') +
  entry('2021-01-27T02:40', 'maintenance-start', 'window: m2') +
  entry('2021-01-27T06:00', 'mitigation') +
  entry('2021-01-27T09:00', 'resolution'),
  'impact:\n  start: "2021-01-25T16:00"');
const AFTER = Date.parse('2021-02-01T00:00:00+09:00');

describe('computeClock', () => {
  it('measures windows across midnight from their timestamps', () => {
    const state = computeClock(incidentOf(SEED), AFTER, cfg);
    assert.deepEqual(state.windows.map((w) => [w.id, w.phase, w.elapsedMs]), [
      ['m1', 'closed', 30 * H + 45 * M],
      ['m2', 'closed', 5 * H + 50 * M],
    ]);
    assert.equal(state.totalMaintenanceMs, 36 * H + 35 * M);
    assert.equal(state.windows[0].endMs, Date.parse('2021-01-26T14:37:00Z'));
  });

  it('measures overrun against the announced end, null without one', () => {
    const state = computeClock(incidentOf(SEED), AFTER, cfg);
    assert.equal(state.windows[0].overrunMs, 19 * H + 37 * M); // 04:00 → 23:37
    assert.equal(state.windows[1].announcedEndMs, null);
    assert.equal(state.windows[1].overrunMs, null);
  });

  it('computes time to detect, mitigate and resolve from the first entries of each kind', () => {
    const { metrics } = computeClock(incidentOf(SEED), AFTER, cfg);
    assert.equal(metrics.timeToDetectMs, 30 * M); // 16:00 → 16:30
    assert.equal(metrics.timeToMitigateMs, 37 * H + 30 * M); // Jan 25 16:30 → Jan 27 06:00
    assert.equal(metrics.timeToResolveMs, 40 * H + 30 * M); // → Jan 27 09:00
  });

  it('leaves a metric null when an entry it needs is missing', () => {
    const log = logText('UTC', '', entry('2021-01-25T10:00', 'mitigation'));
    const { metrics, marks } = computeClock(incidentOf(log), AFTER, cfg);
    assert.deepEqual(metrics, { timeToDetectMs: null, timeToMitigateMs: null, timeToResolveMs: null });
    assert.equal(marks.firstMitigationMs, Date.parse('2021-01-25T10:00:00Z'));
  });

  it('uses the earliest entry of a kind even when the log is out of order', () => {
    const log = logText('UTC', '', entry('2021-01-25T12:00', 'detection') + entry('2021-01-25T11:00', 'detection'),
      'impact:\n  start: "2021-01-25T10:00"');
    assert.equal(computeClock(incidentOf(log), AFTER, cfg).metrics.timeToDetectMs, 1 * H);
  });

  it('runs an open window to now and counts it in the total', () => {
    const log = logText('Asia/Seoul', win('m1', '2026-11-21T22:00', undefined, '2026-11-22T01:00'), entry('2026-11-21T21:31', 'detection'));
    const now = Date.parse('2026-11-22T05:05:12+09:00');
    const state = computeClock(incidentOf(log), now, cfg);
    const w = state.windows[0];
    assert.equal(w.open, true);
    assert.equal(w.phase, 'open');
    assert.equal(w.endMs, null);
    assert.equal(w.elapsedMs, 7 * H + 5 * M + 12 * S);
    assert.equal(w.overrunMs, 4 * H + 5 * M + 12 * S);
    assert.equal(state.totalMaintenanceMs, w.elapsedMs);
    assert.equal(activeWindow(state), w);
  });

  it('reads the log as it stood at now: later ends and entries have not happened yet', () => {
    const at = Date.parse('2021-01-26T10:30:00+09:00');
    const state = computeClock(incidentOf(SEED), at, cfg);
    assert.deepEqual(state.windows.map((w) => [w.id, w.phase, w.endMs, w.elapsedMs]), [
      ['m1', 'open', null, 17 * H + 38 * M],
      ['m2', 'upcoming', null, 0],
    ]);
    assert.equal(state.windows[0].overrunMs, 6 * H + 30 * M);
    assert.equal(state.metrics.timeToMitigateMs, null);
    assert.equal(state.metrics.timeToDetectMs, 30 * M);
    assert.equal(state.totalMaintenanceMs, 17 * H + 38 * M);
  });

  it('skips windows without a readable start and never lets a backwards window subtract', () => {
    const log = logText('UTC',
      '  - id: nostart\n    end: "2021-01-25T10:00"\n' + win('bad', 'tomorrow', '2021-01-25T10:00') + win('back', '2021-01-25T12:00', '2021-01-25T11:00'),
      entry('2021-01-25T09:00', 'note'));
    const state = computeClock(incidentOf(log), AFTER, cfg);
    assert.deepEqual(state.windows.map((w) => [w.id, w.elapsedMs]), [['back', 0]]);
    assert.equal(state.totalMaintenanceMs, 0);
  });

  it('is plain JSON: what the server sends is what the client reads', () => {
    const state = computeClock(incidentOf(SEED), AFTER, cfg);
    assert.deepEqual(JSON.parse(JSON.stringify(state)), state);
    assert.equal(state.zone, 'Asia/Seoul');
    assert.equal(state.incident, 't');
    assert.equal(state.status, 'mitigating');
  });

  it('does not throw on an empty or odd document', () => {
    for (const text of ['', 'incident: [1, 2]\n', 'maintenance: 3\ntimeline: {a: 1}\n', '- a\n- b\n']) {
      const state = computeClock(incidentOf(text), AFTER, cfg);
      assert.equal(state.totalMaintenanceMs, 0);
      assert.equal(state.startMs, null);
    }
  });
});

describe('entryClock', () => {
  const state = computeClock(incidentOf(SEED), AFTER, cfg);
  const entries = incidentOf(SEED).timeline;

  it('gives the seed figure: 17 h 38 m into the first maintenance', () => {
    const c = entryClock(state, entries[3])!;
    assert.deepEqual(c.window, { id: 'm1', index: 0, elapsedMs: 17 * H + 38 * M });
    assert.equal(c.tPlusMs, 18 * H); // first entry 16:30 → 10:30 next day
    assert.equal(formatMaintenanceElapsed(c.window!.elapsedMs, 'ko'), '점검 17시간 38분 경과');
  });

  it('has no window clock before, between and after windows', () => {
    assert.equal(entryClock(state, entries[0])!.window, undefined); // before m1
    assert.equal(entryClock(state, entries[5])!.window, undefined); // between m1 and m2
    assert.equal(entryClock(state, entries[8])!.window, undefined); // after m2
    assert.equal(entryClock(state, entries[0])!.tPlusMs, 0);
  });

  it('counts the start and end instants as inside', () => {
    assert.deepEqual(entryClock(state, entries[1])!.window, { id: 'm1', index: 0, elapsedMs: 0 });
    assert.deepEqual(entryClock(state, entries[4])!.window, { id: 'm1', index: 0, elapsedMs: 30 * H + 45 * M });
    assert.deepEqual(entryClock(state, entries[7])!.window, { id: 'm2', index: 1, elapsedMs: 3 * H + 20 * M });
  });

  it('at a boundary two windows share, prefers the window the entry names, else the one starting', () => {
    const log = logText('UTC', win('a', '2021-01-25T10:00', '2021-01-25T12:00') + win('b', '2021-01-25T12:00', '2021-01-25T13:00'),
      entry('2021-01-25T12:00', 'maintenance-end', 'window: a') + entry('2021-01-25T12:00', 'note'));
    const s = computeClock(incidentOf(log), AFTER, cfg);
    const [named, plain] = incidentOf(log).timeline;
    assert.equal(entryClock(s, named)!.window!.id, 'a');
    assert.equal(entryClock(s, plain)!.window!.id, 'b');
    assert.equal(entryClock(s, { atMs: Date.parse('2021-01-25T12:00:00Z'), window: 'b' })!.window!.elapsedMs, 0);
  });

  it('is undefined for an entry without a readable time', () => {
    const log = logText('UTC', '', '  - at: "soon"\n    kind: note\n    text: x\n');
    const s = computeClock(incidentOf(log), AFTER, cfg);
    assert.equal(entryClock(s, incidentOf(log).timeline[0]), undefined);
    assert.equal(entryClock(s, { atMs: NaN }), undefined);
  });
});

describe('communication cadence', () => {
  const log = logText('UTC', win('m1', '2021-01-25T10:00', undefined, '2021-01-25T14:00'),
    entry('2021-01-25T09:50', 'communication') + entry('2021-01-25T11:15', 'communication') + entry('2021-01-25T13:00', 'communication'));

  it('runs from the later of the last notice and the window start', () => {
    const c = computeClock(incidentOf(log), Date.parse('2021-01-25T12:45:00Z'), cfg).communication;
    assert.equal(c.lastMs, Date.parse('2021-01-25T11:15:00Z'));
    assert.equal(c.sinceLastMs, 90 * M);
    assert.equal(c.nextDueMs, Date.parse('2021-01-25T12:15:00Z'));
    assert.equal(c.overdueMs, 30 * M);
    const early = computeClock(incidentOf(log), Date.parse('2021-01-25T10:20:00Z'), cfg).communication;
    assert.equal(early.sinceLastMs, 30 * M); // the 09:50 notice, before the window
    assert.equal(early.nextDueMs, Date.parse('2021-01-25T11:00:00Z')); // from the start, not 09:50
    assert.equal(early.overdueMs, 0);
  });

  it('follows the configured cadence and stops once no window is open', () => {
    const c = computeClock(incidentOf(log), Date.parse('2021-01-25T13:10:00Z'), { statusUpdateEveryMs: 20 * M }).communication;
    assert.equal(c.cadenceMs, 20 * M);
    assert.equal(c.nextDueMs, Date.parse('2021-01-25T13:20:00Z'));
    const closed = logText('UTC', win('m1', '2021-01-25T10:00', '2021-01-25T11:00'), entry('2021-01-25T10:30', 'communication'));
    const after = computeClock(incidentOf(closed), Date.parse('2021-01-25T12:00:00Z'), cfg).communication;
    assert.equal(after.sinceLastMs, 90 * M);
    assert.equal(after.nextDueMs, null);
    assert.equal(after.overdueMs, null);
  });
});

describe('clock text', () => {
  it('formats the T+ inlay', () => {
    assert.equal(formatTPlus({ tPlusMs: 26 * H + 5 * M, window: { id: 'm1', index: 0, elapsedMs: 16 * H + 5 * M } }), 'T+1d 2h05m · m1 +16h05m');
    assert.equal(formatTPlus({ tPlusMs: 45 * M }), 'T+45m');
    assert.equal(formatTPlus({ tPlusMs: -5 * M }), 'T-5m');
    assert.equal(formatTPlus({ tPlusMs: null, window: { id: null, index: 1, elapsedMs: 0 } }), '#2 +0s');
  });

  it('formats the status bar clock from instants, so the client can tick it', () => {
    const start = Date.parse('2026-11-21T13:00:00Z');
    const w = { id: 'm1', index: 0, startMs: start, endMs: null, announcedEndMs: start + 12 * H };
    const now = start + 16 * H + 5 * M + 12 * S;
    assert.equal(formatStatusClock(w, now, 'en'), '$(watch) m1 16:05:12 · 4h05m over');
    assert.equal(formatStatusClock(w, now, 'ko'), '$(watch) m1 16:05:12 · 4h05m 초과');
    assert.equal(formatStatusClock(w, start + 10 * H + 40 * M, 'en'), '$(watch) m1 10:40:00 · 1h20m left');
    assert.equal(formatStatusClock({ ...w, announcedEndMs: null }, now, 'ko'), '$(watch) m1 16:05:12');
    assert.equal(formatStatusClock(w, start - 20 * M, 'ko'), '$(watch) m1 20m 후 시작');
    assert.equal(formatStatusClock({ ...w, endMs: start + 30 * H }, now + 40 * H, 'en'), '$(check) m1 30:00:00 · 18h00m over');
  });
});
