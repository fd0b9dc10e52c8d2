// The edits behind "Disable <rule> for this line" and "Fix all", without a server.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/rules/types';
import { LineIndex } from '../../src/core/text';
import { disableEdit, fixAllEdits } from '../../src/server/codeActions';

function applyAt(text: string, edit: NonNullable<ReturnType<typeof disableEdit>>): string {
  const lines = new LineIndex(text);
  const o = lines.offset(edit.range.start);
  return text.slice(0, o) + edit.newText + text.slice(lines.offset(edit.range.end));
}

describe('server: disable comment edits', () => {
  it('inserts a directive above the line with its indentation', () => {
    const text = 'timeline:\n  - at: x\n    by: ghost\n';
    const e = disableEdit(text, new LineIndex(text), 2, 'unknown-person')!;
    assert.equal(applyAt(text, e), 'timeline:\n  - at: x\n    # incident-command-disable-next-line unknown-person\n    by: ghost\n');
  });

  it('keeps CRLF line ends', () => {
    const text = 'a: 1\r\nb: 2\r\n';
    const e = disableEdit(text, new LineIndex(text), 1, 'schema')!;
    assert.equal(applyAt(text, e), 'a: 1\r\n# incident-command-disable-next-line schema\r\nb: 2\r\n');
  });

  it('adds the rule to a directive already above the line, once', () => {
    const text = '  # incident-command-disable-next-line schema  \n  by: ghost\n';
    const e = disableEdit(text, new LineIndex(text), 1, 'unknown-person')!;
    assert.equal(applyAt(text, e), '  # incident-command-disable-next-line schema, unknown-person  \n  by: ghost\n');
    assert.equal(disableEdit(text, new LineIndex(text), 1, 'schema'), undefined);
  });
});

describe('server: fix all', () => {
  const finding = (span: [number, number], newText: string, safe: boolean): Finding => ({
    ruleId: 'schema', level: 'error', message: '', span, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    fixes: [{ title: 't', edits: [{ span, newText }], safe }],
  });

  it('takes every safe fix and drops the ones that overlap', () => {
    const edits = fixAllEdits([finding([0, 5], 'a', true), finding([3, 8], 'b', true), finding([10, 12], 'c', true), finding([20, 22], 'd', false)]);
    assert.deepEqual(edits.map((e) => e.newText), ['a', 'c']);
  });
});
