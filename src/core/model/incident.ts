import { isMap, isPair } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import type { Config } from '../config';
import { asMap, asSeq, getPair, keyName, pairsOf, SourceFile, spanOf } from '../source';
import { isValidZone } from '../time';
import type { Span } from '../text';
import { entryFacts, registerEntryNodes } from './entry-facts';
import { bool, listOfMaps, str, Str, strList, strListOf, strOf, time, Time, timeOf } from './fields';
import { ListHistory } from './list-history';

export interface Window {
  index: number; node: YAMLMap; span: Span;
  id?: Str; title?: Str; start?: Time; announcedEnd?: Time; end?: Time; reason?: Str;
}

export interface Entry {
  index: number; node: YAMLMap; span: Span;
  at?: Time; kind?: Str; window?: Str; text?: Str; by?: Str; id?: Str; expectedEnd?: Time;
  options: Str[]; chosen?: Str; why?: Str;
  /** True for items of `decisions:` rather than `timeline:`. */
  standaloneDecision?: boolean;
}

export interface ActionItem { index: number; node: YAMLMap; span: Span; id?: Str; title?: Str; owner?: Str; due?: Str; status?: Str; refs: Str[] }
export interface Cause { index: number; span: Span; text?: Str; refs: Str[] }
export interface ChecklistRecord { id: string; keySpan: Span; span: Span; done?: Time; skipped?: Str; by?: Str; note?: Str }
export interface Person { handle: string; name?: string; team?: string; contact?: string; keySpan?: Span; fromWorkspace: boolean }

export interface Incident {
  file: SourceFile;
  root?: YAMLMap;
  /** The zone timestamps without an offset are read in: the file's, else the workspace's. */
  zone?: string;
  id?: Str; title?: Str; service?: Str; severity?: Str; status?: Str; timezone?: Str; language?: Str; summary?: Str;
  people: Map<string, Person>;
  roles: Map<string, Str>;
  impact: { start?: Time; end?: Time; users?: Str; regions: Str[]; dataLoss?: boolean | string; summary?: Str };
  windows: Window[];
  timeline: Entry[];
  decisions: Entry[];
  causes: Cause[];
  lessons: { wentWell: Str[]; wentWrong: Str[]; lucky: Str[] };
  actionItems: ActionItem[];
  checklist: Map<string, ChecklistRecord>;
  runbooks: Str[];
}

// Lined up item by item with the list read last time, a long timeline is read again only where
// its items changed (see list-history.ts). An entry carried over is the same entry: its spans
// are its node's live ranges (see spanOf), so only its position in the list can differ. Items
// the lineup cannot place (a sorted timeline) are read again: a memo of every entry by node
// cost more memory than that saves.
type ItemEntries = { zone: string | undefined; entries: (Entry | undefined)[] };
const timelineHistory = new ListHistory<unknown, ItemEntries>();
const decisionsHistory = new ListHistory<unknown, ItemEntries>();

/** `e` at another index. A literal of the shape every entry has: a spread copy would get a hidden class of its own. */
function atIndex(e: Entry, index: number): Entry {
  return {
    index, node: e.node, span: e.span, standaloneDecision: e.standaloneDecision,
    at: e.at, kind: e.kind, window: e.window, text: e.text, by: e.by, id: e.id, expectedEnd: e.expectedEnd,
    options: e.options, chosen: e.chosen, why: e.why,
  };
}

export function readIncident(file: SourceFile, config: Config): Incident {
  const root = asMap(file.doc.contents);
  const tzField = str(root, 'timezone');
  const zone = tzField && isValidZone(tzField.value) ? tzField.value : config.timezone;
  const impactMap = asMap(getPair(root, 'impact')?.value);
  const dataLoss = bool(impactMap, 'data_loss')?.value ?? str(impactMap, 'data_loss')?.value;

  const readEntry = (node: YAMLMap, index: number, standaloneDecision: boolean): Entry =>
    readEntryFields(node, spanOf(node), index, standaloneDecision);
  const readEntries = (key: string, history: ListHistory<unknown, ItemEntries>, standaloneDecision: boolean): Entry[] => {
    const items = asSeq(getPair(root, key)?.value)?.items ?? [];
    const n = items.length;
    const read = (i: number): Entry | undefined => {
      const node = items[i];
      return isMap(node) ? readEntry(node, i, standaloneDecision) : undefined;
    };
    let values: (Entry | undefined)[];
    const line = history.lineup(items);
    if (line && line.state.zone === zone && line.prefix + line.suffix > 0) {
      const old = line.state.entries;
      const { prefix, suffix } = line;
      // Copied in bulk; an entry after an insertion or a removal moved: a copy at its new index.
      if (line.length === n) values = old.slice();
      else {
        values = old.slice(0, prefix);
        values.length = n - suffix;
        values = values.concat(old.slice(line.length - suffix));
        for (let i = n - suffix; i < n; i++) { const e = values[i]; if (e !== undefined) values[i] = atIndex(e, i); }
      }
      for (let i = prefix; i < n - suffix; i++) values[i] = read(i);
    } else {
      values = new Array<Entry | undefined>(n);
      for (let i = 0; i < n; i++) values[i] = read(i);
    }
    history.remember(items, { zone, entries: values });
    let dense = true;
    for (let i = 0; i < n && dense; i++) if (values[i] === undefined) dense = false;
    // Usually every item is an entry: the list of nodes is then the items themselves, which the
    // rules that walk the YAML line up too, so the list is compared with the last one only once.
    // `values` is fresh for this analysis (the next one copies it, never changes it): no second copy.
    const entries = dense ? values as Entry[] : values.filter((e): e is Entry => e !== undefined);
    registerEntryNodes(entries, dense ? items as YAMLMap[] : items.filter((_x, i) => values[i] !== undefined) as YAMLMap[]);
    return entries;
  };
  // One pass over an entry's pairs, not a lookup per field: ten scans of each entry added up to
  // a tenth of opening a 50,000-entry log. The first pair of a key counts, as `getPair` has it.
  const readEntryFields = (node: YAMLMap, span: Span, index: number, standaloneDecision: boolean): Entry => {
    let at: Pair | undefined, kind: Pair | undefined, window: Pair | undefined, text: Pair | undefined, by: Pair | undefined;
    let id: Pair | undefined, expectedEnd: Pair | undefined, options: Pair | undefined, chosen: Pair | undefined, why: Pair | undefined;
    for (const item of node.items) {
      if (!isPair(item)) continue;
      switch (keyName(item)) {
        case 'at': at ??= item; break;
        case 'kind': kind ??= item; break;
        case 'window': window ??= item; break;
        case 'text': text ??= item; break;
        case 'by': by ??= item; break;
        case 'id': id ??= item; break;
        case 'expected_end': expectedEnd ??= item; break;
        case 'options': options ??= item; break;
        case 'chosen': chosen ??= item; break;
        case 'why': why ??= item; break;
      }
    }
    return {
      index, node, span, standaloneDecision,
      at: timeOf(at, zone), kind: standaloneDecision ? undefined : strOf(kind), window: strOf(window),
      text: strOf(text), by: strOf(by), id: strOf(id), expectedEnd: timeOf(expectedEnd, zone),
      options: strListOf(options), chosen: strOf(chosen), why: strOf(why),
    };
  };

  return {
    file, root, zone,
    id: str(root, 'incident'), title: str(root, 'title'), service: str(root, 'service'), severity: str(root, 'severity'),
    status: str(root, 'status'), timezone: tzField, language: str(root, 'language'), summary: str(root, 'summary'),
    people: readPeople(root, config),
    roles: new Map(pairsOf(asMap(getPair(root, 'roles')?.value)).flatMap((p) => {
      const role = keyName(p);
      const v = str(asMap(getPair(root, 'roles')?.value), role ?? '');
      return role && v ? [[role, v] as const] : [];
    })),
    impact: {
      start: time(impactMap, 'start', zone), end: time(impactMap, 'end', zone), users: str(impactMap, 'users'),
      regions: strList(impactMap, 'regions'), dataLoss, summary: str(impactMap, 'summary'),
    },
    windows: listOfMaps(root, 'maintenance').map(({ node, span, index }) => ({
      index, node, span, id: str(node, 'id'), title: str(node, 'title'), start: time(node, 'start', zone),
      announcedEnd: time(node, 'announced_end', zone), end: time(node, 'end', zone), reason: str(node, 'reason'),
    })),
    timeline: readEntries('timeline', timelineHistory, false),
    decisions: readEntries('decisions', decisionsHistory, true),
    causes: listOfMaps(root, 'causes').map(({ node, span, index }) => ({ index, span, text: str(node, 'text'), refs: strList(node, 'refs') })),
    lessons: (() => {
      const l = asMap(getPair(root, 'lessons')?.value);
      return { wentWell: strList(l, 'went_well'), wentWrong: strList(l, 'went_wrong'), lucky: strList(l, 'lucky') };
    })(),
    actionItems: listOfMaps(root, 'action_items').map(({ node, span, index }) => ({
      index, node, span, id: str(node, 'id'), title: str(node, 'title'), owner: str(node, 'owner'), due: str(node, 'due'),
      status: str(node, 'status'), refs: strList(node, 'refs'),
    })),
    checklist: readChecklist(root, zone),
    runbooks: strList(root, 'runbooks'),
  };
}

function readPeople(root: YAMLMap | undefined, config: Config): Map<string, Person> {
  const people = new Map<string, Person>();
  for (const [handle, p] of config.people) people.set(handle, { ...p, handle, fromWorkspace: true });
  for (const pair of pairsOf(asMap(getPair(root, 'people')?.value))) {
    const handle = keyName(pair);
    if (!handle) continue;
    const m = isMap(pair.value) ? pair.value : undefined;
    people.set(handle, {
      handle, name: str(m, 'name')?.value, team: str(m, 'team')?.value, contact: str(m, 'contact')?.value,
      keySpan: spanOf(pair.key), fromWorkspace: false,
    });
  }
  return people;
}

function readChecklist(root: YAMLMap | undefined, zone: string | undefined): Map<string, ChecklistRecord> {
  const out = new Map<string, ChecklistRecord>();
  for (const pair of pairsOf(asMap(getPair(root, 'checklist')?.value))) {
    const id = keyName(pair);
    if (!id) continue;
    const m = asMap(pair.value);
    out.set(id, {
      id, keySpan: spanOf(pair.key), span: spanOf(pair.value ?? pair.key),
      done: time(m, 'done', zone), skipped: str(m, 'skipped'), by: str(m, 'by'), note: str(m, 'note'),
    });
  }
  return out;
}

/** Every entry that carries a time, timeline and standalone decisions alike. */
export function allEntries(inc: Incident): Entry[] { return [...inc.timeline, ...inc.decisions]; }

/** The first instant of the incident: what `T+` counts from. */
export function incidentStartMs(inc: Incident): number | undefined {
  const { atMs } = entryFacts(inc, 'timeline');
  let min = NaN;
  for (let i = 0; i < atMs.length; i++) if (atMs[i] < min || min !== min) min = atMs[i];
  return min === min ? min : undefined;
}
