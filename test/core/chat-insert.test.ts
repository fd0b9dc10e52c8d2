import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { parseDocument } from 'yaml';
import { parseChat, planEntries } from '../../src/core/chat';
import { defaultConfig } from '../../src/core/config';
import { insertEntries, InsertEntry } from '../../src/core/edit/insert-entries';
import { readIncident } from '../../src/core/model/incident';
import { parseSource } from '../../src/core/source';
import { parseTimestamp } from '../../src/core/time';

const DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'chat');
const LOG = fs.readFileSync(path.join(DIR, 'ops.incident.yaml'), 'utf8');
const SEOUL = 'Asia/Seoul';
const entry = (at: string, text: string, extra: Partial<InsertEntry> = {}): InsertEntry => {
  const r = parseTimestamp(at, SEOUL);
  if (!r.ok) throw new Error(at);
  return { ms: r.time.ms, at, kind: 'note', text, ...extra };
};
const incidentOf = (text: string) => readIncident(parseSource(text, 'x.incident.yaml'), defaultConfig());
const timeline = (text: string) => incidentOf(text).timeline.map((e) => [e.at?.value, e.text?.value]);

/** Every edit only inserts: no byte of the original is replaced. */
function assertOnlyInserted(edits: { span: readonly [number, number] }[]): void {
  for (const e of edits) assert.equal(e.span[0], e.span[1], 'an edit replaced existing text');
}

describe('insert entries: position, layout, comments', () => {
  it('puts each entry in time order, above the comment that heads the next entry', () => {
    const r = insertEntries(LOG, [entry('2021-01-26T00:05', 'snapshots done'), entry('2021-01-25T17:00', 'going down')]);
    assert.ok(r.ok);
    assertOnlyInserted(r.edits);
    assert.deepEqual(timeline(r.text).map(([at]) => at), ['2021-01-25T16:50', '2021-01-25T17:00', '2021-01-25T17:10', '2021-01-26T00:05', '2021-01-26T12:00']);
    assert.ok(r.text.includes('  - at: 2021-01-25T17:00\n    kind: note\n    text: going down\n  # --- first maintenance ---\n'), r.text);
    // Every original line is still there, in order.
    const lines = r.text.split('\n');
    let i = 0;
    for (const l of LOG.split('\n')) { i = lines.indexOf(l, i); assert.ok(i >= 0, `lost line: ${l}`); i++; }
  });

  it('appends after the last entry; a comment after the list stays last', () => {
    const r = insertEntries(LOG, [entry('2021-01-27T01:00', 'second window')]);
    assert.ok(r.ok);
    assert.ok(r.text.endsWith('    text: second window\n# trailing comment stays last\n'), r.text.slice(-200));
  });

  it('equal times keep the existing entry first and the chat order after it', () => {
    const r = insertEntries(LOG, [entry('2021-01-25T17:10', 'a'), entry('2021-01-25T17:10', 'b')]);
    assert.ok(r.ok);
    assert.deepEqual(timeline(r.text).slice(1, 4).map(([, t]) => t), ['All servers down.', 'a', 'b']);
  });

  it('keeps CRLF line breaks and the file\'s indentation (dash at column 0, four-space keys)', () => {
    const text = 'incident: x\ntimezone: Asia/Seoul\ntimeline:\n-   at: 2021-01-25T10:00\n    kind: detection\n    text: one\n-   at: 2021-01-25T12:00\n    kind: resolution\n    text: two\n'.replace(/\n/g, '\r\n');
    const r = insertEntries(text, [entry('2021-01-25T11:00', 'middle', { by: 'hjkim', window: 'm1' })]);
    assert.ok(r.ok);
    assert.ok(r.text.includes('-   at: 2021-01-25T11:00\r\n    kind: note\r\n    window: m1\r\n    by: hjkim\r\n    text: middle\r\n-   at: 2021-01-25T12:00'), JSON.stringify(r.text));
    assert.ok(!/[^\r]\n/.test(r.text));
  });

  it('multi-line text becomes a literal block indented under its key', () => {
    const r = insertEntries(LOG, [entry('2021-01-25T18:00', 'line one\n  indented two\nthree')]);
    assert.ok(r.ok);
    assert.ok(r.text.includes('    text: |-\n      line one\n        indented two\n      three\n'), r.text);
    assert.equal(incidentOf(r.text).timeline.find((e) => e.at?.value === '2021-01-25T18:00')?.text?.value, 'line one\n  indented two\nthree');
  });

  it('a log with no timeline, an empty one, or a flow list still gets the entries in order', () => {
    for (const text of ['incident: x\ntimezone: Asia/Seoul\n', 'incident: x\ntimeline: []\n', 'incident: x\ntimeline: [{ at: 2021-01-25T12:00, kind: note, text: "z" }]\n']) {
      const r = insertEntries(text, [entry('2021-01-25T13:00', 'b'), entry('2021-01-25T11:00', 'a')]);
      assert.ok(r.ok, text);
      const texts = (parseDocument(r.text).toJS() as { timeline: { text: string }[] }).timeline.map((e) => e.text).filter((t) => t !== 'z');
      assert.deepEqual(texts, ['a', 'b'], r.text);
    }
  });

  it('refuses a file with YAML errors', () => {
    assert.deepEqual(insertEntries('timeline: [\n', [entry('2021-01-25T13:00', 'b')]), { ok: false, problem: 'yaml-errors' });
  });

  it('any text reads back exactly, whatever YAML would make of it', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n'), (s, eol) => {
      const text = s.replace(/\r/g, '');
      fc.pre(text.trim() !== '');
      const log = LOG.replace(/\n/g, eol);
      const r = insertEntries(log, [entry('2021-01-25T18:00', text)]);
      if (!r.ok) return; // refused is acceptable; corrupting is not
      const got = incidentOf(r.text).timeline.find((e) => e.at?.value === '2021-01-25T18:00')?.text?.value;
      assert.equal(got, text);
    }), { numRuns: 150 });
    for (const t of ['- dash', '# hash', 'key: value', 'yes', '123', 'null', '"quoted"', "it's", '[공지] 점검', '@hjkim', '  lead', 'trail  ', 'a\ttab', '%percent', '*star', '&amp', '!bang', '|pipe', '>gt', '`tick']) {
      const r = insertEntries(LOG, [entry('2021-01-25T18:00', t)]);
      assert.ok(r.ok, t);
      assert.equal(incidentOf(r.text).timeline.find((e) => e.at?.value === '2021-01-25T18:00')?.text?.value, t);
    }
  });
});

describe('plan: chat to entries', () => {
  it('a KakaoTalk chat across midnight becomes entries in the log\'s zone, with handles, windows and guessed kinds', () => {
    const chat = fs.readFileSync(path.join(DIR, 'kakao-pc-ko.txt'), 'utf8');
    const inc = incidentOf(LOG);
    const plan = planEntries(parseChat(chat).messages, inc, { zone: SEOUL });
    assert.deepEqual(plan.entries.map((e) => [e.at, e.kind, e.window ?? null, e.by ?? null]), [
      ['2021-01-25T16:52', 'note', null, 'hjkim'],
      ['2021-01-25T16:55', 'note', null, 'sypark'],
      ['2021-01-25T17:03', 'decision', null, 'dwjung'],
      ['2021-01-25T17:04', 'communication', null, 'yjchoi'],
      ['2021-01-25T23:59', 'note', 'm1', 'dwjung'],
      ['2021-01-26T00:07', 'observation', 'm1', 'dwjung'],
      ['2021-01-26T00:15', 'note', 'm1', null],
      ['2021-01-26T12:00', 'note', 'm1', 'hjkim'],
    ]);
    assert.deepEqual(plan.unknownSenders, ['배가원']);
    assert.equal(plan.entries[6].text, '배가원: 고객센터 문의 1,200건 넘었습니다');
    const r = insertEntries(LOG, plan.entries);
    assert.ok(r.ok);
    const times = incidentOf(r.text).timeline.map((e) => e.at!.time!.ms);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.equal(times.length, 11);
  });

  it('Slack instants are written as the log\'s wall clock; a chosen mapping and a kind override apply', () => {
    const chat = fs.readFileSync(path.join(DIR, 'slack-general-2021-01-25.json'), 'utf8');
    const plan = planEntries(parseChat(chat).messages, incidentOf(LOG), { zone: SEOUL, senders: new Map([['Park Seoyeon', 'sypark'], ['statuspage', null]]), kind: 'note' });
    assert.deepEqual(plan.entries.map((e) => [e.at, e.by ?? null, e.kind]), [
      ['2021-01-25T16:52', 'hjkim', 'note'], ['2021-01-25T16:55', 'sypark', 'note'], ['2021-01-25T17:03', 'hjkim', 'note'],
      ['2021-01-25T17:04', null, 'note'], ['2021-01-25T23:59', null, 'note'], ['2021-01-26T00:01', 'sypark', 'note'],
    ]);
    assert.deepEqual(plan.unknownSenders, ['bora.nam']);
    assert.equal(plan.entries[3].text, 'statuspage: Notice posted: emergency maintenance until 19:00 KST');
  });

  it('a log that writes offsets and seconds gets them; a log with no zone gets offsets', () => {
    const withOffsets = LOG.replace('at: 2021-01-26T12:00', 'at: 2021-01-26T12:00:00+09:00');
    const plan = planEntries(parseChat('2021-01-25 18:00:07 hjkim: x', 'lines').messages, incidentOf(withOffsets), { zone: SEOUL });
    assert.equal(plan.entries[0].at, '2021-01-25T18:00:07+09:00');
    const noZone = planEntries(parseChat('2021-01-25 18:00 hjkim: x', 'lines').messages, incidentOf('incident: x\n'), { zone: 'Europe/London' });
    assert.equal(noZone.entries[0].at, '2021-01-25T18:00Z');
  });

  it('an undated message is dropped with a reason, never placed at a guessed day', () => {
    const plan = planEntries(parseChat('16:52 hjkim: x', 'lines').messages, incidentOf(LOG), { zone: SEOUL });
    assert.deepEqual(plan.entries, []);
    assert.equal(plan.dropped[0].reason, 'no-date');
  });
});
