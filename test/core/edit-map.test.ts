// Inserting one key into an existing map without touching any other byte.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { detectIndent } from '../../src/core/edit/layout';
import { insertKeyLine } from '../../src/core/edit/map';
import { parseSource } from '../../src/core/source';
import { applyEdits } from '../../src/core/text';

function apply(text: string, path: (string | number)[], key: string, value: string | string[]): string {
  const r = insertKeyLine(text, path, key, value);
  assert.ok(r.ok, `edit failed: ${JSON.stringify(r)}`);
  return applyEdits(text, [r.edit]);
}

describe('core/edit: insert a key line into a map', () => {
  it('adds to the root after its last pair', () => {
    assert.equal(apply('incident: x\ntitle: y\n', [], 'status', 'resolved'), 'incident: x\ntitle: y\nstatus: resolved\n');
  });

  it('adds to a nested map at its key column, before what follows it', () => {
    const text = 'checklist:\n    roles-assigned:\n        done: 2026-11-22T20:00\n# later\nrunbooks: []\n';
    const out = apply(text, ['checklist'], 'user-notice', ['done: 2026-11-22T21:00+09:00', 'by: yjchoi']);
    assert.equal(out, 'checklist:\n    roles-assigned:\n        done: 2026-11-22T20:00\n    user-notice:\n        done: 2026-11-22T21:00+09:00\n        by: yjchoi\n# later\nrunbooks: []\n');
  });

  it('reaches maps inside lists by index', () => {
    const text = 'maintenance:\n  - id: m1\n    start: 2026-11-22T20:00\n  - id: m2\n    start: 2026-11-23T20:00\n';
    const out = apply(text, ['maintenance', 0], 'end', '2026-11-22T23:00+09:00');
    assert.deepEqual(parse(out).maintenance[0], { id: 'm1', start: '2026-11-22T20:00', end: '2026-11-22T23:00+09:00' });
    assert.ok(out.endsWith('  - id: m2\n    start: 2026-11-23T20:00\n'));
  });

  it('keeps CRLF', () => {
    const out = apply('a: 1\r\nb:\r\n  c: 2\r\n', ['b'], 'd', 'three');
    assert.equal(out, 'a: 1\r\nb:\r\n  c: 2\r\n  d: three\r\n');
  });

  it('keeps a comment after the last pair and a missing final line break', () => {
    assert.equal(apply('a: 1 # one', [], 'b', 'two'), 'a: 1 # one\nb: two');
  });

  it('fills an empty key with a block map, keeping its comment', () => {
    assert.equal(apply('checklist: # none yet\nstatus: x\n', ['checklist'], 'roles-assigned', ['done: now']),
      'checklist: # none yet\n  roles-assigned:\n    done: now\nstatus: x\n');
    assert.equal(apply('checklist: ~\n', ['checklist'], 'k', 'v'), 'checklist:\n  k: v\n');
  });

  it('writes into flow maps in flow style', () => {
    assert.equal(apply('people: {}\n', ['people'], 'lcw', 'x'), 'people: { lcw: x }\n');
    assert.equal(apply('people: { a: 1 }\n', ['people'], 'b', 'two'), 'people: { a: 1, b: two }\n');
  });

  it('writes values as strings, quoting what would read as another type', () => {
    assert.equal(apply('a: x\n', [], 'b', '2'), 'a: x\nb: "2"\n');
    assert.equal(apply('a: x\n', [], 'b', 'a: b'), 'a: x\nb: "a: b"\n');
  });

  it('starts an empty document', () => {
    assert.equal(apply('', [], 'a', 'one'), 'a: one\n');
    assert.equal(apply('# only a comment', [], 'a', 'one'), '# only a comment\na: one\n');
  });

  it('reports why it cannot insert', () => {
    const problem = (text: string, path: (string | number)[], key = 'k') => {
      const r = insertKeyLine(text, path, key, 'v');
      return r.ok ? 'ok' : r.problem;
    };
    assert.equal(problem('a: 1\n', [], 'a'), 'exists');
    assert.equal(problem('a: [1\n', []), 'yaml-errors');
    assert.equal(problem('a: 1\n', ['b']), 'no-path');
    assert.equal(problem('a: [1]\n', ['a']), 'not-a-map');
    assert.equal(insertKeyLine('a: {}\n', ['a'], 'k', ['x: 1']).ok, false);
  });
});

describe('core/edit: indentation detection', () => {
  const indentOf = (text: string) => { const s = parseSource(text, 'a.incident.yaml'); return detectIndent(s.doc, s.lines); };
  it('reads map, list and item offsets from the file', () => {
    assert.deepEqual(indentOf('a:\n    b: 1\nl:\n- x: 1\n  y: 2\n'), { map: 4, seq: 0, item: 2 });
    assert.deepEqual(indentOf('a:\n  b: 1\nl:\n    -   x: 1\n        y: 2\n'), { map: 2, seq: 4, item: 4 });
  });
  it('falls back to two spaces when the file has no nesting, and ignores flow collections', () => {
    assert.deepEqual(indentOf('a: 1\nb: [1, 2]\nc: {d: 1}\n'), { map: 2, seq: 2, item: 2 });
    assert.deepEqual(indentOf(''), { map: 2, seq: 2, item: 2 });
  });
  it('takes the most common layout when the file mixes them', () => {
    assert.equal(indentOf('a:\n  x: 1\nb:\n  y: 1\nc:\n    z: 1\n').map, 2);
  });
});
