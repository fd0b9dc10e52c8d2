// Whole-document scans of every string (secrets, placeholders) are the costliest checks on a
// long log. Their reports for one item of a long list depend only on that item's text, so they
// are kept per item node, with spans relative to the item; an incremental parse reuses the node
// for an unchanged entry, and the reports are replayed at wherever the entry now stands.
import type { Node, Pair, Scalar } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { forEachScalar } from '../../source';
import type { Report } from '../types';

type Visit = (scalar: Scalar, isKey: boolean, pair: Pair | undefined, report: (r: Report) => void) => void;

export function scanScalars(root: unknown, memo: WeakMap<Node, Report[]>, visit: Visit, report: (r: Report) => void): void {
  const walk = (node: unknown, pair?: Pair, isKey = false): void => {
    if (!node) return;
    if (isScalar(node)) { visit(node, isKey, pair, report); return; }
    if (isPair(node)) { walk(node.key, node, true); walk(node.value, node, false); return; }
    if (isSeq(node)) {
      for (const item of node.items) {
        const base = (item as Node | null)?.range?.[0];
        if (!isMap(item) || base === undefined) { walk(item); continue; }
        let rel = memo.get(item);
        if (!rel) {
          const found: Report[] = [];
          forEachScalar(item, (s, k, p) => visit(s, k, p, (r) => found.push(r)));
          rel = found.map((r) => shiftReport(r, -base));
          memo.set(item, rel);
        }
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
