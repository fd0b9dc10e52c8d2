// Writing `checklist.<id>`: every byte outside the record stays, comments included; the new
// text follows the file's indentation, record style and line breaks.
import * as assert from 'node:assert/strict';
import { doneNow, recordChecklistItem } from '../../src/core/edit/checklist-record';
import { evaluateChecklist } from '../../src/core/checklist';
import { defaultConfig } from '../../src/core/config';
import { readIncident } from '../../src/core/model/incident';
import { parseSource } from '../../src/core/source';
import { applyEdits } from '../../src/core/text';

const DONE = { done: '2021-01-26T23:20:00+09:00', by: 'lcw' };

function write(text: string, id: string, mark: Parameters<typeof recordChecklistItem>[2] = DONE): string {
  const r = recordChecklistItem(text, id, mark);
  assert.ok(r.ok, `edit failed: ${JSON.stringify(r)}`);
  const out = applyEdits(text, [r.edit]);
  assert.deepEqual(parseSource(out, 'x.incident.yaml').yamlErrors, [], out);
  return out;
}

describe('checklist records: adding', () => {
  it('creates checklist: at the end, keeping a trailing comment where it is', () => {
    const text = 'incident: a # the id\ntimeline: []\n# end of log\n';
    assert.equal(write(text, 'user-notice'),
      'incident: a # the id\ntimeline: []\nchecklist:\n  user-notice: { done: 2021-01-26T23:20:00+09:00, by: lcw }\n# end of log\n');
  });

  it('uses the file\'s map indentation and its CRLF line breaks', () => {
    const text = 'incident: a\r\npeople:\r\n    lcw: { name: Lee }\r\n';
    assert.equal(write(text, 'user-notice'),
      'incident: a\r\npeople:\r\n    lcw: { name: Lee }\r\nchecklist:\r\n    user-notice: { done: 2021-01-26T23:20:00+09:00, by: lcw }\r\n');
  });

  it('adds after the last record, the comments beside the others untouched', () => {
    const text = 'incident: a\nchecklist: # ticked during the call\n  # the cafe post counts\n  user-notice: { done: 2021-01-25T17:05 } # cafe\nrunbooks: []\n';
    assert.equal(write(text, 'reopen-admission', { skipped: 'login queue was already on' }),
      'incident: a\nchecklist: # ticked during the call\n  # the cafe post counts\n  user-notice: { done: 2021-01-25T17:05 } # cafe\n  reopen-admission: { skipped: login queue was already on }\nrunbooks: []\n');
  });

  it('fills an empty checklist: key, keeping its comment on the key\'s line', () => {
    const text = 'incident: a\nchecklist: # nothing yet\nrunbooks: []\n';
    assert.equal(write(text, 'user-notice'), 'incident: a\nchecklist: # nothing yet\n  user-notice: { done: 2021-01-26T23:20:00+09:00, by: lcw }\nrunbooks: []\n');
  });

  it('writes a block record where the records are block maps', () => {
    const text = 'incident: a\nchecklist:\n   user-notice:\n      done: 2021-01-25T17:05\n';
    assert.equal(write(text, 'data-verified', { done: '2021-01-26T22:00:00+09:00' }),
      'incident: a\nchecklist:\n   user-notice:\n      done: 2021-01-25T17:05\n   data-verified:\n      done: 2021-01-26T22:00:00+09:00\n');
  });

  it('writes into a flow checklist', () => {
    assert.equal(write('incident: a\nchecklist: {}\n', 'user-notice', { skipped: 'internal only' }),
      'incident: a\nchecklist: { user-notice: { skipped: internal only } }\n');
  });

  it('quotes a reason that YAML would read otherwise', () => {
    const out = write('incident: a\n', 'vendor-contact', { skipped: 'no: vendor, #none' });
    const inc = readIncident(parseSource(out, 'x.incident.yaml'), defaultConfig());
    assert.equal(inc.checklist.get('vendor-contact')!.skipped!.value, 'no: vendor, #none');
  });

  it('works on a file without a final line break', () => {
    assert.equal(write('incident: a', 'user-notice'), 'incident: a\nchecklist:\n  user-notice: { done: 2021-01-26T23:20:00+09:00, by: lcw }');
  });
});

describe('checklist records: replacing', () => {
  it('replaces a flow record, keeping the comment after it', () => {
    const text = 'incident: a\nchecklist:\n  user-notice: { skipped: later } # ask lcw\n  other: x\n';
    assert.equal(write(text, 'user-notice'), 'incident: a\nchecklist:\n  user-notice: { done: 2021-01-26T23:20:00+09:00, by: lcw } # ask lcw\n  other: x\n');
  });

  it('changes a block record key by key: every comment stays, the note is kept when done', () => {
    const text = 'incident: a\nchecklist:\n  user-notice:\n    skipped: later # who decided\n    by: kim # on call\n    note: cafe only\n';
    assert.equal(write(text, 'user-notice'),
      'incident: a\nchecklist:\n  user-notice:\n    # who decided\n    by: lcw # on call\n    note: cafe only\n    done: 2021-01-26T23:20:00+09:00\n');
  });

  it('drops the note and the old time when an item is skipped', () => {
    const text = 'incident: a\nchecklist:\n  user-notice:\n    done: 2021-01-25T17:05\n    note: n\n  next: 1\n';
    assert.equal(write(text, 'user-notice', { skipped: 'not needed' }), 'incident: a\nchecklist:\n  user-notice:\n    skipped: not needed\n  next: 1\n');
  });

  it('fills a record key written with no value', () => {
    assert.equal(write('incident: a\nchecklist:\n  user-notice:\n', 'user-notice'),
      'incident: a\nchecklist:\n  user-notice: { done: 2021-01-26T23:20:00+09:00, by: lcw }\n');
  });
});

describe('checklist records: what cannot be written', () => {
  it('refuses broken YAML and a checklist that is not a map', () => {
    assert.deepEqual(recordChecklistItem('incident: [a\n', 'x', DONE), { ok: false, problem: 'yaml-errors' });
    assert.deepEqual(recordChecklistItem('incident: a\nchecklist: [x]\n', 'x', DONE), { ok: false, problem: 'not-a-map' });
    assert.deepEqual(recordChecklistItem('- a\n', 'x', DONE), { ok: false, problem: 'not-a-map' });
  });
});

describe('checklist records: "Mark done now" settles the item', () => {
  it('writes now in the log\'s zone with its offset, which the evaluation then counts', () => {
    const text = 'incident: a\nseverity: SEV1\ntimezone: Asia/Seoul\nmaintenance:\n  - id: m1\n    start: 2021-01-25T16:52\n    end: 2021-01-26T23:37\ntimeline: []\n';
    const now = Date.parse('2021-01-26T14:20:30Z');
    const mark = doneNow(parseSource(text, 'x.incident.yaml'), now, 'lcw');
    assert.deepEqual(mark, { done: '2021-01-26T23:20:30+09:00', by: 'lcw' });
    const out = write(text, 'reopen-admission', mark);
    const inc = readIncident(parseSource(out, 'x.incident.yaml'), defaultConfig());
    const r = evaluateChecklist(inc, defaultConfig(), now);
    assert.equal(r.items.find((i) => i.id === 'reopen-admission')!.state, 'done');
  });

  it('writes UTC with Z when the log names no zone', () => {
    assert.deepEqual(doneNow(parseSource('incident: a\n', 'x.incident.yaml'), Date.parse('2021-01-26T14:20:30Z')), { done: '2021-01-26T14:20:30Z' });
  });
});
