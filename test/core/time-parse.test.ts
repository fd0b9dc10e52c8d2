// Reading timestamps: calendar ranges and wall clocks in a zone, against plain references (the
// calendar of `Date`, and a search over every offset the zone has within a day).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTimestamp, zoneOffsetMinutes } from '../../src/core/time';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('parseTimestamp', () => {
  it('accepts a day exactly when the calendar has it (leap years included)', () => {
    fc.assert(fc.property(fc.integer({ min: 1800, max: 2400 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, mo, d) => {
      const real = new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
      const r = parseTimestamp(`${y}-${pad(mo)}-${pad(d)}T12:00Z`, undefined);
      assert.equal(r.ok, real, `${y}-${mo}-${d}`);
      if (!r.ok) assert.equal(r.problem, 'range');
    }), { numRuns: 2000 });
    assert.equal(parseTimestamp('1900-02-29T00:00Z', undefined).ok, false);
    assert.equal(parseTimestamp('2000-02-29T00:00Z', undefined).ok, true);
    assert.equal(parseTimestamp('2024-02-29T00:00Z', undefined).ok, true);
  });

  it('reads a wall clock in a zone as every instant that shows it, the earlier first', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Seoul', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo'];
    const Q = 900000;
    /** The wall clock `shift` quarter hours from the zone's next change of offset after `from` (gaps and overlaps are there). */
    const nearChange = (zone: string, from: number, shift: number): number => {
      let lo = from;
      const o = zoneOffsetMinutes(zone, lo);
      let hi = lo;
      while (hi - from < 400 * 86400000 && zoneOffsetMinutes(zone, hi) === o) hi += 86400000;
      if (zoneOffsetMinutes(zone, hi) === o) return from;
      while (hi - lo > Q) { const mid = lo + Math.floor((hi - lo) / 2 / Q) * Q; if (zoneOffsetMinutes(zone, mid) === o) lo = mid; else hi = mid; }
      return hi + o * 60000 + shift * Q;
    };
    const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2035, 0, 1) });
    fc.assert(fc.property(fc.constantFrom(...zones), instant, fc.boolean(), fc.integer({ min: -12, max: 12 }), (zone, around, near, shift) => {
      const wall = Math.floor((near ? nearChange(zone, around, shift) : around) / Q) * Q;
      const d = new Date(wall);
      const text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
      const instants = new Set<number>();
      for (let o = -14 * 60; o <= 14 * 60; o += 15) {
        const t = wall - o * 60000;
        if (zoneOffsetMinutes(zone, t) === o) instants.add(t);
      }
      const want = [...instants].sort((a, b) => a - b);
      const r = parseTimestamp(text, zone);
      assert.ok(r.ok);
      if (want.length === 0) assert.equal(r.time.impossible, true, text);
      else {
        assert.equal(r.time.ms, want[0], `${zone} ${text}`);
        assert.equal(r.time.ambiguous?.laterMs, want.length > 1 ? want[want.length - 1] : undefined, `${zone} ${text}`);
      }
    }), { numRuns: 3000 });
  });

  it('finds both readings of a fall-back hour and none of a spring-forward one', () => {
    const back = parseTimestamp('2021-11-07T01:30', 'America/New_York');
    assert.ok(back.ok);
    assert.equal(back.time.ms, Date.parse('2021-11-07T01:30-04:00'));
    assert.equal(back.time.ambiguous?.laterMs, Date.parse('2021-11-07T01:30-05:00'));
    const gap = parseTimestamp('2021-03-14T02:30', 'America/New_York');
    assert.ok(gap.ok);
    assert.equal(gap.time.impossible, true);
    assert.equal(gap.time.ms, Date.parse('2021-03-14T02:30-05:00'));
  });
});
