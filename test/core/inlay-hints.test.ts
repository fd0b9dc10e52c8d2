// The clock inlays and hovers as the language service builds them, over real analyses.
import * as assert from 'node:assert/strict';
import { defaultConfig, Lang } from '../../src/core/config';
import { analyzeText } from '../../src/core/lint';
import { clockHoverLines, clockOf, inlayHints } from '../../src/core/service/inlay-hints';
import type { ServiceInput } from '../../src/core/service';
import { entry, logText, win } from './clock-helpers';

const NOW = Date.parse('2026-11-22T12:00:00Z');

function inputOf(text: string, lang: Lang = 'en', now = NOW): ServiceInput {
  const config = defaultConfig();
  return { analysis: analyzeText(text, 'a.incident.yaml', config, { lang, now }), config, lang, now };
}

const hintsOf = (text: string, lang: Lang = 'en', now = NOW) => inlayHints(inputOf(text, lang, now)).map((h) => h.label);

describe('clock inlay hints', () => {
  it('counts T+ from the first entry and window time across midnight', () => {
    const text = logText('Asia/Seoul', win('m1', '2026-11-21T22:00', '2026-11-22T04:10'),
      entry('2026-11-21T21:31', 'detection') +
      entry('2026-11-21T22:00', 'maintenance-start', 'window: m1') +
      entry('2026-11-22T00:30', 'observation', 'window: m1') +
      entry('2026-11-22T23:36', 'note'));
    assert.deepEqual(hintsOf(text), ['T+0s', 'T+29m · m1 +0s', 'T+2h59m · m1 +2h30m', 'T+1d 2h05m']);
  });

  it('sits right after the `at` value, quotes included, with padding and the wall clock as tooltip', () => {
    const text = logText('Asia/Seoul', '', entry('2026-11-21T21:31', 'detection'));
    const [hint] = inlayHints(inputOf(text));
    const line = text.split('\n')[hint.position.line];
    assert.equal(line.slice(0, hint.position.character), '  - at: "2026-11-21T21:31"');
    assert.equal(hint.paddingLeft, true);
    assert.equal(hint.tooltip?.value, 'Sat, Nov 21, 2026, 9:31 PM (Asia/Seoul)');
    const [ko] = inlayHints(inputOf(text, 'ko'));
    assert.equal(ko.tooltip?.value, '2026년 11월 21일 (토) 오후 9시 31분 (Asia/Seoul)');
  });

  it('counts real hours over a DST change, not wall-clock hours', () => {
    // New York falls back at 02:00 on 1 Nov 2026: 00:30 to 03:30 on the wall is 4 hours.
    const text = logText('America/New_York', win('m1', '2026-11-01T00:30', '2026-11-01T05:00'),
      entry('2026-11-01T00:30', 'maintenance-start', 'window: m1') + entry('2026-11-01T03:30', 'action', 'window: m1'));
    assert.deepEqual(hintsOf(text), ['T+0s · m1 +0s', 'T+4h00m · m1 +4h00m']);
  });

  it('names the window each entry falls in when there are several', () => {
    const text = logText('UTC',
      win('m1', '2026-11-20T10:00', '2026-11-20T12:00') + win('m2', '2026-11-20T12:00', '2026-11-20T13:00'),
      entry('2026-11-20T09:00', 'detection') +
      entry('2026-11-20T11:00', 'action') +
      entry('2026-11-20T12:00', 'maintenance-end', 'window: m1') +
      entry('2026-11-20T12:00', 'maintenance-start', 'window: m2') +
      entry('2026-11-20T12:30', 'action') +
      entry('2026-11-20T14:00', 'resolution'));
    assert.deepEqual(hintsOf(text), [
      'T+0s', 'T+2h00m · m1 +1h00m', 'T+3h00m · m1 +2h00m', 'T+3h00m · m2 +0s', 'T+3h30m · m2 +30m', 'T+5h00m',
    ]);
  });

  it('labels entries of a window that is still open', () => {
    const text = logText('UTC', win('m1', '2026-11-22T06:00'),
      entry('2026-11-22T05:00', 'detection') + entry('2026-11-22T11:15', 'action', 'window: m1'));
    assert.deepEqual(hintsOf(text), ['T+0s', 'T+6h15m · m1 +5h15m']);
    assert.equal(clockOf(inputOf(text))?.windows[0].open, true);
  });

  it('gives only the hints inside the asked range, and none for other files or unreadable times', () => {
    const text = logText('UTC', '', entry('2026-11-20T09:00', 'detection') + entry('2026-11-20T10:00', 'note') + entry('not a time', 'note'));
    const all = inlayHints(inputOf(text));
    assert.equal(all.length, 2);
    const second = all[1].position;
    const only = inlayHints(inputOf(text), { start: { line: second.line, character: 0 }, end: { line: second.line + 1, character: 0 } });
    assert.deepEqual(only.map((h) => h.label), ['T+1h00m']);
    const config = defaultConfig();
    const runbook = { analysis: analyzeText('runbook: r\nsteps: []\n', 'r.runbook.yaml', config, { now: NOW }), config, lang: 'en' as Lang };
    assert.deepEqual(inlayHints(runbook), []);
  });
});

describe('clock hovers', () => {
  const text = logText('Asia/Seoul', win('m1', '2026-11-21T22:00', undefined, '2026-11-22T01:00'),
    entry('2026-11-21T21:31', 'detection') +
    entry('2026-11-21T22:00', 'maintenance-start', 'window: m1') +
    entry('2026-11-21T22:30', 'communication', 'window: m1'));
  const now = Date.parse('2026-11-22T05:05:00+09:00');
  const at = (needle: string, nth = 0, lang: Lang = 'en', delta = 1) => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
    return clockHoverLines(inputOf(text, lang, now), i + delta);
  };

  it('shows the window figures on its id, start and on a `window:` reference', () => {
    const onId = at('m1').join('\n');
    assert.match(onId, /\*\*m1\*\* \(open\)/);
    assert.match(onId, /Elapsed: 7 h 5 m/);
    assert.match(onId, /Against announced end: 4 h 5 m over/);
    assert.match(onId, /Last notice: Sat, Nov 21, 10:30 PM/);
    assert.match(onId, /Next notice due: Sat, Nov 21, 11:30 PM \(5 h 35 m overdue\)/);
    assert.deepEqual(at('start:'), at('m1'));
    assert.deepEqual(at('window: m1', 0, 'en', 9), at('m1'));
    assert.deepEqual(at('window: m1', 0, 'en', 2), []);
    assert.match(at('m1', 0, 'ko').join('\n'), /경과: 7시간 5분/);
  });

  it('shows T+ and the window clock on an entry time, nothing elsewhere', () => {
    assert.deepEqual(at('2026-11-21T22:30'), ['`T+59m · m1 +30m`', '59 m since the first entry', '30 m into window m1']);
    assert.deepEqual(at('kind: communication'), []);
  });
});
