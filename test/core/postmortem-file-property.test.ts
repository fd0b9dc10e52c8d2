// For any generated text: the generator recognises its own untouched output in either line
// break, and any edit a person makes below the marker (one character in, out or changed) makes
// it a file that is never overwritten. A regenerated file takes the line breaks of the one it replaces.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decideWrite, inLineBreaksOf, isUntouched, withMarker } from '../../src/core/postmortem-file';

const INFO = { source: 'a.incident.yaml', style: 'ndc', lang: 'ko' };
const body = fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('\n', '\n\n', '# 회고\n', '| a | b |\n', '<!-- x -->\n')), { maxLength: 20 })
  .map((parts) => parts.join(''));
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
const same = (a: string, b: string) => a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');

describe('postmortem file: properties', () => {
  it('knows its own output, in LF, CR LF or after a BOM', () => {
    fc.assert(fc.property(body, body, (md, next) => {
      const v = withMarker(md, INFO);
      for (const onDisk of [v, crlf(v), `\ufeff${v}`]) {
        assert.ok(isUntouched(onDisk));
        const d = decideWrite(onDisk, withMarker(next, INFO));
        assert.equal(d, same(onDisk, withMarker(next, INFO)) ? 'unchanged' : 'overwrite');
      }
    }), { numRuns: 300 });
  });

  it('never overwrites a file with one character edited', () => {
    const edit = fc.tuple(body, fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom('x', ' ', '\n', '한', '-'));
    fc.assert(fc.property(edit, fc.boolean(), ([md, at, how, ch], asCrlf) => {
      const v = asCrlf ? crlf(withMarker(md, INFO)) : withMarker(md, INFO);
      // Anywhere after the marker line: what the person wrote, not the generator's own bookkeeping.
      const bodyStart = v.indexOf('\n') + 1;
      const i = bodyStart + (at % (v.length - bodyStart + 1));
      const edited = how === 'insert' ? v.slice(0, i) + ch + v.slice(i)
        : how === 'delete' ? v.slice(0, i) + v.slice(i + 1) : v.slice(0, i) + ch + v.slice(i + 1);
      // Taking a CR out of a CR LF, or turning it into an LF break again, is a line ending, not an edit.
      if (same(edited, v)) return;
      const d = decideWrite(edited, withMarker(`${md}more\n`, INFO));
      assert.ok(d === 'edited' || d === 'foreign', `${how} ${JSON.stringify(ch)} at ${i} gave ${d}`);
    }), { numRuns: 500 });
  });

  it('writes in the line breaks of the file it replaces', () => {
    fc.assert(fc.property(body, body, fc.boolean(), (old, md, wasCrlf) => {
      const existing = wasCrlf ? crlf(withMarker(old, INFO)) : withMarker(old, INFO);
      const out = inLineBreaksOf(withMarker(md, INFO), existing);
      assert.ok(isUntouched(out));
      if (wasCrlf && existing.includes('\r\n')) assert.doesNotMatch(out, /(^|[^\r])\n/);
      else assert.equal(out, withMarker(md, INFO));
    }), { numRuns: 200 });
  });
});
