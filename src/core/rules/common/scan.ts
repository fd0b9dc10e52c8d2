// Whole-document scans of every string (secrets, placeholders) are the costliest checks on a
// long log. Their reports for one item of a list depend only on that item's text, so they are
// kept per item, with spans relative to the item, and carried over for the items an incremental
// parse reused (see list-history.ts); they are replayed at wherever the entry now stands.
import type { Node, Pair, Scalar } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { carry, ListHistory } from '../../model/list-history';
import { forEachScalar } from '../../source';
import type { Report } from '../types';

type Visit = (scalar: Scalar, isKey: boolean, pair: Pair | undefined, report: (r: Report) => void) => void;

/** Per item of a list: its reports relative to its start, or null for an item that is walked each time. */
type ItemReports = Report[] | null;
const NONE: Report[] = [];

/** What one scan keeps between analyses; one per rule. */
export class ScanMemo {
  readonly lists = new ListHistory<unknown, { context: string; values: ItemReports[] }>();
}

export function scanScalars(root: unknown, memo: ScanMemo, visit: Visit, report: (r: Report) => void): void {
  // One buffer and one visitor for every item, not two closures and an array per entry.
  const found: Report[] = [];
  const collect = (r: Report): void => { found.push(r); };
  const visitItem = (s: Scalar, k: boolean, p: Pair | undefined): void => visit(s, k, p, collect);
  const walk = (node: unknown, pair?: Pair, isKey = false): void => {
    if (!node) return;
    if (isScalar(node)) { visit(node, isKey, pair, report); return; }
    if (isPair(node)) { walk(node.key, node, true); walk(node.value, node, false); return; }
    if (isSeq(node)) {
      // Lined up with the list of the last analysis (see list-history.ts), unchanged items are not even read.
      const perItem = carry(memo.lists, node.items, '', (item) => {
        if (!isMap(item) || item.range?.[0] === undefined) return null;
        const base = item.range[0];
        found.length = 0;
        forEachScalar(item, visitItem);
        return found.length ? found.map((r) => shiftReport(r, -base)) : NONE;
      });
      for (let i = 0; i < perItem.length; i++) {
        const rel = perItem[i];
        if (rel === null) { walk(node.items[i]); continue; }
        if (rel.length === 0) continue;
        const base = (node.items[i] as Node).range![0];
        for (const r of rel) report(shiftReport(r, base));
      }
      return;
    }
    if (isMap(node)) for (const p of node.items) walk(p);
  };
  walk(root);
}

function shiftReport(r: Report, by: number): Report {
  return {
    ...r,
    span: [r.span[0] + by, r.span[1] + by],
    fixes: r.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, span: [e.span[0] + by, e.span[1] + by] as const })) })),
  };
}
