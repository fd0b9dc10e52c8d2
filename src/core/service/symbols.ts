// Outline and folding. The outline follows how responders read a log: the windows, then the
// timeline by day (a long maintenance spans several), each entry named by time, kind and text.
import { isMap, isPair, isSeq } from 'yaml';
import type { Node } from 'yaml';
import type { Entry } from '../model/incident';
import { asMap, headSpan, keyName, pairsOf, spanOf } from '../source';
import type { Span } from '../text';
import { formatInZone } from '../time';
import { incidentOf, runbookOf } from './facts';
import { DocumentSymbol, FoldingRange, ServiceInput, SymbolKind } from './types';

export function documentSymbols(input: ServiceInput): DocumentSymbol[] {
  const kind = input.analysis.file.kind;
  if (kind === 'incident') return incidentSymbols(input);
  if (kind === 'runbook') return runbookSymbols(input);
  return topLevelSymbols(input);
}

function short(text: string | undefined, max = 60): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function sym(input: ServiceInput, name: string, kind: number, span: Span, sel: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  const lines = input.analysis.file.lines;
  // The selection must sit inside the range, whatever odd spans a broken file produced.
  const s: Span = sel[0] >= span[0] && sel[1] <= span[1] ? sel : [span[0], span[0]];
  return { name: name || '?', kind, range: lines.range(span), selectionRange: lines.range(s), detail, children };
}

function group(input: ServiceInput, name: string, kind: number, children: DocumentSymbol[], keySpan: Span): DocumentSymbol {
  const lines = input.analysis.file.lines;
  const end = children.length ? children[children.length - 1].range.end : lines.range(keySpan).end;
  return { name, kind, range: { start: lines.range(keySpan).start, end }, selectionRange: lines.range(keySpan), children };
}

function incidentSymbols(input: ServiceInput): DocumentSymbol[] {
  const inc = incidentOf(input);
  const root = asMap(input.analysis.file.doc.contents);
  if (!inc || !root) return [];
  const out: DocumentSymbol[] = [];
  const keySpanOf = (key: string): Span | undefined => {
    const p = pairsOf(root).find((x) => keyName(x) === key);
    return p ? spanOf(p.key as Node) : undefined;
  };
  const windowsKey = keySpanOf('maintenance');
  if (windowsKey && inc.windows.length) {
    const children = inc.windows.map((w) => sym(input, [w.id?.value, w.title?.value].filter(Boolean).join(' · '),
      SymbolKind.Event, w.span, w.id?.span ?? headSpan(w.node, w.span), [w.start?.value, w.end?.value ?? '…'].join(' → ')));
    out.push(group(input, 'maintenance', SymbolKind.Array, children, windowsKey));
  }
  const timelineKey = keySpanOf('timeline');
  if (timelineKey && inc.timeline.length) {
    const entries = inc.timeline.map((e) => entrySymbol(input, e, inc.zone));
    const days = new Map<string, DocumentSymbol[]>();
    inc.timeline.forEach((e, i) => {
      const day = dayOf(e, inc.zone);
      days.set(day, [...(days.get(day) ?? []), entries[i]]);
    });
    // Grouping by day only helps when there is more than one.
    const children = days.size > 1
      ? [...days].map(([day, list]) => ({
        name: day, kind: SymbolKind.Namespace, range: { start: list[0].range.start, end: list[list.length - 1].range.end },
        selectionRange: list[0].selectionRange, children: list,
      }))
      : entries;
    out.push(group(input, 'timeline', SymbolKind.Array, children, timelineKey));
  }
  const decisionsKey = keySpanOf('decisions');
  if (decisionsKey && inc.decisions.length) {
    out.push(group(input, 'decisions', SymbolKind.Array, inc.decisions.map((e) => entrySymbol(input, e, inc.zone)), decisionsKey));
  }
  const actionsKey = keySpanOf('action_items');
  if (actionsKey && inc.actionItems.length) {
    out.push(group(input, 'action_items', SymbolKind.Array, inc.actionItems.map((a) => sym(input,
      [a.id?.value, short(a.title?.value)].filter(Boolean).join(' '), SymbolKind.Object, a.span, a.id?.span ?? headSpan(a.node, a.span),
      [a.owner?.value, a.status?.value].filter(Boolean).join(' · ') || undefined)), actionsKey));
  }
  const name = inc.id?.value ?? inc.title?.value ?? 'incident';
  const span = spanOf(root);
  return [sym(input, name, SymbolKind.Module, span, inc.id?.span ?? headSpan(root, span), short(inc.title?.value), out)];
}

function dayOf(e: Entry, zone: string | undefined): string {
  const ms = e.at?.time?.ms;
  if (ms === undefined) return e.at?.value.slice(0, 10) ?? '?';
  return formatInZone(ms, zone ?? 'UTC', 'yyyy-MM-dd');
}

function entrySymbol(input: ServiceInput, e: Entry, zone: string | undefined): DocumentSymbol {
  const ms = e.at?.time?.ms;
  const time = ms !== undefined ? formatInZone(ms, zone ?? 'UTC', 'HH:mm') : (e.at?.value ?? '');
  const name = [time, e.kind?.value ?? (e.standaloneDecision ? 'decision' : undefined), short(e.text?.value)].filter(Boolean).join(' ');
  const kind = e.kind?.value === 'decision' || e.standaloneDecision ? SymbolKind.Key : SymbolKind.Event;
  return sym(input, name, kind, e.span, e.at?.span ?? headSpan(e.node, e.span), e.by?.value);
}

function runbookSymbols(input: ServiceInput): DocumentSymbol[] {
  const rb = runbookOf(input);
  const root = asMap(input.analysis.file.doc.contents);
  if (!rb || !root) return [];
  const stepsPair = pairsOf(root).find((p) => keyName(p) === 'steps');
  const children: DocumentSymbol[] = [];
  if (stepsPair && rb.steps.length) {
    children.push(group(input, 'steps', SymbolKind.Array, rb.steps.map((s) => sym(input,
      [s.id?.value, short(s.title?.value)].filter(Boolean).join(': '), SymbolKind.Function, s.span,
      s.id?.span ?? headSpan(s.node, s.span), [s.kind?.value, s.role?.value].filter(Boolean).join(' · ') || undefined)),
    spanOf(stepsPair.key as Node)));
  }
  const span = spanOf(root);
  return [sym(input, rb.id?.value ?? rb.title?.value ?? 'runbook', SymbolKind.Module, span, rb.id?.span ?? headSpan(root, span), short(rb.title?.value), children)];
}

function topLevelSymbols(input: ServiceInput): DocumentSymbol[] {
  const root = asMap(input.analysis.file.doc.contents);
  return pairsOf(root).flatMap((p) => {
    const name = keyName(p);
    if (!name) return [];
    const key = spanOf(p.key as Node);
    const value = spanOf(p.value as Node, key);
    return [sym(input, name, SymbolKind.Property, [key[0], Math.max(key[1], value[1])], key)];
  });
}

/** Each multi-line section, and each multi-line item in a list (an entry, a window, a step). */
export function foldingRanges(input: ServiceInput): FoldingRange[] {
  const file = input.analysis.file;
  const out: FoldingRange[] = [];
  const endLine = (end: number): number => {
    let e = end;
    while (e > 0 && /\s/.test(file.text[e - 1])) e--;
    return file.lines.position(e).line;
  };
  const add = (start: number, end: number): void => {
    const s = file.lines.position(start).line;
    const e = endLine(end);
    if (e > s) out.push({ startLine: s, endLine: e });
  };
  const walk = (node: unknown, depth: number): void => {
    if (depth > 6) return;
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = item.key as Node | null;
        const value = item.value as Node | null;
        if ((isMap(value) || isSeq(value)) && key?.range && value.range) add(key.range[0], value.range[1]);
        walk(value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const n = item as Node | null;
        if (isMap(n) && n.range) add(n.range[0], n.range[1]);
        walk(n, depth + 1);
      }
    }
  };
  walk(file.doc.contents, 0);
  return out;
}
