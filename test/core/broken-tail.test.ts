// A half-typed entry in a long log is answered by parsing from that entry on: it must give what
// a full parse gives, error for error and node for node, and mend back to incremental parsing.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { visit } from 'yaml';
import type { Document } from 'yaml';
import { SegmentCache } from '../../src/core/incremental';
import { parseSource, SourceFile } from '../../src/core/source';

function log(entries: number): string {
  let out = '# a long night\nincident: inc-1\ntitle: 점검\ntimezone: Asia/Seoul\nmaintenance:\n  - id: m1\n    start: 2021-01-25T16:52\n' +
    'timeline: # all of it\n';
  for (let i = 0; i < entries; i++) {
    out += `  # entry ${i}\n  - at: 2021-01-25T17:${String(i % 60).padStart(2, '0')}\n    kind: action\n    text: 단계 ${i} done\n`;
  }
  return out + 'action_items:\n  - text: write it up\n    owner: lcw\nlessons:\n  went_well: [data kept]\n';
}

/**
 * Every node in document order: its kind, range, value and comment. Comment lines between list
 * items are left out: composing from segments loses their place (the text keeps them).
 */
function nodes(doc: Document.Parsed): string[] {
  const out: string[] = [];
  visit(doc.contents, (key, node) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { constructor: { name: string }; range?: number[]; value?: unknown; comment?: string };
    const value = n.constructor.name === 'Scalar' ? JSON.stringify(n.value) : '';
    out.push(`${String(key)} ${n.constructor.name} ${JSON.stringify(n.range ?? null)} ${value} ${n.comment ?? ''}`);
  });
  return out;
}

const problems = (f: SourceFile): string[] => [...f.yamlErrors, ...f.yamlWarnings].map((p) => `${p.code} ${p.span[0]}-${p.span[1]} ${p.message}`);

// What a person leaves half-typed in an entry, as it appears on the way.
const BREAKS = ['text: "not closed yet', "text: 'not closed", 'text: [a, b', 'text: {a: b', 'text: a: b', 'text: ok\n\tby: lcw',
  'text: ok\n      by: lcw', 'text: ok\n    byline', 'text: |\n  x\n y', 'text: ok\n - x', 'text: "a" b', 'kind: action\n    kind: note',
  'text: ok\nstatus: resolved', 'text: ok\nincident: twice', 'text: "닫히지 않은 따옴표', 'text: ok\n  - at: 2021', 'text: ok\n    - x'];

describe('a broken entry answered from that entry on', () => {
  it('gives the errors and the nodes of a full parse, and mends back to parsing one entry', () => {
    const base = log(120);
    const entryAt = (i: number): number => base.indexOf(`    text: 단계 ${i} done\n`);
    fc.assert(fc.property(fc.integer({ min: 0, max: 119 }), fc.constantFrom(...BREAKS), (i, broken) => {
      const cache = new SegmentCache();
      parseSource(base, 'a.incident.yaml', 'incident', cache);
      const at = entryAt(i);
      const text = `${base.slice(0, at)}    ${broken}\n${base.slice(base.indexOf('\n', at) + 1)}`;
      const tail = parseSource(text, 'a.incident.yaml', 'incident', cache);
      const full = parseSource(text, 'a.incident.yaml', 'incident');
      assert.deepEqual(problems(tail), problems(full));
      if (cache.lastTail || cache.lastComposed) assert.deepEqual(nodes(tail.doc), nodes(full.doc));
      // Typed on until valid: the edit that mends it parses that entry alone, and exactly.
      const good = `${base.slice(0, at)}    text: "mended ${i}"\n${base.slice(base.indexOf('\n', at) + 1)}`;
      const mended = parseSource(good, 'a.incident.yaml', 'incident', cache);
      assert.equal(cache.lastComposed, true);
      assert.equal(cache.lastParsed, 1);
      assert.deepEqual(nodes(mended.doc), nodes(parseSource(good, 'a.incident.yaml', 'incident').doc));
    }), { numRuns: 120 });
  });

  it('answers the common half-typed entries without a full parse', () => {
    const base = log(200);
    const at = base.indexOf('    text: 단계 150 done\n');
    for (const broken of ['text: "not closed yet', 'text: [a, b', 'text: a: b', 'text: ok\n    byline']) {
      const cache = new SegmentCache();
      parseSource(base, 'a.incident.yaml', 'incident', cache);
      parseSource(`${base.slice(0, at)}    ${broken}\n${base.slice(base.indexOf('\n', at) + 1)}`, 'a.incident.yaml', 'incident', cache);
      assert.equal(cache.lastTail, true, broken);
    }
  });

  it('parses the whole text when the keys before the list repeat its own key, after a text that could not be composed', () => {
    let base = 'title: a\ntimeline:\n';
    for (let i = 0; i < 30; i++) base += `  - at: 2021-01-25T17:${String(i).padStart(2, '0')}\n    text: e${i}\n`;
    base += 'end: 1\n';
    const cache = new SegmentCache();
    parseSource(base, 'a.incident.yaml', 'incident', cache);
    const twice = `timeline: x\n${base}`;
    parseSource(twice, 'a.incident.yaml', 'incident', cache);
    const broken = twice.replace('text: e10\n', 'text: "e10\n');
    const f = parseSource(broken, 'a.incident.yaml', 'incident', cache);
    assert.deepEqual(problems(f), problems(parseSource(broken, 'a.incident.yaml', 'incident')));
    assert.ok(problems(f).some((p) => p.startsWith('DUPLICATE_KEY')));
  });

  it('parses the whole text when the tail repeats a key from before it', () => {
    const base = log(100);
    const at = base.indexOf('    text: 단계 50 done\n');
    const cache = new SegmentCache();
    parseSource(base, 'a.incident.yaml', 'incident', cache);
    const text = `${base.slice(0, at)}    text: ok\nincident: twice\n${base.slice(base.indexOf('\n', at) + 1)}`;
    const f = parseSource(text, 'a.incident.yaml', 'incident', cache);
    assert.equal(cache.lastTail, false);
    assert.ok(problems(f).some((p) => p.startsWith('DUPLICATE_KEY')));
  });
});
