// The incident rules' fixes, applied with applyEdits and checked byte for byte, plus the
// findings' ranges and the cases where a rule must stay quiet.
import * as assert from 'node:assert/strict';
import { Config, defaultConfig } from '../../src/core/config';
import { analyzeText } from '../../src/core/lint';
import { machineZone } from '../../src/core/rules/incident/timestamp-no-zone';
import { applyEdits } from '../../src/core/text';
import type { Finding } from '../../src/core/rules/types';

const NOW = Date.parse('2026-11-22T12:00:00Z');

function lint(text: string, ruleId: string, config: Config = defaultConfig(), fileName = 'x.incident.yaml', lang: 'en' | 'ko' = 'en'): Finding[] {
  return analyzeText(text, fileName, config, { lang, now: NOW }).findings.filter((f) => f.ruleId === ruleId);
}
const at = (text: string, f: Finding): string => text.slice(f.span[0], f.span[1]);
const fixed = (text: string, f: Finding, i = 0): string => applyEdits(text, f.fixes[i].edits);

const HEAD = 'incident: i\ntitle: t\nservice: s\nseverity: SEV3\nstatus: monitoring\n';
const SEOUL = `${HEAD}timezone: Asia/Seoul\n`;
const NY = `${HEAD}timezone: America/New_York\n`;

describe('timestamp-no-zone', () => {
  const zone = machineZone();
  const text = `# kept\nincident: i # id\ntitle: >-\n  A title\n  on two lines\nservice: s\nseverity: SEV3\nstatus: monitoring\ntimeline:\n  - at: 2021-01-25T16:52\n    kind: note\n    text: a\n`;

  it('reports each timestamp without an offset, on its value', () => {
    const found = lint(text, 'timestamp-no-zone');
    assert.equal(found.length, 1);
    assert.equal(at(text, found[0]), '2021-01-25T16:52');
    assert.equal(found[0].level, 'error');
  });

  it('adds the machine zone as a top-level line after the title, keeping every other byte', () => {
    const [f] = lint(text, 'timestamp-no-zone');
    assert.equal(f.fixes[0].safe, false);
    assert.equal(fixed(text, f), text.replace('  on two lines\n', `  on two lines\ntimezone: ${zone}\n`));
    assert.deepEqual(lint(fixed(text, f), 'timestamp-no-zone'), []);
  });

  it('keeps CRLF when it adds the line', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const [f] = lint(crlf, 'timestamp-no-zone');
    assert.equal(fixed(crlf, f), crlf.replace('  on two lines\r\n', `  on two lines\r\ntimezone: ${zone}\r\n`));
  });

  it('replaces a timezone that names no zone instead of adding a second key', () => {
    const bad = `${HEAD}timezone: Mars/Olympus\ntimeline:\n  - at: 2021-01-25T16:52\n    kind: note\n    text: a\n`;
    const [f] = lint(bad, 'timestamp-no-zone');
    assert.equal(fixed(bad, f), bad.replace('Mars/Olympus', zone));
  });

  it('is quiet when the workspace config names a zone', () => {
    const config = { ...defaultConfig(), timezone: 'Asia/Seoul' };
    assert.deepEqual(lint(text, 'timestamp-no-zone', config), []);
  });
});

describe('timestamp-invalid', () => {
  it('names the part that is out of range, on the exact value', () => {
    const text = `${SEOUL}timeline:\n  - at: 2021-13-40T25:00\n    kind: note\n    text: a\n`;
    const [f] = lint(text, 'timestamp-invalid');
    assert.equal(at(text, f), '2021-13-40T25:00');
    assert.match(f.message, /month 13/);
    assert.match(lint(text, 'timestamp-invalid', defaultConfig(), 'x.incident.yaml', 'ko')[0].message, /월 13/);
  });

  it('names the days of the month for 29 February of a common year', () => {
    const text = `${SEOUL}timeline:\n  - at: 2021-02-29T10:00\n    kind: note\n    text: a\n`;
    assert.match(lint(text, 'timestamp-invalid')[0].message, /day 29 is not 01-28/);
  });
});

describe('timestamp-ambiguous', () => {
  it('offers one "add the offset" fix per reading of a fall-back time', () => {
    const text = `${NY}timeline:\n  - at: 2021-11-07T01:30\n    kind: note\n    text: a\n`;
    const [f] = lint(text, 'timestamp-ambiguous');
    assert.equal(at(text, f), '2021-11-07T01:30');
    assert.equal(f.fixes.length, 2);
    assert.equal(fixed(text, f, 0), text.replace('01:30\n', '01:30-04:00\n'));
    assert.equal(fixed(text, f, 1), text.replace('01:30\n', '01:30-05:00\n'));
    assert.deepEqual(lint(fixed(text, f, 1), 'timestamp-ambiguous'), []);
  });

  it('writes the offset inside quotes', () => {
    const text = `${NY}timeline:\n  - at: "2021-11-07T01:30" # twice\n    kind: note\n    text: a\n`;
    const [f] = lint(text, 'timestamp-ambiguous');
    assert.equal(fixed(text, f, 0), text.replace('01:30"', '01:30-04:00"'));
  });

  it('offers the offset after the gap for a spring-forward time that never happened', () => {
    const text = `${NY}timeline:\n  - at: 2021-03-14T02:30\n    kind: note\n    text: a\n`;
    const [f] = lint(text, 'timestamp-ambiguous');
    assert.match(f.message, /never happened/);
    assert.equal(f.fixes.length, 1);
    assert.equal(fixed(text, f), text.replace('02:30\n', '02:30-04:00\n'));
  });

  it('is quiet for a zone without daylight saving', () => {
    const text = `${SEOUL}timeline:\n  - at: 2021-11-07T01:30\n    kind: note\n    text: a\n`;
    assert.deepEqual(lint(text, 'timestamp-ambiguous'), []);
  });
});

describe('decision-why-missing', () => {
  const text = `${SEOUL}timeline:\n  - at: 2021-01-26T02:00\n    kind: decision # the big one\n    text: Recover or roll back\n    options:\n      - roll back\n      - move all data\n    chosen: move all data\n  - at: 2021-01-26T03:00\n    kind: note\n    text: b\n`;

  it('reports on the kind value and inserts "why:" after the last key, indented like the keys', () => {
    const [f] = lint(text, 'decision-why-missing');
    assert.equal(at(text, f), 'decision');
    assert.equal(fixed(text, f), text.replace('    chosen: move all data\n', '    chosen: move all data\n    why: <reason>\n'));
    assert.deepEqual(lint(fixed(text, f), 'decision-why-missing'), []);
  });

  it('keeps CRLF and a missing final line break', () => {
    const crlf = `${SEOUL}timeline:\r\n  - at: 2021-01-26T02:00\r\n    kind: decision\r\n    text: a\r\n    chosen: b`.replace(/(?<!\r)\n/g, '\r\n');
    const [f] = lint(crlf, 'decision-why-missing');
    assert.equal(fixed(crlf, f), `${crlf}\r\n    why: <reason>`);
  });

  it('handles items of decisions:, reporting on their first key', () => {
    const d = `${SEOUL}timeline:\n  - at: 2021-01-26T02:00\n    kind: note\n    text: a\ndecisions:\n  - text: Use the unsupported repair command\n    chosen: use it\nlessons: {}\n`;
    const [f] = lint(d, 'decision-why-missing');
    assert.equal(at(d, f), 'text');
    assert.equal(fixed(d, f), d.replace('    chosen: use it\n', '    chosen: use it\n    why: <reason>\n'));
  });
});

describe('duplicate-id', () => {
  it('reports the second use, names the first line, and renames to a free id', () => {
    const text = `${SEOUL}timeline:\n  - at: 2021-01-26T02:00\n    id: down\n    kind: note\n    text: a\n  - at: 2021-01-26T03:00\n    id: down\n    kind: note\n    text: b\n  - at: 2021-01-26T04:00\n    id: down-2\n    kind: note\n    text: c\n`;
    const [f] = lint(text, 'duplicate-id');
    assert.equal(f.range.start.line, 12);
    assert.match(f.message, /line 9/);
    assert.equal(fixed(text, f), text.replace('    id: down\n    kind: note\n    text: b', '    id: down-3\n    kind: note\n    text: b'));
  });

  it('gives thousands of copies of one id each a different free id', () => {
    const entry = (id: string) => `  - at: 2021-01-26T02:00\n    id: ${id}\n    kind: note\n    text: a\n`;
    const text = `${SEOUL}timeline:\n${entry('down-3')}${Array.from({ length: 3000 }, () => entry('down')).join('')}`;
    const renames = lint(text, 'duplicate-id').map((f) => f.fixes[0].edits[0].newText);
    assert.equal(renames.length, 2999);
    assert.equal(new Set(renames).size, renames.length);
    assert.deepEqual(renames.slice(0, 3), ['down-2', 'down-4', 'down-5']);
    assert.ok(!renames.includes('down-3'));
  });

  it('covers runbook steps too', () => {
    const text = 'runbook: r\ntitle: t\nsteps:\n  - id: a\n    title: x\n    kind: check\n  - id: a\n    title: y\n    kind: check\n';
    const found = lint(text, 'duplicate-id', defaultConfig(), 'x.runbook.yaml');
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, 6);
  });
});

describe('unknown-ref and unknown-person', () => {
  it('suggests the nearest entry id and fixes it in place', () => {
    const text = `${SEOUL}timeline:\n  - at: 2021-01-26T02:00\n    id: export\n    kind: note\n    text: a\ncauses:\n  - text: c\n    refs: [exprot]\n`;
    const [f] = lint(text, 'unknown-ref');
    assert.match(f.message, /Did you mean "export"/);
    assert.equal(fixed(text, f), text.replace('[exprot]', '[export]'));
  });

  it('suggests the nearest handle from the merged roster', () => {
    const config = defaultConfig();
    config.people.set('hjkim', { name: '김하준' });
    const text = `${SEOUL}people:\n  smp: {name: Park}\ntimeline:\n  - at: 2021-01-26T02:00\n    kind: note\n    by: hjkm\n    text: a\n`;
    const [f] = lint(text, 'unknown-person', config);
    assert.equal(at(text, f), 'hjkm');
    assert.equal(fixed(text, f), text.replace('by: hjkm', 'by: hjkim'));
    assert.match(lint(text, 'unknown-person', config, 'x.incident.yaml', 'ko')[0].message, /"hjkim"을\(를\) 말씀하신 것입니까/);
  });
});

describe('windows', () => {
  const win = (m: string) => `${SEOUL}roles: {commander: lcw}\nmaintenance:\n${m}timeline:\n  - at: 2021-01-25T16:52\n    kind: maintenance-start\n    text: a\n`;

  it('names the other window when two overlap', () => {
    const text = win('  - id: m1\n    start: 2021-01-25T16:52\n    end: 2021-01-26T10:00\n  - id: m2\n    start: 2021-01-26T09:00\n    end: 2021-01-26T12:00\n');
    const [f] = lint(text, 'window-overlap');
    assert.equal(at(text, f), '2021-01-26T09:00');
    assert.match(f.message, /window "m1" \(line 9\)/);
  });

  it('reports a resolved incident with an open window on its id', () => {
    const text = win('  - id: m1\n    start: 2021-01-25T16:52\n').replace('status: monitoring', 'status: resolved');
    const [f] = lint(text, 'open-window-resolved');
    assert.equal(at(text, f), 'm1');
  });
});

describe('timestamp-future', () => {
  it('flags an entry more than ten minutes after now, not a promised end', () => {
    const text = `${HEAD}timezone: UTC\ntimeline:\n  - at: 2026-11-22T12:09\n    kind: note\n    text: a\n  - at: 2026-11-22T12:11\n    kind: communication\n    text: b\n    expected_end: 2026-11-23T12:00\n`;
    const found = lint(text, 'timestamp-future');
    assert.deepEqual(found.map((f) => at(text, f)), ['2026-11-22T12:11']);
  });
});
