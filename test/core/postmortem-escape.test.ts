// Log text is text: no HTML, link, heading or table cell can be smuggled into the Markdown.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { defaultConfig } from '../../src/core/config';
import { postmortemFromText } from '../../src/core/postmortem';
import { escapeMarkdown, mermaidLabel } from '../../src/core/postmortem/markdown';
import { log, render } from './postmortem-helpers';

const HOSTILE = log({
  extra: 'summary: "# not a heading <script>alert(1)</script>"\ncauses:\n  - text: "| a | b |"',
  windows: '  - id: m\n    title: "evil: <img src=x onerror=alert(1)>; # x"\n    start: 2021-05-10T10:00\n    end: 2021-05-10T12:00',
  timeline: [
    '  - at: 2021-05-10T10:00', '    kind: maintenance-start', '    text: "<script>alert(1)</script>"',
    '  - at: 2021-05-10T10:30', '    kind: note', '    text: "[click](javascript:alert(1)) and <javascript:alert(2)>"',
    '  - at: 2021-05-10T11:00', '    kind: note', '    text: "a | b | c with **bold** and `code`"',
  ].join('\n'),
});

describe('postmortem: escaping', () => {
  const md = render(HOSTILE, { lang: 'en' });

  it('shows HTML from the log as text', () => {
    assert.ok(!/<script|<img/i.test(md), 'no raw tag');
    assert.ok(md.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  it('turns no log text into a link', () => {
    assert.ok(!/(?<!\\)\]\(javascript:/.test(md), 'an unescaped ]( would make a link');
    assert.ok(md.includes('\\[click\\](javascript:alert(1))'));
    assert.ok(md.includes('&lt;javascript:alert(2)&gt;'));
  });

  it('keeps a leading # from becoming a heading', () => {
    assert.ok(md.includes('\n\\# not a heading'));
  });

  it('keeps | inside its table cell', () => {
    const row = md.split('\n').find((l) => l.startsWith('| ') && l.includes('a \\| b \\| c'));
    assert.ok(row, 'the pipe is escaped');
    const cells = row!.replace(/\\\|/g, '').split('|').length - 2;
    assert.equal(cells, 6, 'six columns, as in the header');
  });

  it('keeps Mermaid labels to plain words', () => {
    assert.ok(!/evil: </.test(md));
    assert.equal(mermaidLabel('a: b; #c <d>'), 'a b c d');
  });

  it('escapes every Markdown punctuation it could read as markup', () => {
    assert.equal(escapeMarkdown('*a* _b_ [c] `d` ~e~ $f$ |g| \\h'), '\\*a\\* \\_b\\_ \\[c\\] \\`d\\` \\~e\\~ \\$f\\$ \\|g\\| \\\\h');
  });

  it('never throws, whatever the log holds', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom('ko', 'en') as fc.Arbitrary<'ko' | 'en'>, fc.constantFrom('ndc', 'sre') as fc.Arbitrary<'ndc' | 'sre'>, (junk, lang, style) => {
      for (const text of [junk, HOSTILE.replace('a | b', junk), HOSTILE.replace('2021-05-10T11:00', junk.replace(/\n/g, ' '))]) {
        const r = postmortemFromText(text, 't.incident.yaml', defaultConfig(), { lang, style });
        if (r.ok) assert.ok(r.markdown.endsWith('\n'));
      }
    }), { numRuns: 150 });
  });

  it('survives odd shapes: empty, a list, wrong types everywhere', () => {
    for (const text of ['', '- a\n- b\n', 'timeline: 3\nmaintenance: x\ndecisions: [1, 2]\npeople: []\nroles: 5\nimpact: [x]\nlessons: 1\ncauses: {a: 1}\n']) {
      const r = postmortemFromText(text, 't.incident.yaml', defaultConfig(), {});
      assert.ok(r.ok, text);
    }
  });

  it('reads keys like __proto__ from the log as plain words', () => {
    const text = log({
      extra: 'roles:\n  __proto__: a\n  constructor: b',
      timeline: '  - at: 2021-05-10T10:00\n    kind: constructor\n    text: x',
    }).replace('status: resolved', 'status: __proto__');
    const md = render(text, { lang: 'ko' });
    assert.ok(md.includes('- __proto__: a') || md.includes('- \\_\\_proto\\_\\_: a'));
    assert.ok(!md.includes('[object Object]'));
  });
});
