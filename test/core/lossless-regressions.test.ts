// The cases the lossless properties found, kept as plain examples.
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../src/core/config';
import { multilineScalars, disableLine } from '../../src/core/disable';
import { appendTimelineEntry } from '../../src/core/edit/timeline';
import { analyzeText } from '../../src/core/lint';
import { applyEdits, LineIndex, oneEdit } from '../../src/core/text';
import { disableEdit } from '../../src/server/codeActions';
import { toJS } from './lossless';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const lint = (text: string, name = 'x.incident.yaml') => analyzeText(text, name, defaultConfig(), { lang: 'en', now: NOW });

describe('lossless edits: the cases the properties found', () => {
  it('sorting keeps an entry whole when a comment at column 0 sits between its keys', () => {
    const text = 'incident: a\ntimeline:\n- at: 2026-11-22T09:01+09:00\n  kind: note\n  text: b\n- at: 2026-11-22T09:00+09:00\n  kind: note\n# between keys\n  text: a\n# after\n';
    const fix = lint(text).findings.find((f) => f.ruleId === 'timeline-order')!.fixes[0];
    const out = applyEdits(text, fix.edits);
    assert.equal(out, 'incident: a\ntimeline:\n- at: 2026-11-22T09:00+09:00\n  kind: note\n# between keys\n  text: a\n- at: 2026-11-22T09:01+09:00\n  kind: note\n  text: b\n# after\n');
  });

  it('a notice step is written in the list\'s own dash gap', () => {
    const text = 'runbook: r\ntitle: t\nkind: maintenance\nwindow: 2h\nsteps:\n-   id: s1\n    title: Stop writes\n    run: echo hi\n';
    const fix = lint(text, 'x.runbook.yaml').findings.find((f) => f.ruleId === 'no-user-notice')!.fixes[0];
    const out = applyEdits(text, fix.edits);
    assert.match(out, /\nsteps:\n- {3}id: user-notice\n {4}title: /);
    assert.equal((toJS(out).steps as unknown[]).length, 2);
  });

  it('a finding inside a block scalar is disabled from the scalar\'s key line, leaving the text alone', () => {
    const text = 'runbook: r\ntitle: t\nsteps:\n  - id: s1\n    title: Drop\n    run: |\n      echo first\n      kubectl delete ns prod\n';
    const analysis = lint(text, 'x.runbook.yaml');
    const f = analysis.findings.find((x) => x.ruleId === 'dangerous-command')!;
    assert.equal(f.range.start.line, 7);
    const line = disableLine(multilineScalars(analysis.file), f.range.start.line);
    assert.equal(line, 5);
    const lines = new LineIndex(text);
    const e = disableEdit(text, lines, line, f.ruleId)!;
    const at = lines.offset(e.range.start);
    const out = text.slice(0, at) + e.newText + text.slice(at);
    assert.deepEqual(toJS(out), toJS(text));
    assert.equal(lint(out, 'x.runbook.yaml').findings.some((x) => x.ruleId === 'dangerous-command'), false);
    // A disable comment at the end of the key line works the same.
    const inline = text.replace('run: |', 'run: | # incident-command-disable-line dangerous-command');
    assert.equal(lint(inline, 'x.runbook.yaml').findings.some((x) => x.ruleId === 'dangerous-command'), false);
  });

  it('a key after a "?" explicit key starts at the map\'s column', () => {
    const r = appendTimelineEntry('?', { at: '2026-11-22T21:05+09:00', kind: 'note', text: 'x' });
    assert.ok(r.ok);
    assert.equal(applyEdits('?', [r.edit]), '?\ntimeline:\n  - at: 2026-11-22T21:05+09:00\n    kind: note\n    text: x');
  });

  it('one edit over several places covers whole lines of both texts', () => {
    const before = 'a\n# c\n\nb\n';
    const after = 'a\nnew 1\n# c\n\nnew 2\nb\n';
    const e = oneEdit(before, after);
    assert.equal(applyEdits(before, [e]), after);
    assert.equal(e.span[0], 2);
    assert.equal(before.slice(e.span[1]), 'b\n');
    assert.ok(e.newText.endsWith('\n'));
  });
});
