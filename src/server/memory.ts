// V8 sizes its heap for throughput: once a long log is open it lets garbage pile up to several
// times the live heap before it collects, and every edit of a long log leaves garbage the size
// of the whole text (the previous version, 15 MB at 50,000 entries, two bytes a character once
// the log holds Korean). Left alone, the server of a 36-hour maintenance held 700 MB for a log
// that needs 200. So after a check, once the garbage since the last full collection exceeds a
// share of what is live, the server collects: about 40 ms with a 10,000-entry log open and
// 150 ms with 50,000, every few edits of such logs. With short logs the garbage stays below
// the threshold and nothing changes.
//
// After a pause in typing, one more collection: the engine then also shrinks its young
// generation (it does when it sees little allocation), and the server gives back what a burst
// of edits took.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

const MB = 1048576;
/** Garbage allowed regardless of size: below this a collection is not worth its pause. */
export const MIN_GARBAGE = 8 * MB;
/** Garbage allowed as a share of the heap that was live after the last collection. */
export const GARBAGE_SHARE = 0.25;
/** The pause after which garbage of any size is collected. */
export const IDLE_MS = 10_000;
const IDLE_MIN_GARBAGE = 2 * MB;

/** Whether a heap of `used` bytes, `live` of which survived the last collection, should be collected now. */
export function shouldCollect(used: number, live: number): boolean {
  return used - live > Math.max(MIN_GARBAGE, live * GARBAGE_SHARE);
}

/** The engine's full collection, or null where it cannot be had. */
export function fullCollection(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  try {
    // The flag gives new contexts a `gc`; the main context was made before it.
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

export interface GovernorHost {
  collect: (() => void) | null;
  used(): number;
  /** Runs `fn` once the current work is done (after the answer is sent). */
  soon(fn: () => void): void;
  /** Runs `fn` after `ms` unless cancelled; must not keep the process alive. */
  after(ms: number, fn: () => void): { cancel(): void };
}

const nodeHost = (): GovernorHost => ({
  collect: fullCollection(),
  used: () => v8.getHeapStatistics().used_heap_size,
  soon: (fn) => { setImmediate(fn); },
  after: (ms, fn) => { const t = setTimeout(fn, ms); t.unref(); return { cancel: () => clearTimeout(t) }; },
});

export class MemoryGovernor {
  private live: number;
  private pending = false;
  private idle: { cancel(): void } | undefined;

  constructor(private readonly host: GovernorHost = nodeHost()) {
    this.live = host.used();
  }

  /** Called after each check is published. */
  afterWork(): void {
    if (!this.host.collect) return;
    this.idle?.cancel();
    this.idle = this.host.after(IDLE_MS, () => {
      this.idle = undefined;
      if (this.host.used() - this.live > IDLE_MIN_GARBAGE) this.run();
    });
    if (this.pending) return;
    this.pending = true;
    this.host.soon(() => {
      this.pending = false;
      if (shouldCollect(this.host.used(), this.live)) this.run();
    });
  }

  private run(): void {
    this.host.collect?.();
    this.live = this.host.used();
  }
}

// V8 grows its young generation to two 16 MB halves as soon as a long log's parse survives in
// it, and keeps them. Held at two 8 MB halves, the server of a 10,000-entry log peaked at 132 MB
// instead of 150, and that of a 50,000-entry log at 318 MB instead of 342, with edits as fast.
// The server is started by editors we do not control, so this is set while it runs: V8 reads its
// growth factor each time it grows the young generation. (The start flag
// `--max-semi-space-size=8` is not the same: with it the 50,000-entry log peaked at 434 MB.)
const HELD_HALF = 8 * MB;

export interface YoungHost {
  setFlags(flags: string): void;
  /** Bytes one half of the young generation holds. */
  half(): number;
}

const youngHost: YoungHost = {
  setFlags: (flags) => v8.setFlagsFromString(flags),
  half: () => {
    const s = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    // What a half holds is a little less than its size, which V8 keeps a power of two.
    return s ? 2 ** Math.round(Math.log2(s.space_used_size + s.space_available_size)) : 0;
  },
};

/** Holds V8's young generation at two 8 MB halves. */
export class YoungGeneration {
  private held = false;
  /** Set when the engine does not grow as told: then it keeps its own sizing for good. */
  private off = false;

  constructor(private readonly host: YoungHost = youngHost) {}

  /**
   * Grows the young generation to two 8 MB halves, in one step, and holds it there. Called at
   * start and when a document opens: after a pause V8 shrinks it to 1 MB halves, and with those a
   * long log's first parse took half as long again.
   */
  hold(): void {
    if (this.off) return;
    try {
      const half = this.host.half();
      if (half >= HELD_HALF && this.held) return;
      if (!(half > 0)) { this.off = true; return; }
      if (half < HELD_HALF) {
        this.host.setFlags(`--semi-space-growth-factor=${Math.ceil(HELD_HALF / half)}`);
        // Objects that survive scavenges make V8 grow the young generation; these go with the block.
        const survivors: object[] = [];
        for (let i = 0; i < 1_000_000 && (i % 8192 !== 0 || this.host.half() < HELD_HALF); i++) survivors.push({ i });
        if (this.host.half() < HELD_HALF) {
          // Not another million objects on every keystroke: V8's own growth, as before.
          this.off = true;
          this.host.setFlags('--semi-space-growth-factor=2');
          return;
        }
      }
      this.host.setFlags('--semi-space-growth-factor=1');
      this.held = true;
    } catch {
      this.off = true;
    }
  }
}
