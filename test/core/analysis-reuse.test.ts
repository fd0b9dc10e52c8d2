// After an edit, the rules carry over what they found for the entries the edit did not touch
// (src/core/model/list-history.ts, entry-facts.ts). These tests change what such results
// depend on besides the entry (the roster, a window, the zone, now, the config) and check that
// the unchanged entries' findings follow, and that they match a full parse of the same text.
import * as assert from 'node:assert/strict';
import { Config, defaultConfig } from '../../src/core/config';
import { SegmentCache } from '../../src/core/incremental';
import { Analysis, analyzeText } from '../../src/core/lint';
import type { Finding } from '../../src/core/rules/types';

const NOW = Date.parse('2026-11-22T12:00:00Z');

interface LogOptions { zone?: string | null; people?: string; windowEnd?: string; windowId?: string; entries?: number; by?: (i: number) => string }

/** A log long enough that the incremental parse splits its timeline into items. */
function log(o: LogOptions = {}): string {
  const zone = o.zone === undefined ? 'Asia/Seoul' : o.zone;
  let out = `incident: inc-1\ntitle: Long maintenance\nservice: game\nseverity: SEV1\nstatus: mitigating\n${zone ? `timezone: ${zone}\n` : ''}` +
    `people:\n${o.people ?? '  lcw: {name: Lee}\n'}roles:\n  commander: lcw\n` +
    `maintenance:\n  - id: ${o.windowId ?? 'm1'}\n    start: 2021-01-25T16:52\n    announced_end: 2021-01-26T04:00\n${o.windowEnd ? `    end: ${o.windowEnd}\n` : ''}` +
    'timeline:\n';
  for (let i = 0; i < (o.entries ?? 30); i++) {
    const min = String(i % 60).padStart(2, '0');
    out += `  - at: 2021-01-25T17:${min}\n    kind: action\n    window: m1\n    by: ${o.by ? o.by(i) : 'lcw'}\n    text: step ${i}\n`;
  }
  return out;
}

const summary = (fs: Finding[]): string[] => fs.map((f) => `${f.span[0]}-${f.span[1]} ${f.ruleId} ${f.message} ${JSON.stringify(f.fixes)}`);

/** Analyses a sequence of texts (and configs, and instants) in one document, as the server does. */
class Doc {
  private readonly cache = new SegmentCache();
  last?: Analysis;
  analyze(text: string, config: Config = defaultConfig(), now = NOW): Finding[] {
    this.last = analyzeText(text, 'a.incident.yaml', config, { lang: 'en', now }, undefined, this.cache);
    const findings = this.last.findings;
    // Whatever was carried over, the result is the one a fresh analysis gives.
    assert.deepEqual(summary(findings), summary(analyzeText(text, 'a.incident.yaml', config, { lang: 'en', now }).findings));
    return findings;
  }
}

const of = (fs: Finding[], ruleId: string): Finding[] => fs.filter((f) => f.ruleId === ruleId);

describe('findings carried over between analyses', () => {
  it('a person added to the roster clears unknown-person on entries the edit did not touch', () => {
    const doc = new Doc();
    const before = log({ by: (i) => (i % 3 === 0 ? 'kim' : 'lcw') });
    assert.equal(of(doc.analyze(before), 'unknown-person').length, 10);
    const after = before.replace('  lcw: {name: Lee}\n', '  lcw: {name: Lee}\n  kim: {name: Kim}\n');
    assert.deepEqual(of(doc.analyze(after), 'unknown-person'), []);
    // And back: the findings return, at the entries' places in the new text.
    const again = doc.analyze(before);
    assert.equal(of(again, 'unknown-person').length, 10);
    assert.ok(of(again, 'unknown-person').every((f) => before.slice(f.span[0], f.span[1]) === 'kim'));
  });

  it('a person added to the workspace config counts too, with the text unchanged', () => {
    const doc = new Doc();
    const text = log({ by: (i) => (i === 7 ? 'kim' : 'lcw') });
    assert.equal(of(doc.analyze(text), 'unknown-person').length, 1);
    const config = defaultConfig();
    config.people.set('kim', { name: 'Kim' });
    assert.deepEqual(of(doc.analyze(text, config), 'unknown-person'), []);
    // A roster that only orders handles differently still suggests the same closest handle.
    const other = defaultConfig();
    other.people.set('kimm', {});
    const [f] = of(doc.analyze(text, other), 'unknown-person');
    assert.match(f.message, /Did you mean "kimm"\?/);
  });

  it('moving a window end updates entry-outside-window on the entries after it', () => {
    const doc = new Doc();
    const early = log({ windowEnd: '2021-01-25T17:09:30' });
    // Entries at 17:10..17:29 fall after the end.
    assert.equal(of(doc.analyze(early), 'entry-outside-window').length, 20);
    const later = log({ windowEnd: '2021-01-25T17:19:30' });
    const found = of(doc.analyze(later), 'entry-outside-window');
    assert.equal(found.length, 10);
    assert.ok(found.every((f) => f.message.includes('"2021-01-25T17:19:30"')));
    assert.deepEqual(of(doc.analyze(log()), 'entry-outside-window'), []);
  });

  it('renaming a window updates unknown-ref on the entries that name it', () => {
    const doc = new Doc();
    assert.deepEqual(of(doc.analyze(log()), 'unknown-ref'), []);
    const renamed = of(doc.analyze(log({ windowId: 'm2' })), 'unknown-ref');
    assert.equal(renamed.length, 30);
    assert.match(renamed[0].message, /Did you mean "m2"\?/);
  });

  it('a new now updates timestamp-future and the checklist, with the text unchanged', () => {
    const doc = new Doc();
    const text = log();
    const at = (iso: string): number => Date.parse(iso);
    // At 17:05 in Seoul, the entries after 17:15 (ten minutes' slack) are in the future.
    const early = doc.analyze(text, defaultConfig(), at('2021-01-25T08:05:00Z'));
    assert.equal(of(early, 'timestamp-future').length, 14);
    assert.ok(of(early, 'timestamp-future').every((f) => f.message.includes('now is 2021-01-25 17:05 Asia/Seoul')));
    const late = doc.analyze(text, defaultConfig(), at('2021-01-25T12:00:00Z'));
    assert.deepEqual(of(late, 'timestamp-future'), []);
    // Three hours after the last notice (there is none) the open window owes a status update.
    assert.equal(of(late, 'checklist/status-update').length, 1);
    assert.equal(of(doc.analyze(text, defaultConfig(), at('2021-01-25T08:30:00Z')), 'checklist/status-update').length, 0);
  });

  it('a timezone added at the top re-reads every entry', () => {
    const doc = new Doc();
    const bare = log({ zone: null });
    // 30 entries, the window's start and its announced end.
    assert.equal(of(doc.analyze(bare), 'timestamp-no-zone').length, 32);
    const zoned = log({ zone: 'Asia/Seoul' });
    assert.deepEqual(of(doc.analyze(zoned), 'timestamp-no-zone'), []);
    const config = defaultConfig();
    config.timezone = 'Asia/Seoul';
    assert.deepEqual(of(doc.analyze(bare, config), 'timestamp-no-zone'), []);
    // And without a zone again, every time is unplaced again.
    assert.equal(of(doc.analyze(bare), 'timestamp-no-zone').length, 32);
    // Another zone moves every instant: at 17:10 in Seoul, New York's window and entries all lie ahead.
    const future = (text: string): number => of(doc.analyze(text, defaultConfig(), Date.parse('2021-01-25T08:10:00Z')), 'timestamp-future').length;
    assert.equal(future(zoned), 9);
    assert.equal(future(log({ zone: 'America/New_York' })), 31);
  });

  it('an entry inserted in the middle leaves the findings after it at their entries', () => {
    const doc = new Doc();
    const text = log({ by: (i) => (i % 5 === 4 ? 'kim' : 'lcw') });
    doc.analyze(text);
    const cut = text.indexOf('  - at: 2021-01-25T17:12');
    const inserted = `${text.slice(0, cut)}  - at: 2021-01-25T17:11:30\n    kind: note\n    by: kim\n    text: added\n${text.slice(cut)}`;
    const found = of(doc.analyze(inserted), 'unknown-person');
    assert.equal(found.length, 7);
    assert.ok(found.every((f) => inserted.slice(f.span[0], f.span[1]) === 'kim'));
    // The entries after it moved one place down the list.
    const timeline = doc.last!.incident!.timeline;
    assert.deepEqual(timeline.map((e) => e.index), timeline.map((_e, i) => i));
    assert.equal(timeline[13].text?.value, 'step 12');
    // And taken out again.
    assert.equal(of(doc.analyze(text), 'unknown-person').length, 6);
  });

  it('a timeline renamed to decisions is read as decisions', () => {
    const doc = new Doc();
    const text = log();
    doc.analyze(text);
    const renamed = doc.analyze(text.replace('timeline:\n', 'decisions:\n'));
    assert.ok(of(renamed, 'decision-why-missing').length > 0);
    doc.analyze(text);
  });

  it('severities changed in the config re-check the fields that use them', () => {
    const doc = new Doc();
    const text = log();
    assert.deepEqual(of(doc.analyze(text), 'schema'), []);
    const config = defaultConfig();
    config.severities = ['P1', 'P2'];
    assert.equal(of(doc.analyze(text, config), 'schema').length, 1);
  });
});
