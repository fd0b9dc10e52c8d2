// A command's write as one step: the edits it computed on one version of a document become the
// changes of one WorkspaceEdit (one undo step in the editor), applied only while the document is
// still at that version. Pure (no `vscode`), so the assembly is unit-tested; apply-edit.ts hands
// the plan to the editor.
import type { Position, Range, TextEdit } from '../core/text';

export interface Change { range: Range; newText: string }

export type Plan =
  | { ok: true; version: number; changes: Change[] }
  | { ok: false; reason: 'nothing' | 'overlap' };

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);
const same = (a: Position, b: Position): boolean => a.line === b.line && a.character === b.character;

/**
 * Changes in editor positions, from edits in the editor's own ranges (what the server sends).
 * Edits that overlap, or two insertions at one place (whose order an editor may not keep), are
 * refused rather than applied in some order.
 */
export function planChanges(version: number, changes: readonly Change[]): Plan {
  if (!changes.length) return { ok: false, reason: 'nothing' };
  const sorted = [...changes].sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1].range;
    const cur = sorted[i].range;
    if (before(cur.start, prev.end) || (same(cur.start, prev.start) && (same(cur.start, cur.end) || same(prev.start, prev.end)))) {
      return { ok: false, reason: 'overlap' };
    }
  }
  return { ok: true, version, changes: sorted };
}

/** The same, from edits by offset (what core's builders return), through the document's positions. */
export function planEdits(version: number, positionAt: (offset: number) => Position, edits: readonly TextEdit[]): Plan {
  return planChanges(version, edits.map((e) => ({ range: { start: positionAt(e.span[0]), end: positionAt(e.span[1]) }, newText: e.newText })));
}
