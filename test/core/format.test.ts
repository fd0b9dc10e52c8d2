import * as assert from 'node:assert/strict';
import {
  formatDuration, formatElapsed, formatMaintenanceElapsed, formatOverrun, formatStopwatch,
  formatWallClock, formatWallDate, formatWallTime, wallDayKey,
} from '../../src/core/format';

const S = 1000;
const M = 60 * S;
const H = 60 * M;

describe('formatDuration', () => {
  it('says hours and minutes the way the postmortem does', () => {
    assert.equal(formatDuration(30 * H + 45 * M, 'ko'), '30시간 45분');
    assert.equal(formatDuration(30 * H + 45 * M, 'en'), '30 h 45 m');
    assert.equal(formatDuration(5 * H + 50 * M, 'ko'), '5시간 50분');
  });

  it('keeps counting hours past a day unless days are asked for', () => {
    assert.equal(formatDuration(56 * H, 'ko'), '56시간');
    assert.equal(formatDuration(30 * H + 45 * M, 'ko', { days: true }), '1일 6시간 45분');
    assert.equal(formatDuration(30 * H + 45 * M, 'en', { days: true }), '1 d 6 h 45 m');
    assert.equal(formatDuration(48 * H + 5 * M, 'en', { days: true }), '2 d 5 m');
  });

  it('drops zero parts and truncates rather than rounds up', () => {
    assert.equal(formatDuration(31 * H, 'en'), '31 h');
    assert.equal(formatDuration(45 * M, 'ko'), '45분');
    assert.equal(formatDuration(17 * H + 38 * M + 59 * S, 'ko'), '17시간 38분');
  });

  it('shows seconds under a minute, or when asked', () => {
    assert.equal(formatDuration(30 * S, 'ko'), '30초');
    assert.equal(formatDuration(30 * S, 'en'), '30 s');
    assert.equal(formatDuration(H + 5 * S, 'en', { seconds: true }), '1 h 5 s');
    assert.equal(formatDuration(0, 'ko'), '0분');
    assert.equal(formatDuration(0, 'en'), '0 m');
  });

  it('signs negative spans and survives non-numbers', () => {
    assert.equal(formatDuration(-(2 * H + 3 * M), 'en'), '-2 h 3 m');
    assert.equal(formatDuration(NaN, 'ko'), '?');
    assert.equal(formatDuration(Infinity, 'en'), '?');
  });
});

describe('elapsed and overrun phrases', () => {
  it('says the maintenance clock as the teams counted it', () => {
    const ms = 17 * H + 38 * M;
    assert.equal(formatElapsed(ms, 'ko'), '17시간 38분 경과');
    assert.equal(formatElapsed(ms, 'en'), '17 h 38 m elapsed');
    assert.equal(formatMaintenanceElapsed(ms, 'ko'), '점검 17시간 38분 경과');
    assert.equal(formatMaintenanceElapsed(16 * H, 'en'), 'maintenance, 16 h elapsed');
  });

  it('tells over from left', () => {
    assert.equal(formatOverrun(4 * H + 5 * M, 'ko'), '4시간 5분 초과');
    assert.equal(formatOverrun(4 * H + 5 * M, 'en'), '4 h 5 m over');
    assert.equal(formatOverrun(-(H + 20 * M), 'ko'), '1시간 20분 남음');
    assert.equal(formatOverrun(-(H + 20 * M), 'en'), '1 h 20 m left');
    assert.equal(formatOverrun(30 * S, 'en'), 'on time');
  });

  it('runs a stopwatch past 24 hours', () => {
    assert.equal(formatStopwatch(16 * H + 5 * M + 12 * S), '16:05:12');
    assert.equal(formatStopwatch(36 * H + 30 * M), '36:30:00');
    assert.equal(formatStopwatch(999), '0:00:00');
    assert.equal(formatStopwatch(-61 * S), '-0:01:01');
  });
});

describe('wall-clock dates', () => {
  // 2021-01-25 16:52 in Seoul (+09:00), the hour the first maintenance began.
  const start = Date.parse('2021-01-25T07:52:00Z');

  it('reads an instant in the zone, in Korean and English', () => {
    assert.equal(formatWallClock(start, 'Asia/Seoul', 'ko'), '1월 25일 오후 4시 52분');
    assert.equal(formatWallClock(start, 'Asia/Seoul', 'en'), 'Jan 25, 4:52 PM');
    assert.equal(formatWallClock(start, 'America/New_York', 'en'), 'Jan 25, 2:52 AM');
    assert.equal(formatWallClock(start, 'America/New_York', 'ko'), '1월 25일 오전 2시 52분');
  });

  it('drops "0분" on the hour and handles midnight and noon', () => {
    assert.equal(formatWallTime(Date.parse('2021-01-25T10:00:00Z'), 'Asia/Seoul', 'ko'), '오후 7시');
    assert.equal(formatWallClock(Date.parse('2021-01-25T15:00:00Z'), 'Asia/Seoul', 'ko'), '1월 26일 오전 12시');
    assert.equal(formatWallClock(Date.parse('2021-01-25T15:00:00Z'), 'Asia/Seoul', 'en'), 'Jan 26, 12:00 AM');
    assert.equal(formatWallTime(Date.parse('2021-01-25T03:05:00Z'), 'Asia/Seoul', 'ko'), '오후 12시 5분');
  });

  it('adds the year and weekday on request', () => {
    assert.equal(formatWallClock(start, 'Asia/Seoul', 'ko', { year: true, weekday: true }), '2021년 1월 25일 (월) 오후 4시 52분');
    assert.equal(formatWallClock(start, 'Asia/Seoul', 'en', { year: true, weekday: true }), 'Mon, Jan 25, 2021, 4:52 PM');
    assert.equal(formatWallDate(start, 'Asia/Seoul', 'ko'), '1월 25일');
  });

  it('shows both 1:30 AMs of a fall-back night as the clocks did', () => {
    const edt = Date.parse('2021-11-07T05:30:00Z'); // 01:30 -04:00
    const est = Date.parse('2021-11-07T06:30:00Z'); // 01:30 -05:00, an hour later
    assert.equal(formatWallClock(edt, 'America/New_York', 'en'), 'Nov 7, 1:30 AM');
    assert.equal(formatWallClock(est, 'America/New_York', 'en'), 'Nov 7, 1:30 AM');
    // Berlin springs from 02:00 to 03:00: one minute before and after the gap.
    assert.equal(formatWallTime(Date.parse('2021-03-28T00:59:00Z'), 'Europe/Berlin', 'en'), '1:59 AM');
    assert.equal(formatWallTime(Date.parse('2021-03-28T01:00:00Z'), 'Europe/Berlin', 'en'), '3:00 AM');
  });

  it('keys calendar days by the zone, not UTC', () => {
    const t = Date.parse('2021-01-25T15:30:00Z');
    assert.equal(wallDayKey(t, 'Asia/Seoul'), '2021-01-26');
    assert.equal(wallDayKey(t, 'UTC'), '2021-01-25');
  });

  it('falls back to UTC for an unknown zone instead of throwing', () => {
    assert.equal(formatWallClock(start, 'Mars/Olympus', 'en'), 'Jan 25, 7:52 AM');
    assert.equal(formatWallClock(NaN, 'Asia/Seoul', 'ko'), '?');
  });
});
