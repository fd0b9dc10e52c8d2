// The status bar's text, tooltip and colour from a ClockState and the client's own now.
import * as assert from 'node:assert/strict';
import { computeClock } from '../../src/core/clock';
import { defaultConfig } from '../../src/core/config';
import { phaseAt, statusView } from '../../src/extension/clock/status';
import { entry, H, incidentOf, logText, M, S, win } from '../core/clock-helpers';

// Seoul, window opened at 22:00 with 01:00 announced; notices at 22:06 and 23:00, cadence 60 m.
const LOG = logText('Asia/Seoul', win('m1', '2026-11-21T22:00', undefined, '2026-11-22T01:00'),
  entry('2026-11-21T21:31', 'detection') +
  entry('2026-11-21T22:00', 'maintenance-start', 'window: m1') +
  entry('2026-11-21T22:06', 'communication', 'window: m1') +
  entry('2026-11-21T23:00', 'communication', 'window: m1'),
  'impact:\n  start: "2026-11-21T21:24"');
const T0 = Date.parse('2026-11-21T22:00:00+09:00');
// The server read the clock once, at 23:10; the client ticks from there.
const STATE = JSON.parse(JSON.stringify(computeClock(incidentOf(LOG), T0 + 70 * M, defaultConfig())));

describe('clock status bar item', () => {
  it('shows the open window ticking, computed from now and the start', () => {
    const a = statusView(STATE, T0 + 70 * M, 'en')!;
    assert.equal(a.text, '$(watch) m1 1:10:00 · 1h50m left');
    assert.equal(a.colour, undefined);
    // Painted again on the next whole second of the stopwatch, whenever the tick fell.
    assert.equal(a.nextMs, T0 + 70 * M + S);
    assert.equal(statusView(STATE, T0 + 70 * M + 250, 'en')!.nextMs, T0 + 70 * M + S);
    assert.equal(a.windowIndex, 0);
    assert.equal(statusView(STATE, T0 + 70 * M + 2 * S, 'en')!.text, '$(watch) m1 1:10:02 · 1h49m left');
    // A laptop asleep for an hour reads the right time on waking: nothing was counted.
    assert.equal(statusView(STATE, T0 + 130 * M + 5 * S, 'en')!.text, '$(watch) m1 2:10:05 · 49m left');
  });

  it('warns once the announced end passed or a notice is overdue, errors on both', () => {
    // 23:58: on time, but the 23:00 notice's follow-up was due at 00:00 — not yet.
    assert.equal(statusView(STATE, T0 + 118 * M, 'en')!.colour, undefined);
    // 00:30: a notice is 30 m overdue, still before 01:00.
    assert.equal(statusView(STATE, T0 + 150 * M, 'en')!.colour, 'statusBarItem.warningBackground');
    // 02:05: 1 h 5 m over and a notice overdue.
    const late = statusView(STATE, T0 + 4 * H + 5 * M, 'en')!;
    assert.equal(late.colour, 'statusBarItem.errorBackground');
    assert.equal(late.text, '$(watch) m1 4:05:00 · 1h05m over');
    // Over the announced end right after a notice: only the overrun.
    const noticed = JSON.parse(JSON.stringify(STATE));
    noticed.communication.lastMs = T0 + 4 * H;
    assert.equal(statusView(noticed, T0 + 4 * H + 5 * M, 'en')!.colour, 'statusBarItem.warningBackground');
  });

  it('says it in Korean, with every figure in the tooltip', () => {
    const v = statusView(STATE, T0 + 4 * H + 5 * M, 'ko')!;
    assert.equal(v.text, '$(watch) m1 4:05:00 · 1h05m 초과');
    for (const part of ['**m1**', '(진행 중)', '시작: 11월 21일 (토) 오후 10시', '경과: 4시간 5분', '안내한 종료: 11월 22일 (일) 오전 1시',
      '예정 대비: 1시간 5분 초과', '전체 점검 시간: 4시간 5분', '감지까지: 7분', '마지막 공지: 11월 21일 (토) 오후 11시 (3시간 5분 전)',
      '다음 공지: 11월 22일 (일) 오전 12시 (2시간 5분 지남)', 'Asia/Seoul']) {
      assert.ok(v.tooltip.includes(part), `${part}\n${v.tooltip}`);
    }
    const en = statusView(STATE, T0 + 4 * H + 5 * M, 'en')!.tooltip;
    for (const part of ['Elapsed: 4 h 5 m', 'Against announced end: 1 h 5 m over', 'Time to detect: 7 m', 'Next notice due: Sun, Nov 22, 12:00 AM (2 h 5 m overdue)']) {
      assert.ok(en.includes(part), `${part}\n${en}`);
    }
  });

  it('stops ticking once the window closed, and shows several windows in the tooltip', () => {
    const two = logText('UTC', win('m1', '2026-11-20T10:00', '2026-11-20T12:00') + win('m2', '2026-11-20T14:00', '2026-11-20T15:30', '2026-11-20T15:00'),
      entry('2026-11-20T09:00', 'detection'));
    const state = computeClock(incidentOf(two), Date.parse('2026-11-20T13:00Z'), defaultConfig());
    const before = statusView(state, Date.parse('2026-11-20T13:00Z'), 'en')!;
    assert.equal(before.text, '$(watch) m2 starts in 1h00m');
    // A countdown in minutes is painted again each minute, not each second.
    assert.equal(before.nextMs, Date.parse('2026-11-20T13:00Z') + 1);
    assert.equal(statusView(state, Date.parse('2026-11-20T13:00:20Z'), 'en')!.nextMs, Date.parse('2026-11-20T13:01Z') + 1);
    assert.equal(statusView(state, Date.parse('2026-11-20T13:59:30.5Z'), 'en')!.nextMs, Date.parse('2026-11-20T13:59:31Z') + 1);
    // The upcoming window opens on the client's clock alone.
    assert.equal(statusView(state, Date.parse('2026-11-20T14:30Z'), 'en')!.text, '$(watch) m2 0:30:00 · 30m left');
    // An end still ahead when the server read the log arrives with its re-send at that moment.
    const later = computeClock(incidentOf(two), Date.parse('2026-11-20T18:00Z'), defaultConfig());
    const after = statusView(later, Date.parse('2026-11-20T18:00Z'), 'en')!;
    assert.equal(after.text, '$(check) m2 1:30:00 · 30m over');
    assert.equal(after.nextMs, null);
    assert.equal(after.colour, undefined);
    assert.match(after.tooltip, /\*\*m1\*\* \(closed\)[\s\S]*\*\*m2\*\* \(closed\)/);
    assert.match(after.tooltip, /Total maintenance: 3 h 30 m/);
    assert.equal(phaseAt(state.windows[1], Date.parse('2026-11-20T14:30Z')), 'open');
  });

  it('is painted again exactly when its text changes, and not before', () => {
    const two = logText('UTC', win('m1', '2026-11-20T10:00', '2026-11-20T12:00:30') + win('m2', '2026-11-20T14:00', undefined, '2026-11-20T15:00'),
      entry('2026-11-20T09:00', 'detection'));
    const state = computeClock(incidentOf(two), Date.parse('2026-11-20T09:00Z'), defaultConfig());
    const text = (ms: number) => statusView(state, ms, 'en')!.text;
    // Before, in and after m1, before and in m2, at odd milliseconds.
    for (const at of ['09:58:59.999', '10:00:00', '11:59:59.3', '12:00:29.5', '12:00:31', '13:58:10.7', '13:59:58.25', '14:00:00.999']) {
      const now = Date.parse(`2026-11-20T${at}Z`);
      const next = statusView(state, now, 'en')!.nextMs;
      if (next === null) { assert.equal(text(now), text(now + 3 * H), at); continue; }
      assert.ok(next > now, at);
      assert.equal(text(next - 1), text(now), `${at}: changed before ${new Date(next).toISOString()}`);
      assert.notEqual(text(next), text(now), `${at}: same text at ${new Date(next).toISOString()}`);
    }
  });

  it('shows nothing for a log without windows, and escapes Markdown from the log', () => {
    const none = computeClock(incidentOf(logText('UTC', '', entry('2026-11-20T09:00', 'detection'))), T0, defaultConfig());
    assert.equal(statusView(none, T0, 'en'), undefined);
    const tricky = logText('UTC', '  - id: m1\n    title: "*bold* [x](http://e)"\n    start: "2026-11-20T10:00"\n', entry('2026-11-20T09:00', 'detection'));
    const v = statusView(computeClock(incidentOf(tricky), T0, defaultConfig()), T0, 'en')!;
    assert.ok(v.tooltip.includes('\\*bold\\* \\[x\\]\\(http://e\\)'), v.tooltip);
  });
});
