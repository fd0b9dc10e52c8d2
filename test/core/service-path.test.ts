// pathAt: the key path at a cursor, on half-typed and broken YAML. `|` marks the cursor.
import * as assert from 'node:assert/strict';
import { pathAt } from '../../src/core/service';
import { parseSource } from '../../src/core/source';

function at(withCursor: string) {
  const offset = withCursor.indexOf('|');
  const text = withCursor.slice(0, offset) + withCursor.slice(offset + 1);
  const r = pathAt(parseSource(text, 'x.incident.yaml'), offset);
  return { ...r, value: r.text };
}

describe('service: pathAt', () => {
  it('is on the value after `kind: ` with nothing typed', () => {
    const r = at('timeline:\n  - at: 2021-01-25T16:52\n    kind: |\n');
    assert.deepEqual([r.path, r.on, r.value], [['timeline', 0, 'kind'], 'value', '']);
  });

  it('needs a space when the cursor sits right after the colon', () => {
    const r = at('timeline:\n  - at: x\n    kind:|\n');
    assert.equal(r.needsSpace, true);
  });

  it('is on a new key of a new item after `  - `', () => {
    const r = at('timeline:\n  - at: x\n    kind: note\n  - |\n');
    assert.deepEqual([r.path, r.on], [['timeline', 1, ''], 'key']);
    assert.deepEqual(r.siblings, []);
  });

  it('knows the keys already in the map, above and below the cursor', () => {
    const r = at('timeline:\n  - at: x\n    |\n    text: hi\n  - at: y\n    by: z\n');
    assert.deepEqual([r.path, r.on], [['timeline', 0, ''], 'key']);
    assert.deepEqual(r.siblings.sort(), ['at', 'text']);
  });

  it('reads a partial key with its prefix', () => {
    const r = at('timeline:\n  - at: x\n    ki|\n');
    assert.deepEqual([r.path, r.prefix, r.bare], [['timeline', 0, 'ki'], 'ki', true]);
  });

  it('counts items of a flow list', () => {
    const r = at('causes:\n  - text: a\n    refs: [a, b|]\n');
    assert.deepEqual([r.path, r.value, r.prefix], [['causes', 0, 'refs', 1], 'b', 'b']);
  });

  it('counts items of a compact list at the parent key\'s indentation', () => {
    const r = at('maintenance:\n- id: m1\n  start: x\n- id: m2\n  end: |\n');
    assert.deepEqual(r.path, ['maintenance', 1, 'end']);
  });

  it('skips nested lists when counting items', () => {
    const r = at('timeline:\n  - options:\n      - a\n      - b\n    text: t\n  - at: x\n  - kind: |\n');
    assert.deepEqual(r.path, ['timeline', 2, 'kind']);
  });

  it('treats lines of a block scalar as that value', () => {
    const r = at('summary: >-\n  some text\n  mo|re\ntitle: x\n');
    assert.deepEqual([r.path, r.on], [['summary'], 'value']);
  });

  it('is on a key when the cursor is in it', () => {
    const r = at('incident: a\nsev|erity: SEV1\nstatus: open\n');
    assert.deepEqual([r.path, r.on, r.value], [['severity'], 'key', 'severity']);
    assert.deepEqual(r.siblings.sort(), ['incident', 'status']);
  });

  it('reads quoted values without their quotes', () => {
    const r = at('timeline:\n  - at: "2021-01|"\n');
    assert.deepEqual([r.value, r.prefix], ['2021-01', '2021-01']);
  });

  it('still answers when the YAML above does not parse', () => {
    const r = at('title: "unclosed\n  : : [\ntimeline:\n  - at: x\n    kind: |\n');
    assert.deepEqual(r.path, ['timeline', 0, 'kind']);
  });

  it('follows a flow list over several lines (from the parsed tree)', () => {
    const r = at('causes:\n  - text: a\n    refs: [first,\n      sec|ond]\n');
    assert.deepEqual([r.path, r.on, r.value, r.prefix], [['causes', 0, 'refs', 1], 'value', 'second', 'sec']);
  });

  it('follows a flow map (from the parsed tree)', () => {
    const r = at('impact: {start: 2021-01-25T15:05, end: 2021-01-2|7T07:15}\n');
    assert.deepEqual([r.path, r.on, r.value], [['impact', 'end'], 'value', '2021-01-27T07:15']);
    const k = at('impact: {start: x, en|d: y}\n');
    assert.deepEqual([k.path, k.on, k.siblings], [['impact', 'end'], 'key', ['start']]);
  });

  it('ignores comments and blank lines between items', () => {
    const r = at('timeline:\n  - at: x\n\n  # a comment\n  - at: y\n    # note\n    by: |\n');
    assert.deepEqual(r.path, ['timeline', 1, 'by']);
  });
});
