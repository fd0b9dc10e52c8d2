// Any input: the edit builders never throw, and whenever they return an edit, the result
// parses, ends its timeline with the new entry and keeps every original byte.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { insertKeyLine } from '../../src/core/edit/map';
import { appendTimelineEntry, NewEntry } from '../../src/core/edit/timeline';
import { applyEdits } from '../../src/core/text';

const ENTRY: NewEntry = { at: '2026-11-22T21:05+09:00', kind: 'note', text: 'x: y # z' };

const BASE = [
  'incident: a', 'title: b', 'timeline:', '  - at: 2026-11-22T20:00', '    kind: detection', '    text: c',
  '  # trailing', '', 'timeline2: []', 'status: x', 'checklist: {}', 'people:', '  p: {name: n}',
];

/** Lines of a plausible incident, shuffled, dropped, re-indented and joined with LF or CRLF. */
const plausible = fc.tuple(
  fc.array(fc.tuple(fc.constantFrom(...BASE), fc.integer({ min: 0, max: 4 })), { maxLength: 14 }),
  fc.constantFrom('\n', '\r\n'),
).map(([lines, eol]) => lines.map(([l, extra]) => ' '.repeat(extra % 3 === 0 ? extra : 0) + l).join(eol));

function check(text: string): void {
  const r = appendTimelineEntry(text, ENTRY);
  if (!r.ok) return;
  const out = applyEdits(text, [r.edit]);
  const doc = parseDocument(out, { version: '1.2', uniqueKeys: false });
  assert.deepEqual(doc.errors.map((e) => e.code), [], `broke:\n${JSON.stringify(text)}\n->\n${JSON.stringify(out)}`);
  const timeline = (doc.toJS() as { timeline: { text?: string }[] }).timeline;
  assert.equal(timeline[timeline.length - 1].text, ENTRY.text, JSON.stringify(out));
  if (r.edit.span[0] === r.edit.span[1]) {
    assert.equal(out.slice(0, r.edit.span[0]) + out.slice(r.edit.span[0] + r.edit.newText.length), text);
  }
}

describe('core/edit: any input', () => {
  it('appends safely to arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => { check(s); }), { numRuns: 150 });
  });

  it('appends safely to shuffled incident-like files', () => {
    fc.assert(fc.property(plausible, (s) => { check(s); }), { numRuns: 200 });
  });

  it('inserts keys into arbitrary text without throwing', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.nat(3)), { maxLength: 3 }), (s, path) => {
      const r = insertKeyLine(s, path, 'k', 'v');
      if (r.ok) assert.equal(parseDocument(applyEdits(s, [r.edit])).errors.length, 0);
    }), { numRuns: 150 });
  });
});
