// On a 10,000-entry log, a pass that reads every entry costs milliseconds in memory latency
// alone, before any check: the entries and their fields lie all over the heap. After an edit
// an incremental parse hands back the same node objects for the unchanged items, so a list can
// be lined up with the one read from the previous text by comparing the two arrays of
// references, without reading a single item, and what was worked out per item is carried over.

export interface Lineup<S> {
  /** What was remembered with the earlier list. */
  state: S;
  /** The earlier list's length. */
  length: number;
  /** Items [0, prefix) are the very objects the earlier list held at the same places. */
  prefix: number;
  /** The last `suffix` items are the earlier list's last `suffix` (at index − length + earlier length there). */
  suffix: number;
}

/** The last state remembered for a list, found again through the list's first or last item. */
export class ListHistory<T, S> {
  private readonly byEnd = new WeakMap<object, { items: readonly T[]; state: S }>();

  /** How `items` lines up with the list last remembered that shares its first or last item. */
  lineup(items: readonly T[]): Lineup<S> | undefined {
    const n = items.length;
    if (n === 0) return undefined;
    const rec = this.get(items[0]) ?? this.get(items[n - 1]);
    if (!rec) return undefined;
    const { prefix, suffix } = compare(items, rec.items);
    return { state: rec.state, length: rec.items.length, prefix, suffix };
  }

  /** Keeps `state` for `items`. */
  remember(items: readonly T[], state: S): void {
    const n = items.length;
    if (n === 0) return;
    const rec = { items: snapshot(items), state };
    const first = items[0];
    const last = items[n - 1];
    if (isObject(first)) this.byEnd.set(first, rec);
    if (isObject(last)) this.byEnd.set(last, rec);
  }

  private get(item: T): { items: readonly T[]; state: S } | undefined {
    return isObject(item) ? this.byEnd.get(item) : undefined;
  }
}

function isObject(x: unknown): x is object { return typeof x === 'object' && x !== null; }

// A copy, since the caller's array may be a library's that could change later; one per array,
// so that every history that kept this list holds the same copy, and the next list is compared
// with it once for all of them. The comparison is what costs: V8 reads each item's header to
// tell objects from numbers and strings in `===`, one cache miss per item.
const snapshots = new WeakMap<readonly unknown[], readonly unknown[]>();
function snapshot<T>(items: readonly T[]): readonly T[] {
  let copy = snapshots.get(items) as readonly T[] | undefined;
  if (!copy) snapshots.set(items, (copy = items.slice()));
  return copy;
}

const compared = new WeakMap<readonly unknown[], { old: readonly unknown[]; prefix: number; suffix: number }>();

function compare(items: readonly unknown[], old: readonly unknown[]): { prefix: number; suffix: number } {
  const hit = compared.get(items);
  if (hit && hit.old === old) return hit;
  const n = items.length;
  const m = old.length;
  const both = Math.min(n, m);
  let prefix = 0;
  while (prefix < both && items[prefix] === old[prefix]) prefix++;
  let suffix = 0;
  while (suffix < both - prefix && items[n - 1 - suffix] === old[m - 1 - suffix]) suffix++;
  compared.set(items, { old, prefix, suffix });
  return { prefix, suffix };
}

/**
 * `values` for `items`: carried over from the earlier list at the ends that line up while
 * `context` is the same, computed by `fn` for the rest. A value must not depend on the item's
 * index (the end part may have moved), only on the item and the context.
 */
export function carry<T, V>(history: ListHistory<T, { context: string; values: V[] }>, items: readonly T[], context: string,
  fn: (item: T, index: number) => V): V[] {
  const n = items.length;
  const line = history.lineup(items);
  let out: V[];
  if (line && line.state.context === context && line.prefix + line.suffix > 0) {
    const old = line.state.values;
    const { prefix, suffix } = line;
    // Same length: the earlier values are updated in place (the earlier analysis is superseded,
    // and a copy per rule per keystroke was megabytes for the garbage collector on a long log);
    // otherwise copied in bulk, far cheaper than value by value.
    if (line.length === n) out = old as V[];
    else {
      out = old.slice(0, prefix);
      out.length = n - suffix;
      out = out.concat(old.slice(line.length - suffix));
    }
    for (let i = prefix; i < n - suffix; i++) out[i] = fn(items[i], i);
  } else {
    out = new Array<V>(n);
    for (let i = 0; i < n; i++) out[i] = fn(items[i], i);
  }
  history.remember(items, { context, values: out });
  return out;
}
