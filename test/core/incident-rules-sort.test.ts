// The "Sort the timeline by time" fix: golden input/output, comments and blank lines moving
// with their entry, CRLF kept, a missing final line break kept, and no fix when the order
// cannot be decided.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { analyzeText } from '../../src/core/lint';
import { applyEdits } from '../../src/core/text';
import type { Finding } from '../../src/core/rules/types';

const GOLDEN = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'fix-golden', 'timeline-order');
const NOW = Date.parse('2026-11-22T12:00:00Z');

function lint(text: string): Finding[] {
  return analyzeText(text, 'x.incident.yaml', defaultConfig(), { lang: 'en', now: NOW }).findings;
}

function sortFix(text: string): Finding['fixes'][number] | undefined {
  return lint(text).find((f) => f.ruleId === 'timeline-order')?.fixes[0];
}

const HEAD = 'incident: i\ntitle: t\nservice: s\nseverity: SEV3\nstatus: monitoring\ntimezone: Asia/Seoul\n';

describe('timeline-order: sort fix', () => {
  const input = fs.readFileSync(path.join(GOLDEN, 'input.incident.yaml'), 'utf8');
  const expected = fs.readFileSync(path.join(GOLDEN, 'expected.incident.yaml'), 'utf8');

  it('turns the golden input into the golden output exactly', () => {
    const fix = sortFix(input);
    assert.ok(fix, 'a fix is offered');
    assert.equal(fix.safe, true);
    assert.equal(fix.title, 'Sort the timeline by time');
    assert.equal(applyEdits(input, fix.edits), expected);
  });

  it('leaves a sorted result with no order findings and every comment in place', () => {
    const out = applyEdits(input, sortFix(input)!.edits);
    assert.deepEqual(lint(out).filter((f) => f.ruleId === 'timeline-order'), []);
    const comments = (t: string) => t.split('\n').filter((l) => l.trim().startsWith('#')).sort();
    assert.deepEqual(comments(out), comments(input));
    assert.equal(out.length, input.length);
  });

  it('keeps CRLF line breaks', () => {
    const crlf = input.replace(/\n/g, '\r\n');
    const out = applyEdits(crlf, sortFix(crlf)!.edits);
    assert.equal(out, expected.replace(/\n/g, '\r\n'));
  });

  it('keeps a file that ends without a line break that way', () => {
    const text = `${HEAD}timeline:\n  - at: 2021-01-25T17:00\n    kind: note\n    text: b\n  - at: 2021-01-25T16:00\n    kind: note\n    text: a`;
    const out = applyEdits(text, sortFix(text)!.edits);
    assert.equal(out, `${HEAD}timeline:\n  - at: 2021-01-25T16:00\n    kind: note\n    text: a\n  - at: 2021-01-25T17:00\n    kind: note\n    text: b`);
  });

  it('sorts by instant, not by text, across offsets', () => {
    const text = `${HEAD}timeline:\n  - at: 2021-01-25T17:00\n    kind: note\n    text: b\n  - at: 2021-01-25T07:30Z\n    kind: note\n    text: a\n`;
    const out = applyEdits(text, sortFix(text)!.edits);
    assert.equal(out, `${HEAD}timeline:\n  - at: 2021-01-25T07:30Z\n    kind: note\n    text: a\n  - at: 2021-01-25T17:00\n    kind: note\n    text: b\n`);
  });

  it('sorts dashes written at the key column', () => {
    const text = `${HEAD}timeline:\n- at: 2021-01-25T17:00\n  kind: note\n  text: b\n# about a\n- at: 2021-01-25T16:00\n  kind: note\n  text: a\nlanguage: en\n`;
    const out = applyEdits(text, sortFix(text)!.edits);
    assert.equal(out, `${HEAD}timeline:\n# about a\n- at: 2021-01-25T16:00\n  kind: note\n  text: a\n- at: 2021-01-25T17:00\n  kind: note\n  text: b\nlanguage: en\n`);
  });

  it('gives every order finding the same single edit, so applying them together is safe', () => {
    const text = `${HEAD}timeline:\n  - at: 2021-01-25T18:00\n    kind: note\n    text: c\n  - at: 2021-01-25T17:00\n    kind: note\n    text: b\n  - at: 2021-01-25T18:30\n    kind: note\n    text: d\n  - at: 2021-01-25T16:00\n    kind: note\n    text: a\n`;
    const found = lint(text).filter((f) => f.ruleId === 'timeline-order');
    assert.equal(found.length, 2);
    const edits = found.flatMap((f) => f.fixes.flatMap((x) => x.edits));
    assert.deepEqual(edits[0], edits[1]);
    const out = applyEdits(text, edits);
    assert.deepEqual(out.match(/text: \w/g), ['text: a', 'text: b', 'text: c', 'text: d']);
  });

  it('offers no sort when an entry has no readable time', () => {
    const text = `${HEAD}timeline:\n  - at: 2021-01-25T17:00\n    kind: note\n    text: b\n  - at: 2021-01-25T16:00\n    kind: note\n    text: a\n  - at: soon\n    kind: note\n    text: c\n`;
    const found = lint(text).filter((f) => f.ruleId === 'timeline-order');
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].fixes, []);
  });

  it('offers no sort for a flow-style timeline', () => {
    const text = `${HEAD}timeline: [{at: 2021-01-25T17:00, kind: note, text: b}, {at: 2021-01-25T16:00, kind: note, text: a}]\n`;
    const found = lint(text).filter((f) => f.ruleId === 'timeline-order');
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].fixes, []);
  });

  it('reports on the out-of-place value, naming the line of the entry before it', () => {
    const text = `${HEAD}timeline:\n  - at: 2021-01-25T17:00\n    kind: note\n    text: b\n  - at: 2021-01-25T16:00\n    kind: note\n    text: a\n`;
    const [f] = lint(text).filter((x) => x.ruleId === 'timeline-order');
    assert.equal(text.slice(f.span[0], f.span[1]), '2021-01-25T16:00');
    assert.match(f.message, /line 8/);
  });
});
