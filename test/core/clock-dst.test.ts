// The clocks across DST changes: elapsed time is the difference of instants, so a window
// over a fall-back night is an hour longer than its wall clocks say, and over a
// spring-forward night an hour shorter.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeClock, entryClock } from '../../src/core/clock';
import { defaultConfig } from '../../src/core/config';
import { tzOffset } from '@date-fns/tz';
import { formatInZone, zoneOffsetMinutes } from '../../src/core/time';
import { entry, H, incidentOf, logText, M, win } from './clock-helpers';

const cfg = defaultConfig();
const LATER = Date.parse('2030-01-01T00:00:00Z');

describe('clocks across DST', () => {
  it('America/New_York falling back on 2021-11-07: 23:00 to 03:00 is five hours', () => {
    const log = logText('America/New_York', win('m1', '2021-11-06T23:00', '2021-11-07T03:00', '2021-11-07T01:30-05:00'),
      entry('2021-11-06T23:00', 'maintenance-start') +
      entry('2021-11-07T01:30-04:00', 'action') + // the first 1:30, EDT
      entry('2021-11-07T01:30-05:00', 'action') + // the second 1:30, EST
      entry('2021-11-07T02:30', 'action'));
    const inc = incidentOf(log);
    const state = computeClock(inc, LATER, cfg);
    assert.equal(state.windows[0].elapsedMs, 5 * H);
    assert.equal(state.windows[0].overrunMs, 1 * H + 30 * M);
    assert.deepEqual(inc.timeline.map((e) => entryClock(state, e)!.window!.elapsedMs), [0, 2 * H + 30 * M, 3 * H + 30 * M, 4 * H + 30 * M]);
  });

  it('an open window ticking through the fall-back hour', () => {
    const log = logText('America/New_York', win('m1', '2021-11-07T00:30'), entry('2021-11-07T00:30', 'maintenance-start'));
    const now = Date.parse('2021-11-07T01:45:00-05:00'); // the second 1:45
    const w = computeClock(incidentOf(log), now, cfg).windows[0];
    assert.equal(w.open, true);
    assert.equal(w.elapsedMs, 2 * H + 15 * M);
  });

  it('Europe/Berlin springing forward on 2021-03-28: 01:00 to 04:00 is two hours', () => {
    const log = logText('Europe/Berlin', win('m1', '2021-03-28T01:00', '2021-03-28T04:00'),
      entry('2021-03-28T01:00', 'maintenance-start') + entry('2021-03-28T03:15', 'action'));
    const inc = incidentOf(log);
    const state = computeClock(inc, LATER, cfg);
    assert.equal(state.windows[0].elapsedMs, 2 * H);
    assert.equal(entryClock(state, inc.timeline[1])!.window!.elapsedMs, 1 * H + 15 * M);
    assert.equal(entryClock(state, inc.timeline[1])!.tPlusMs, 1 * H + 15 * M);
  });

  it('offsets written in the file win over the zone, across zones', () => {
    // The same instant written from Seoul and from New York.
    const log = logText('Europe/Berlin', win('m1', '2021-01-25T16:52+09:00', '2021-01-25T05:37-05:00'), entry('2021-01-25T08:52', 'note'));
    assert.equal(computeClock(incidentOf(log), LATER, cfg).windows[0].elapsedMs, 2 * H + 45 * M);
  });

  it('any window written as wall clocks in its zone measures end − start (property)', () => {
    const zones = ['Asia/Seoul', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata'];
    // Starts are drawn near each zone's offset changes so most windows straddle one.
    const changes = zones.flatMap((zone) => offsetChanges(zone, Date.parse('2019-01-01T00:00:00Z'), Date.parse('2024-01-01T00:00:00Z')).map((t) => [zone, t] as const));
    assert.ok(changes.length >= 35, `only ${changes.length} offset changes found`);
    fc.assert(fc.property(
      fc.constantFrom(...changes), fc.integer({ min: -3 * 24 * 60, max: 24 * 60 }), fc.integer({ min: 0, max: 60 * 24 * 4 }),
      ([zone, change], startMin, lengthMin) => {
        const start = change + startMin * M;
        const end = start + lengthMin * M;
        const wall = (ms: number) => formatInZone(ms, zone, "yyyy-MM-dd'T'HH:mm");
        const inc = incidentOf(logText(zone, win('m1', wall(start), wall(end)), entry(wall(start), 'note')));
        // A wall clock in a fall-back hour names two instants; the reader takes the earlier one.
        fc.pre(![inc.windows[0].start, inc.windows[0].end].some((t) => t?.time?.ambiguous));
        const w = computeClock(inc, LATER, cfg).windows[0];
        assert.equal(w.elapsedMs, end - start);
        assert.equal(w.phase, 'closed');
      }), { numRuns: 400 });
  });
});

describe('zone offsets kept per quarter hour', () => {
  it('equal what Intl says at every instant, across DST changes and odd offsets', () => {
    const zones = ['Asia/Seoul', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'Europe/Dublin', 'America/St_Johns'];
    fc.assert(fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2060, 0, 1) }), (zone, ms) => {
      assert.equal(zoneOffsetMinutes(zone, ms), tzOffset(zone, new Date(ms)));
    }), { numRuns: 3000 });
    // The minutes around each change, where a kept quarter hour would first go wrong.
    for (const zone of zones) {
      for (const change of offsetChanges(zone, Date.UTC(2020, 0, 1), Date.UTC(2023, 0, 1))) {
        for (let t = change - 16 * M; t <= change + 16 * M; t += 30000) assert.equal(zoneOffsetMinutes(zone, t), tzOffset(zone, new Date(t)), `${zone} ${new Date(t).toISOString()}`);
      }
    }
  });
});

/** Instants (to the minute) where the zone's offset changes: a day's steps, then a binary search. */
function offsetChanges(zone: string, from: number, to: number): number[] {
  const out: number[] = [];
  const day = 24 * H;
  for (let t = from; t + day < to; t += day) {
    const before = zoneOffsetMinutes(zone, t);
    if (zoneOffsetMinutes(zone, t + day) === before) continue;
    let lo = t;
    let hi = t + day;
    while (hi - lo > M) {
      const mid = lo + Math.floor((hi - lo) / 2 / M) * M;
      if (zoneOffsetMinutes(zone, mid) === before) lo = mid; else hi = mid;
    }
    out.push(hi);
  }
  return out;
}
