// What the whole-log checks need of each entry (its instant, its kind, which of its times are
// unreadable), as flat arrays the checks can run through without reading the entries. After an
// edit only the entries of new nodes are read; the rest is copied from the previous analysis.
import type { YAMLMap } from 'yaml';
import type { Entry, Incident } from './incident';
import type { Str, Time } from './fields';
import { carry, ListHistory } from './list-history';

export type EntryList = 'timeline' | 'decisions';

/** Codes of the kinds the clock and the checklist look for; every other kind is `other`. */
export const KIND = {
  other: 0, detection: 1, mitigation: 2, resolution: 3, communication: 4, maintenanceStart: 5, maintenanceEnd: 6, decision: 7,
} as const;

const KIND_CODES = new Map<string, number>([
  ['detection', KIND.detection], ['mitigation', KIND.mitigation], ['resolution', KIND.resolution], ['communication', KIND.communication],
  ['maintenance-start', KIND.maintenanceStart], ['maintenance-end', KIND.maintenanceEnd], ['decision', KIND.decision],
]);

/** Bits of `EntryFacts.flags`: a problem with `at` or `expected_end`, a decision without `why`. */
export const FLAG = {
  atInvalid: 1, endInvalid: 2, atNoZone: 4, endNoZone: 8, atDst: 16, endDst: 32, needsWhy: 64,
} as const;

export interface EntryFacts {
  /** `at` in epoch ms; NaN when absent or unreadable. */
  atMs: Float64Array;
  expectedEndMs: Float64Array;
  kind: Uint8Array;
  flags: Uint8Array;
}

// readIncident records the node of each entry, in the same order, so that lists of entries can
// be lined up by node: an entry whose index moved is a new object, but its node is not.
const nodeLists = new WeakMap<readonly Entry[], readonly YAMLMap[]>();

export function registerEntryNodes(entries: readonly Entry[], nodes: readonly YAMLMap[]): void { nodeLists.set(entries, nodes); }

export function nodesOf(entries: readonly Entry[]): readonly YAMLMap[] {
  let nodes = nodeLists.get(entries);
  if (!nodes) nodeLists.set(entries, (nodes = entries.map((e) => e.node)));
  return nodes;
}

/**
 * Everything an entry holds is read from its node, the zone and which list it is in; a value
 * carried over by node must be computed under the same zone and list.
 */
function baseContext(inc: Incident, list: EntryList): string { return `${inc.zone ?? ''}\u0000${list}`; }

const factsMemo = new WeakMap<readonly Entry[], EntryFacts>();
const factsHistory = new ListHistory<YAMLMap, { context: string; facts: EntryFacts }>();

/** The facts of `inc.timeline` or `inc.decisions`, once per model. */
export function entryFacts(inc: Incident, list: EntryList): EntryFacts {
  const entries = inc[list];
  const hit = factsMemo.get(entries);
  if (hit) return hit;
  const n = entries.length;
  const facts: EntryFacts = { atMs: new Float64Array(n), expectedEndMs: new Float64Array(n), kind: new Uint8Array(n), flags: new Uint8Array(n) };
  const nodes = nodesOf(entries);
  const context = baseContext(inc, list);
  let from = 0;
  let to = n;
  const line = factsHistory.lineup(nodes);
  if (line && line.state.context === context) {
    const old = line.state.facts;
    copyRange(old, facts, 0, line.prefix, 0);
    copyRange(old, facts, line.length - line.suffix, line.length, n - line.suffix);
    from = line.prefix;
    to = n - line.suffix;
  }
  for (let i = from; i < to; i++) readFacts(entries[i], facts, i);
  factsHistory.remember(nodes, { context, facts });
  factsMemo.set(entries, facts);
  return facts;
}

function copyRange(from: EntryFacts, to: EntryFacts, start: number, end: number, at: number): void {
  if (end <= start) return;
  to.atMs.set(from.atMs.subarray(start, end), at);
  to.expectedEndMs.set(from.expectedEndMs.subarray(start, end), at);
  to.kind.set(from.kind.subarray(start, end), at);
  to.flags.set(from.flags.subarray(start, end), at);
}

function readFacts(e: Entry, f: EntryFacts, i: number): void {
  f.atMs[i] = e.at?.time?.ms ?? NaN;
  f.expectedEndMs[i] = e.expectedEnd?.time?.ms ?? NaN;
  f.kind[i] = (e.kind && KIND_CODES.get(e.kind.value)) ?? KIND.other;
  let flags = timeFlags(e.at, FLAG.atInvalid, FLAG.atNoZone, FLAG.atDst) | timeFlags(e.expectedEnd, FLAG.endInvalid, FLAG.endNoZone, FLAG.endDst);
  if ((e.standaloneDecision || e.kind?.value === 'decision') && !e.why) flags |= FLAG.needsWhy;
  f.flags[i] = flags;
}

function timeFlags(t: Time | undefined, invalid: number, noZone: number, dst: number): number {
  if (!t) return 0;
  if (t.problem === 'syntax' || t.problem === 'range') return invalid;
  if (t.problem === 'no-zone') return noZone;
  const time = t.time;
  return time && time.zone && (time.ambiguous || time.impossible) ? dst : 0;
}

/**
 * A rule's own value per entry (usually its reports, or undefined for a clean entry), kept
 * from one analysis to the next. `context` must name everything besides the entry the value
 * depends on (people, windows...); the zone and the list are added here. The value must not
 * depend on the entry's index, and spans in it must be the model's own (live node ranges).
 */
export class EntryTable<V> {
  private readonly history = new ListHistory<YAMLMap, { context: string; values: V[] }>();

  values(inc: Incident, list: EntryList, context: string, fn: (e: Entry) => V): V[] {
    const entries = inc[list];
    return carry(this.history, nodesOf(entries), `${baseContext(inc, list)}\u0000${context}`, (_node, i) => fn(entries[i]));
  }
}

/** Which `list` entries have `bits` set, in order. */
export function flagged(inc: Incident, list: EntryList, bits: number): Entry[] {
  const { flags } = entryFacts(inc, list);
  const out: Entry[] = [];
  for (let i = 0; i < flags.length; i++) if (flags[i] & bits) out.push(inc[list][i]);
  return out;
}

const idTable = new EntryTable<Str | undefined>();
const idMemo = new WeakMap<readonly Entry[], (Str | undefined)[]>();

/** Each entry's `id` field (undefined where it has none), once per model; entries are read only when new. */
export function entryIds(inc: Incident, list: EntryList): (Str | undefined)[] {
  let ids = idMemo.get(inc[list]);
  if (!ids) idMemo.set(inc[list], (ids = idTable.values(inc, list, '', (e) => e.id)));
  return ids;
}
