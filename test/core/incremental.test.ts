import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig } from '../../src/core/config';
import { SegmentCache } from '../../src/core/incremental';
import { analyzeText } from '../../src/core/lint';
import { parseSource } from '../../src/core/source';
import { visit } from 'yaml';

const NOW = Date.parse('2026-11-22T12:00:00Z');

function log(entries: number): string {
  let out = 'incident: inc-1\ntitle: Long maintenance\nservice: game\nseverity: SEV1\nstatus: mitigating\ntimezone: Asia/Seoul\n' +
    'people:\n  lcw: {name: Lee}\nroles:\n  commander: lcw\nmaintenance:\n  - id: m1\n    start: 2021-01-25T16:52\n' +
    '    announced_end: 2021-01-26T04:00\n# the timeline\ntimeline:\n';
  for (let i = 0; i < entries; i++) {
    const min = String(i % 60).padStart(2, '0');
    const hour = String(17 + Math.floor(i / 60)).padStart(2, '0');
    out += `  # entry ${i}\n  - at: 2021-01-25T${hour}:${min}\n    kind: ${i % 7 === 3 ? 'decision' : 'action'}\n    window: m1\n    by: lcw\n    id: e${i}\n    text: step ${i}\n`;
  }
  return out + 'lessons:\n  went_well: [data kept]\n';
}

function summary(text: string, cache?: SegmentCache): string[] {
  return analyzeText(text, 'a.incident.yaml', defaultConfig(), { lang: 'en', now: NOW }, undefined, cache).findings
    .map((f) => `${f.span[0]}-${f.span[1]} ${JSON.stringify(f.range)} ${f.ruleId} ${f.message} ${JSON.stringify(f.fixes)}`);
}

describe('incremental parsing', () => {
  it('keeps every value and comment exactly, in the strings of its own it stores them in', () => {
    // Long values are copied out of the text they were parsed from (through UTF-8 or, with a
    // lone surrogate, UTF-16), short ones shared: neither may change a character.
    const odd = ['점검 공지 갱신, 예상 종료 시각을 다시 안내했습니다 (28분 연장)', 'half a pair \uD83D here, and more text',
      'a "quoted" value that is longer than twenty-four characters', 'e\u0301 combining and 🎮 astral characters here'];
    let text = log(100);
    odd.forEach((v, i) => { text = text.replace(`text: step ${10 + i}\n`, `text: ${JSON.stringify(v)} # note ${i} ${v}\n`); });
    const cache = new SegmentCache();
    const composed = parseSource(text, 'a.incident.yaml', 'incident', cache);
    assert.equal(cache.lastComposed, true);
    const full = parseSource(text, 'a.incident.yaml', 'incident');
    assert.deepEqual(composed.doc.toJS(), full.doc.toJS());
    const notes = (doc: typeof full.doc): string[] => {
      const out: string[] = [];
      visit(doc, { Scalar(_, n) { if (n.comment) out.push(n.comment); } });
      return out;
    };
    assert.deepEqual(notes(composed.doc), notes(full.doc));
    assert.equal(notes(full.doc).length, odd.length);
    for (const v of odd) assert.ok(JSON.stringify(composed.doc.toJS()).includes(JSON.stringify(v).slice(1, -1)), v);
  });

  it('parses only the edited entry again', () => {
    const cache = new SegmentCache();
    const text = log(200);
    summary(text, cache);
    assert.equal(cache.ready, true);
    const edited = text.replace('text: step 100\n', 'text: step one hundred\n');
    assert.deepEqual(summary(edited, cache), summary(edited));
    assert.equal(cache.lastParsed, 1);
  });

  it('gives the findings of a full parse after any sequence of edits', function () {
    this.timeout(180000);
    const base = log(60);
    const edit = fc.record({
      at: fc.nat(), remove: fc.nat({ max: 40 }),
      insert: fc.oneof(
        fc.constantFrom('  - at: 2021-01-25T16:00\n    kind: note\n    text: x\n', 'kind: mitigaton', '\n', '  ', '- ', '#', ':', '"', 'why: because\n    ', 'TODO ', '2021-13-01T00:00', '&a ', '*a', '---\n', '\t'),
        fc.string({ maxLength: 6 })),
    });
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
      const cache = new SegmentCache();
      let text = base;
      summary(text, cache);
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        assert.deepEqual(summary(text, cache), summary(text));
      }
    }), { numRuns: 80 });
  });

  it('keeps line positions and findings exact through edits of whole lines and items', function () {
    this.timeout(180000);
    const entry = (n: number) => `  - at: 2021-01-25T18:${String(n % 60).padStart(2, '0')}\n    kind: ${n % 2 ? 'mitigaton' : 'note'}\n    text: added ${n}\n`;
    const op = fc.record({
      line: fc.nat(), count: fc.nat({ max: 9 }), n: fc.nat({ max: 99 }),
      what: fc.constantFrom('insert-entry', 'delete-lines', 'append-entry', 'indent-line', 'top-level-key', 'comment-line', 'blank-line', 'crlf-line', 'split-item'),
    });
    fc.assert(fc.property(fc.boolean(), fc.array(op, { minLength: 1, maxLength: 10 }), (timelineLast, ops) => {
      const cache = new SegmentCache();
      let text = timelineLast ? log(50).replace('lessons:\n  went_well: [data kept]\n', '') : log(50);
      summary(text, cache);
      for (const o of ops) {
        const lines = text.split(/(?<=\n)/);
        const at = o.line % (lines.length + 1);
        if (o.what === 'insert-entry') lines.splice(at, 0, entry(o.n));
        else if (o.what === 'delete-lines') lines.splice(at, o.count);
        else if (o.what === 'append-entry') lines.push(entry(o.n));
        else if (o.what === 'indent-line' && lines[at]) lines[at] = `  ${lines[at]}`;
        else if (o.what === 'top-level-key') lines.splice(at, 0, `extra${o.n}: x\n`);
        else if (o.what === 'comment-line') lines.splice(at, 0, '  # a note\n');
        else if (o.what === 'blank-line') lines.splice(at, 0, '\n');
        else if (o.what === 'crlf-line' && lines[at]) lines[at] = lines[at].replace(/\r?\n$/, '\r\n');
        else if (o.what === 'split-item' && lines[at]?.startsWith('    ')) lines[at] = `  - ${lines[at].slice(4)}`;
        text = lines.join('');
        assert.deepEqual(summary(text, cache), summary(text));
      }
    }), { numRuns: 120 });
  });

  it('parses only the items an edit touches, and moves the rest', () => {
    const cache = new SegmentCache();
    let text = log(300);
    summary(text, cache);
    text = text.replace('    text: step 10\n', '    text: step ten\n    why: test\n');
    assert.deepEqual(summary(text, cache), summary(text));
    assert.equal(cache.lastParsed, 1);
    text = text.replace('  # entry 20\n', '  # entry 20\n  - at: 2021-01-25T17:20\n    kind: note\n    text: inserted\n');
    assert.deepEqual(summary(text, cache), summary(text));
    assert.equal(cache.lastParsed <= 2, true);
    // An edit of a top-level key cuts the whole text again but still reuses every other segment.
    text = text.replace('status: mitigating\n', 'status: monitoring\n');
    assert.deepEqual(summary(text, cache), summary(text));
    assert.equal(cache.lastParsed, 1);
    text += '  - at: 2021-01-26T01:00\n    kind: note\n    text: last\n';
    assert.deepEqual(summary(text, cache), summary(text));
    assert.equal(cache.lastParsed <= 2, true);
  });

  it('stays incremental through a half-typed entry: the edit that mends it parses only that entry', () => {
    const cache = new SegmentCache();
    const good = log(300);
    summary(good, cache);
    const broken = good.replace('    text: step 150\n', '    text: "step 150\n');
    assert.deepEqual(summary(broken, cache), summary(broken)); // answered by a full parse
    const mended = good.replace('    text: step 150\n', '    text: "step 150"\n');
    assert.deepEqual(summary(mended, cache), summary(mended));
    assert.equal(cache.lastParsed, 1);
    // Broken again, then typed back to the exact text of before: positions still exact.
    const broken2 = mended.replace('    text: step 20\n', '    text: [step 20\n');
    assert.deepEqual(summary(broken2, cache), summary(broken2));
    assert.deepEqual(summary(mended, cache), summary(mended));
    const moved = 'title: moved\n' + mended.replace('    text: step 280\n', '    text: step 281\n');
    assert.deepEqual(summary(moved, cache), summary(moved));
  });
});
