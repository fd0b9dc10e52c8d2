// Every write the extension makes to a document is one WorkspaceEdit (one undo step), built
// by edit-plan from what the command computed, and applied only to that document version.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startMaintenanceWindow } from '../../src/core/edit/maintenance-window';
import { insertEntries } from '../../src/core/edit/insert-entries';
import { applyEdits, LineIndex } from '../../src/core/text';
import { planChanges, planEdits } from '../../src/extension/edit-plan';

const EXTENSION = path.join(__dirname, '..', '..', '..', 'src', 'extension');

/** Applies a plan the way an editor applies one WorkspaceEdit: every change against the same text. */
function applyPlan(text: string, changes: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = new LineIndex(text);
  return applyEdits(text, changes.map((c) => ({ span: [lines.offset(c.range.start), lines.offset(c.range.end)] as const, newText: c.newText })));
}

describe('extension: one write, one WorkspaceEdit', () => {
  const LOG = 'incident: a\r\ntimeline:\r\n  - at: 2026-11-22T09:00+09:00 # first\r\n    kind: note\r\n    text: a\r\n  # later\r\n  - at: 2026-11-22T11:00+09:00\r\n    kind: note\r\n    text: c\r\n';

  it('a command that writes two places (window and entry) is one change on its version', () => {
    const r = startMaintenanceWindow(LOG, { id: 'm1', start: '2026-11-22T12:00+09:00', entryText: 'down' });
    assert.ok(r.ok);
    const lines = new LineIndex(LOG);
    const plan = planEdits(7, (o) => lines.position(o), [r.edit]);
    assert.ok(plan.ok);
    assert.equal(plan.version, 7);
    assert.equal(plan.changes.length, 1);
    assert.equal(applyPlan(LOG, plan.changes), applyEdits(LOG, [r.edit]));
  });

  it('a chat import into several places is one plan of ordered, separate changes', () => {
    const at = (hm: string) => ({ ms: Date.parse(`2026-11-22T${hm}:00+09:00`), at: `2026-11-22T${hm}+09:00`, kind: 'communication', text: `said at ${hm}` });
    const r = insertEntries(LOG, [at('12:00'), at('08:00'), at('10:00')]);
    assert.ok(r.ok && r.edits.length === 3);
    const lines = new LineIndex(LOG);
    const plan = planEdits(3, (o) => lines.position(o), r.edits);
    assert.ok(plan.ok);
    assert.equal(plan.changes.length, 3);
    const starts = plan.changes.map((c) => lines.offset(c.range.start));
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    assert.equal(applyPlan(LOG, plan.changes), r.text);
  });

  it('refuses changes that overlap or insert twice at one place, rather than pick an order', () => {
    const p = (l: number, c: number) => ({ line: l, character: c });
    assert.deepEqual(planChanges(1, []), { ok: false, reason: 'nothing' });
    assert.deepEqual(planChanges(1, [{ range: { start: p(0, 0), end: p(0, 5) }, newText: 'a' }, { range: { start: p(0, 3), end: p(0, 6) }, newText: 'b' }]), { ok: false, reason: 'overlap' });
    assert.deepEqual(planChanges(1, [{ range: { start: p(1, 0), end: p(1, 0) }, newText: 'a' }, { range: { start: p(1, 0), end: p(1, 0) }, newText: 'b' }]), { ok: false, reason: 'overlap' });
    const ok = planChanges(1, [{ range: { start: p(2, 0), end: p(2, 0) }, newText: 'b' }, { range: { start: p(0, 0), end: p(0, 1) }, newText: 'a' }]);
    assert.ok(ok.ok && ok.changes[0].newText === 'a');
  });

  it('no command writes to a document except through apply-edit', () => {
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const writers = files(EXTENSION).filter((f) => /\.applyEdit\(|\.edit\(\s*\(|insertSnippet\(/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(writers.map((f) => path.relative(EXTENSION, f)), ['apply-edit.ts']);
  });
});
