// Disable comments at scale: one comment naming thousands of rule ids, and thousands of
// comments, silence exactly what they name and report each unknown id at its place.
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../src/core/config';
import { DisabledLines, isDisabled, readDirectives } from '../../src/core/disable';
import { analyzeText } from '../../src/core/lint';
import { LineIndex } from '../../src/core/text';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const HEAD = 'incident: i\ntitle: t\nservice: s\nseverity: SEV3\nstatus: monitoring\ntimezone: Asia/Seoul\n';
const lint = (text: string) => analyzeText(text, 'x.incident.yaml', defaultConfig(), { lang: 'en', now: NOW }).findings;
const N = 5000;

describe('disable comments with thousands of ids or lines', () => {
  it('one comment with 5,000 ids: the known one silences its rule, each unknown one is reported on its own text', () => {
    const ids = Array.from({ length: N }, (_, i) => (i === N / 2 ? 'schema' : `no-such-rule-${i}`));
    const text = `${HEAD}timeline:\n  - at: 2021-01-26T02:00\n    kind: bogus # incident-command-disable-line ${ids.join(', ')}\n    text: a\n`;
    const found = lint(text);
    assert.deepEqual(found.filter((f) => f.ruleId === 'schema'), []);
    const unknown = found.filter((f) => f.ruleId === 'unknown-rule');
    assert.equal(unknown.length, N - 1);
    for (const f of unknown) {
      const id = text.slice(f.span[0], f.span[1]);
      assert.match(id, /^no-such-rule-\d+$/);
      assert.ok(f.message.includes(`"${id}"`), f.message);
      assert.equal(f.range.start.line, 8);
    }
    // Without the comment the same line has its schema finding.
    assert.equal(lint(text.replace(/ # incident-command-disable-line .*/, '')).filter((f) => f.ruleId === 'schema').length, 1);
  });

  it('5,000 disable comments each silence only the line after them', () => {
    const entries: string[] = [];
    for (let i = 0; i < N; i++) {
      // Even entries silence the schema finding on their kind; odd ones name another rule.
      entries.push(`  - at: 2021-01-26T02:00\n    # incident-command-disable-next-line ${i % 2 ? 'placeholder' : 'schema'}\n    kind: bogus\n    text: a\n`);
    }
    const text = `${HEAD}timeline:\n${entries.join('')}`;
    const schema = lint(text).filter((f) => f.ruleId === 'schema');
    assert.equal(schema.length, N / 2);
    const lines = new LineIndex(text);
    for (const f of schema) {
      assert.equal(text.slice(f.span[0], f.span[1]), 'bogus');
      assert.match(lines.lineText(f.range.start.line - 1), /disable-next-line placeholder$/);
    }
  });

  it('an id silences its family, not a longer id; a bare directive silences every rule', () => {
    const text = [
      'a: 1 # incident-command-disable-line checklist, secret-in',
      '# incident-command-disable-next-line',
      'b: 2',
      'c: 3 # incident-command-disable-line checklist/user',
    ].join('\n');
    const directives = readDirectives(text, new LineIndex(text));
    const lines = new DisabledLines(directives);
    assert.equal(lines.has(0, 'checklist'), true);
    assert.equal(lines.has(0, 'checklist/user-notice'), true);
    assert.equal(lines.has(0, 'secret-in-text'), false);
    assert.equal(lines.has(2, 'anything'), true);
    assert.equal(lines.has(3, 'checklist/user-notice'), false);
    assert.equal(lines.has(1, 'checklist'), false);
    for (const [line, id] of [[0, 'checklist/user-notice'], [2, 'schema'], [3, 'checklist/user-notice'], [3, 'checklist/user']] as const) {
      assert.equal(isDisabled(directives, line, id), lines.has(line, id));
    }
  });
});
