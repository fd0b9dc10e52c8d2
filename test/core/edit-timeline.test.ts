// "Log Entry Now" as pure text: each case checks the exact output, that the file still
// parses with the new entry last in `timeline`, and that every original byte is kept.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { appendTimelineEntry, entryTimestamp, NewEntry, openWindowId, timelineStyle } from '../../src/core/edit/timeline';
import { parseSource } from '../../src/core/source';
import { applyEdits } from '../../src/core/text';

const ENTRY: NewEntry = { at: '2026-11-22T21:05+09:00', kind: 'observation', text: 'Replica lag back under 1 s' };

function apply(text: string, entry: NewEntry = ENTRY): string {
  const r = appendTimelineEntry(text, entry);
  assert.ok(r.ok, `edit failed: ${JSON.stringify(r)}`);
  const out = applyEdits(text, [r.edit]);
  // Nothing of the original is lost: removing the inserted text gives it back.
  if (r.edit.span[0] === r.edit.span[1]) {
    assert.equal(out.slice(0, r.edit.span[0]) + out.slice(r.edit.span[0] + r.edit.newText.length), text);
  }
  const timeline = (parse(out) as { timeline: Record<string, unknown>[] }).timeline;
  const last = timeline[timeline.length - 1];
  assert.equal(last.at, entry.at);
  assert.equal(last.kind, entry.kind);
  assert.equal(last.text, entry.text);
  return out;
}

describe('core/edit: append a timeline entry', () => {
  it('appends after the last entry with the dash and key columns the file uses', () => {
    const text = 'incident: x\ntimeline:\n  - at: 2026-11-22T20:00+09:00\n    kind: detection\n    text: Alarms\n';
    assert.equal(apply(text), `${text}  - at: 2026-11-22T21:05+09:00\n    kind: observation\n    text: Replica lag back under 1 s\n`);
  });

  it('keeps an unindented list unindented', () => {
    const text = 'timeline:\n- at: 2026-11-22T20:00+09:00\n  kind: detection\n  text: Alarms\n';
    assert.equal(apply(text), `${text}- at: 2026-11-22T21:05+09:00\n  kind: observation\n  text: Replica lag back under 1 s\n`);
  });

  it('follows a wider key column after the dash', () => {
    const text = 'timeline:\n    -   at: 2026-11-22T20:00+09:00\n        kind: detection\n        text: Alarms\n';
    assert.equal(apply(text), `${text}    -   at: 2026-11-22T21:05+09:00\n        kind: observation\n        text: Replica lag back under 1 s\n`);
  });

  it('uses CRLF in a CRLF file and changes no other byte', () => {
    const text = 'incident: x\r\ntimeline:\r\n  - at: 2026-11-22T20:00+09:00\r\n    kind: detection\r\n    text: Alarms\r\nstatus: identified\r\n';
    const out = apply(text);
    assert.equal(out, 'incident: x\r\ntimeline:\r\n  - at: 2026-11-22T20:00+09:00\r\n    kind: detection\r\n    text: Alarms\r\n'
      + '  - at: 2026-11-22T21:05+09:00\r\n    kind: observation\r\n    text: Replica lag back under 1 s\r\nstatus: identified\r\n');
    assert.ok(!/[^\r]\n/.test(out), 'no bare LF');
  });

  it('inserts right after the last entry when other sections follow, before their comments', () => {
    const text = 'timeline:\n  - at: 2026-11-22T20:00+09:00\n    kind: detection\n    text: Alarms # first\n\n# Follow-ups\naction_items:\n  - id: a1\n    title: Alert\n';
    const out = apply(text);
    assert.equal(out, 'timeline:\n  - at: 2026-11-22T20:00+09:00\n    kind: detection\n    text: Alarms # first\n'
      + '  - at: 2026-11-22T21:05+09:00\n    kind: observation\n    text: Replica lag back under 1 s\n\n# Follow-ups\naction_items:\n  - id: a1\n    title: Alert\n');
  });

  it('keeps comments after the last entry where they are', () => {
    const text = 'timeline:\n  - at: 2026-11-22T20:00+09:00\n    kind: detection\n    text: Alarms\n    # by: nobody yet\n  # more to come\n';
    const out = apply(text);
    assert.ok(out.endsWith('    # by: nobody yet\n  # more to come\n'));
    assert.ok(out.includes('text: Alarms\n  - at: 2026-11-22T21:05+09:00\n'));
  });

  it('does not split a block scalar that ends the last entry', () => {
    const text = 'timeline:\n  - at: 2026-11-22T20:00+09:00\n    kind: note\n    text: |\n      line one\n      line two\nstatus: resolved\n';
    const out = apply(text);
    assert.equal((parse(out) as { timeline: { text: string }[] }).timeline[0].text, 'line one\nline two\n');
  });

  it('works on a file without a final line break', () => {
    const text = 'timeline:\n  - at: 2026-11-22T20:00+09:00\n    kind: detection\n    text: Alarms';
    assert.equal(apply(text), `${text}\n  - at: 2026-11-22T21:05+09:00\n    kind: observation\n    text: Replica lag back under 1 s`);
  });

  it('turns an empty flow list into a block list, keeping its comment', () => {
    assert.equal(apply('incident: x\ntimeline: [] # none yet\nstatus: identified\n'),
      'incident: x\ntimeline: # none yet\n  - at: 2026-11-22T21:05+09:00\n    kind: observation\n    text: Replica lag back under 1 s\nstatus: identified\n');
    assert.equal(apply('timeline: []\n'), 'timeline:\n  - at: 2026-11-22T21:05+09:00\n    kind: observation\n    text: Replica lag back under 1 s\n');
  });

  it('adds to a non-empty flow list in flow style', () => {
    const out = apply('timeline: [{at: 2026-11-22T20:00+09:00, kind: detection, text: Alarms}]\n');
    assert.equal(out, 'timeline: [{at: 2026-11-22T20:00+09:00, kind: detection, text: Alarms}, { at: 2026-11-22T21:05+09:00, kind: observation, text: Replica lag back under 1 s }]\n');
  });

  it('fills an empty `timeline:` with the indentation other lists use', () => {
    const text = 'maintenance:\n- id: m1\n  start: 2026-11-22T20:00\ntimeline:\nstatus: identified\n';
    assert.equal(apply(text), 'maintenance:\n- id: m1\n  start: 2026-11-22T20:00\ntimeline:\n- at: 2026-11-22T21:05+09:00\n  kind: observation\n  text: Replica lag back under 1 s\nstatus: identified\n');
    assert.equal(apply('timeline: # soon\n'), 'timeline: # soon\n  - at: 2026-11-22T21:05+09:00\n    kind: observation\n    text: Replica lag back under 1 s\n');
    assert.equal(apply('timeline: ~\n'), 'timeline:\n  - at: 2026-11-22T21:05+09:00\n    kind: observation\n    text: Replica lag back under 1 s\n');
  });

  it('adds a timeline section when the file has none', () => {
    const out = apply('incident: x\r\ntitle: y\r\n');
    assert.equal(out, 'incident: x\r\ntitle: y\r\ntimeline:\r\n  - at: 2026-11-22T21:05+09:00\r\n    kind: observation\r\n    text: Replica lag back under 1 s\r\n');
    assert.equal(apply(''), 'timeline:\n  - at: 2026-11-22T21:05+09:00\n    kind: observation\n    text: Replica lag back under 1 s\n');
  });

  it('follows an entry written as a flow map with another flow map', () => {
    const text = 'timeline:\n  - {at: 2026-11-22T20:00+09:00, kind: detection, text: Alarms}\n';
    assert.equal(apply(text), `${text}  - { at: 2026-11-22T21:05+09:00, kind: observation, text: Replica lag back under 1 s }\n`);
  });

  it('quotes text only when YAML needs it, and keeps Korean plain', () => {
    const out = apply('timeline:\n  - at: 2026-11-22T20:00+09:00\n    kind: note\n    text: a\n', { ...ENTRY, text: 'DB: 응답 없음 #1' });
    assert.ok(out.includes('    text: "DB: 응답 없음 #1"\n') || out.includes("    text: 'DB: 응답 없음 #1'\n"), out);
    const ko = apply('timeline: []\n', { ...ENTRY, text: '복제 지연이 1초 아래로 돌아왔습니다' });
    assert.ok(ko.includes('text: 복제 지연이 1초 아래로 돌아왔습니다\n'));
    apply('timeline: []\n', { ...ENTRY, text: '' });
    apply('timeline: []\n', { ...ENTRY, text: 'line\nbreak' });
    apply('timeline: [{at: 1, kind: x, text: y}]\n', { ...ENTRY, text: 'a, [b] {c}' });
  });

  it('refuses files it cannot edit safely', () => {
    const cases: [string, string][] = [
      ['timeline:\n  - at: [unclosed\n', 'yaml-errors'],
      ['- just\n- a list\n', 'not-a-map'],
      ['timeline: soon\n', 'not-a-list'],
      ['{timeline: []}\n', 'flow-layout'],
    ];
    for (const [text, problem] of cases) assert.deepEqual(appendTimelineEntry(text, ENTRY), { ok: false, problem }, text);
  });

  it('writes spaces only, even where the file has tabs in values and before comments', () => {
    const text = 'timeline:\n  - at: 2026-11-22T20:00+09:00\t# tab\n    kind: detection\n    text: "a\\tb"\t# tab before comment\n';
    const r = appendTimelineEntry(text, ENTRY);
    assert.ok(r.ok);
    assert.ok(!r.edit.newText.includes('\t'));
    assert.equal(r.edit.newText, '  - at: 2026-11-22T21:05+09:00\n    kind: observation\n    text: Replica lag back under 1 s\n');
    apply(text);
  });

  it('puts the caret at the end of the new entry', () => {
    const text = 'timeline:\n  - at: 2026-11-22T20:00+09:00\n    kind: detection\n    text: Alarms\nstatus: x\n';
    const r = appendTimelineEntry(text, ENTRY);
    assert.ok(r.ok);
    const out = applyEdits(text, [r.edit]);
    assert.ok(out.slice(0, r.caret).endsWith('text: Replica lag back under 1 s'));
  });
});

describe('core/edit: entry window and extra keys', () => {
  it('writes window after kind and extra keys after text', () => {
    const out = apply('timeline: []\n', { ...ENTRY, kind: 'decision', window: 'm1', extra: [['why', 'a rollback loses hours']] });
    assert.equal(out, 'timeline:\n  - at: 2026-11-22T21:05+09:00\n    kind: decision\n    window: m1\n    text: Replica lag back under 1 s\n    why: a rollback loses hours\n');
  });

  it('names the one open maintenance window, and none when that is ambiguous', () => {
    const win = (text: string) => openWindowId(parseSource(text, 'a.incident.yaml'));
    assert.equal(win('maintenance:\n  - id: m1\n    start: a\n    end: b\n  - id: m2\n    start: c\n'), 'm2');
    assert.equal(win('maintenance:\n  - id: m1\n    start: a\n  - id: m2\n    start: c\n'), undefined);
    assert.equal(win('maintenance:\n  - id: m1\n    end: b\n'), undefined);
    assert.equal(win('maintenance: 3\n'), undefined);
    assert.equal(win('maintenance:\n  - id: "../x"\n'), undefined);
    assert.equal(win(''), undefined);
  });
});

describe('core/edit: entry timestamps', () => {
  const now = Date.parse('2026-11-22T12:05:30Z');
  it('writes the wall clock of the zone with its offset', () => {
    assert.equal(entryTimestamp(now, 'Asia/Seoul'), '2026-11-22T21:05+09:00');
    assert.equal(entryTimestamp(now, 'America/New_York', true), '2026-11-22T07:05:30-05:00');
    assert.equal(entryTimestamp(now, 'UTC'), '2026-11-22T12:05Z');
    assert.equal(entryTimestamp(now, 'Not/AZone'), '2026-11-22T12:05Z');
  });
  it('reads the file zone and whether entries carry seconds', () => {
    assert.deepEqual(timelineStyle(parseSource('timezone: Asia/Seoul\ntimeline:\n  - at: 2026-11-22T20:00:10\n', 'a.incident.yaml')), { zone: 'Asia/Seoul', seconds: true });
    assert.deepEqual(timelineStyle(parseSource('timezone: Mars/Base\ntimeline: []\n', 'a.incident.yaml')), { zone: undefined, seconds: false });
  });
});
