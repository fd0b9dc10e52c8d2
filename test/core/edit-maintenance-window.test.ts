// Start / End Maintenance Window as text edits: the window and its entry in one edit, every
// other byte (comments, blank lines, CR LF) kept.
import * as assert from 'node:assert/strict';
import {
  endMaintenanceWindow, listWindows, nextWindowId, oneEdit, parseAnnouncedEnd, startMaintenanceWindow, windowEntryText, windowSpan,
} from '../../src/core/edit/maintenance-window';
import { parseSource } from '../../src/core/source';
import { applyEdits } from '../../src/core/text';

const H = 3600000;

function applied(text: string, r: ReturnType<typeof startMaintenanceWindow>): string {
  assert.ok(r.ok, JSON.stringify(r));
  const out = applyEdits(text, [r.edit]);
  assert.deepEqual(parseSource(out, 'a.incident.yaml').yamlErrors, []);
  return out;
}

const START = { id: 'm1', title: 'Grow the cache', start: '2026-11-21T22:00+09:00', announcedEnd: '2026-11-22T01:00+09:00', entryText: 'Maintenance m1 begins.' };

const LOG = `# Guild cache: written as it happens
incident: x
timezone: Asia/Seoul

# what happened, in order
timeline:
  - at: 2026-11-21T21:31+09:00  # paged
    kind: detection
    text: OOM
`;

describe('Start Maintenance Window edit', () => {
  it('creates maintenance: before timeline: and its comment, and appends the entry', () => {
    assert.equal(applied(LOG, startMaintenanceWindow(LOG, START)), `# Guild cache: written as it happens
incident: x
timezone: Asia/Seoul

maintenance:
  - id: m1
    title: Grow the cache
    start: 2026-11-21T22:00+09:00
    announced_end: 2026-11-22T01:00+09:00

# what happened, in order
timeline:
  - at: 2026-11-21T21:31+09:00  # paged
    kind: detection
    text: OOM
  - at: 2026-11-21T22:00+09:00
    kind: maintenance-start
    window: m1
    text: Maintenance m1 begins.
`);
  });

  it('keeps CR LF line breaks and touches no CR LF pair in half', () => {
    const crlf = LOG.replace(/\n/g, '\r\n');
    const r = startMaintenanceWindow(crlf, START);
    const out = applied(crlf, r);
    assert.equal(out, applied(LOG, startMaintenanceWindow(LOG, START)).replace(/\n/g, '\r\n'));
    assert.ok(r.ok && crlf[r.edit.span[0] - 1] !== '\r' && crlf[r.edit.span[1]] !== '\n');
  });

  it('appends to an existing list in its layout and suggests the next id', () => {
    const text = `maintenance:
- id: m1        # first
  start: 2026-11-20T10:00Z
  end: 2026-11-20T11:00Z
timeline:
- at: 2026-11-20T09:00Z
  kind: detection
  text: x
`;
    const src = parseSource(text, 'a.incident.yaml');
    assert.equal(nextWindowId(src), 'm2');
    const out = applied(text, startMaintenanceWindow(text, { id: 'm2', start: '2026-11-20T12:00Z', entryText: 'again' }));
    assert.equal(out, `maintenance:
- id: m1        # first
  start: 2026-11-20T10:00Z
  end: 2026-11-20T11:00Z
- id: m2
  start: 2026-11-20T12:00Z
timeline:
- at: 2026-11-20T09:00Z
  kind: detection
  text: x
- at: 2026-11-20T12:00Z
  kind: maintenance-start
  window: m2
  text: again
`);
    assert.deepEqual(startMaintenanceWindow(text, { id: 'm1', start: '2026-11-20T12:00Z', entryText: 'x' }), { ok: false, problem: 'exists' });
  });

  it('adds to flow lists and to logs with no timeline yet', () => {
    const flow = 'incident: x\nmaintenance: [{ id: m1, start: 2026-11-20T10:00Z }]\ntimeline: []\n';
    assert.equal(applied(flow, startMaintenanceWindow(flow, { id: 'm2', start: '2026-11-20T12:00Z', entryText: 'go' })),
      'incident: x\nmaintenance: [{ id: m1, start: 2026-11-20T10:00Z }, { id: m2, start: 2026-11-20T12:00Z }]\ntimeline:\n  - at: 2026-11-20T12:00Z\n    kind: maintenance-start\n    window: m2\n    text: go\n');
    const bare = 'incident: x # the id\n';
    assert.equal(applied(bare, startMaintenanceWindow(bare, { id: 'm1', start: '2026-11-20T12:00Z', entryText: 'go' })),
      'incident: x # the id\nmaintenance:\n  - id: m1\n    start: 2026-11-20T12:00Z\ntimeline:\n  - at: 2026-11-20T12:00Z\n    kind: maintenance-start\n    window: m1\n    text: go\n');
  });

  it('refuses broken YAML and a maintenance that is not a list', () => {
    assert.deepEqual(startMaintenanceWindow('timeline: [\n', START), { ok: false, problem: 'yaml-errors' });
    assert.deepEqual(startMaintenanceWindow('maintenance: soon\ntimeline: []\n', START), { ok: false, problem: 'not-a-list' });
  });
});

describe('End Maintenance Window edit', () => {
  const OPEN = `maintenance:
  - id: m1
    start: 2026-11-20T10:00Z
    end: 2026-11-20T11:00Z
  - id: m2
    title: Second   # after the surge
    start: 2026-11-20T12:00Z
    announced_end: 2026-11-20T14:00Z  # told users
    reason: surge
timeline:
  - at: 2026-11-20T12:00Z
    kind: maintenance-start
    window: m2
    text: down
`;

  it('writes end: after announced_end, keeping its comment, and a maintenance-end entry', () => {
    assert.deepEqual(listWindows(parseSource(OPEN, 'a.incident.yaml')).map((w) => [w.id, w.open]), [['m1', false], ['m2', true]]);
    const out = applied(OPEN, endMaintenanceWindow(OPEN, { window: 'm2', end: '2026-11-20T15:10Z', entryText: 'back' }));
    assert.equal(out, OPEN.replace('# told users\n', '# told users\n    end: 2026-11-20T15:10Z\n') +
      '  - at: 2026-11-20T15:10Z\n    kind: maintenance-end\n    window: m2\n    text: back\n');
  });

  it('fills an empty end: in place and works on CR LF', () => {
    const text = 'maintenance:\r\n  - id: m1\r\n    start: 2026-11-20T10:00Z\r\n    end:   # fill in\r\ntimeline:\r\n  - at: 2026-11-20T10:00Z\r\n    kind: maintenance-start\r\n    text: down\r\n';
    const out = applied(text, endMaintenanceWindow(text, { window: 0, end: '2026-11-20T11:00Z', entryText: 'up' }));
    assert.equal(out, 'maintenance:\r\n  - id: m1\r\n    start: 2026-11-20T10:00Z\r\n    end: 2026-11-20T11:00Z   # fill in\r\ntimeline:\r\n  - at: 2026-11-20T10:00Z\r\n    kind: maintenance-start\r\n    text: down\r\n  - at: 2026-11-20T11:00Z\r\n    kind: maintenance-end\r\n    window: m1\r\n    text: up\r\n');
  });

  it('refuses a closed or unknown window', () => {
    assert.deepEqual(endMaintenanceWindow(OPEN, { window: 'm1', end: 'x', entryText: 'x' }), { ok: false, problem: 'already-ended' });
    assert.deepEqual(endMaintenanceWindow(OPEN, { window: 'm9', end: 'x', entryText: 'x' }), { ok: false, problem: 'no-window' });
  });

  it('finds a window in the file for reveal', () => {
    const span = windowSpan(parseSource(OPEN, 'a.incident.yaml'), 1)!;
    assert.ok(OPEN.slice(span[0]).startsWith('id: m2'));
    assert.equal(windowSpan(parseSource(OPEN, 'a.incident.yaml'), 5), undefined);
  });
});

describe('announced end and helpers', () => {
  const now = Date.parse('2026-11-21T22:00:00+09:00');
  it('reads a duration, a wall clock past midnight, and a timestamp', () => {
    assert.equal(parseAnnouncedEnd('4h', now, 'Asia/Seoul'), now + 4 * H);
    assert.equal(parseAnnouncedEnd('1h30m', now, 'Asia/Seoul'), now + 1.5 * H);
    assert.equal(parseAnnouncedEnd('01:00', now, 'Asia/Seoul'), Date.parse('2026-11-22T01:00:00+09:00'));
    assert.equal(parseAnnouncedEnd('23:30', now, 'Asia/Seoul'), Date.parse('2026-11-21T23:30:00+09:00'));
    assert.equal(parseAnnouncedEnd('2026-11-22T03:00', now, 'Asia/Seoul'), Date.parse('2026-11-22T03:00:00+09:00'));
    for (const bad of ['soon', '', '2026-11-20T03:00', '0m', '25:00']) assert.equal(parseAnnouncedEnd(bad, now, 'Asia/Seoul'), undefined, bad);
  });

  it('reads a wall clock across a DST change in the zone', () => {
    // New York springs forward at 02:00 on 8 Mar 2026: 01:00 EST to 04:00 EDT is 2 real hours.
    const before = Date.parse('2026-03-08T01:00:00-05:00');
    assert.equal(parseAnnouncedEnd('04:00', before, 'America/New_York'), before + 2 * H);
  });

  it('one edit never splits a CR LF pair', () => {
    const r = oneEdit('a\r\nb\r\n', 'a\r\nx\r\nb\r\n');
    assert.equal(applyEdits('a\r\nb\r\n', [r]), 'a\r\nx\r\nb\r\n');
    assert.notEqual('a\r\nb\r\n'[r.span[0] - 1], '\r');
  });

  it('writes the entry text in the log language', () => {
    assert.equal(windowEntryText('maintenance-start', 'm1', 'DB', 'en'), 'Maintenance m1 begins: DB');
    assert.equal(windowEntryText('maintenance-end', 'm1', undefined, 'ko'), 'm1 점검을 마쳤습니다.');
  });
});
