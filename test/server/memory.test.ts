// The server's memory policy: when a full collection is due, that it runs after the answer and
// once however many checks finished, that a pause collects what is left, and that the
// collection it uses really frees memory.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as v8 from 'node:v8';
import { fullCollection, GovernorHost, IDLE_MS, MemoryGovernor, MIN_GARBAGE, shouldCollect, YoungGeneration, YoungHost } from '../../src/server/memory';

const MB = 1048576;

function fakeHost(used: number) {
  const state = { used, afterCollect: used, collections: 0, soon: [] as (() => void)[], timers: [] as { ms: number; fn: () => void; cancelled: boolean }[] };
  const host: GovernorHost = {
    collect: () => { state.collections++; state.used = state.afterCollect; },
    used: () => state.used,
    soon: (fn) => state.soon.push(fn),
    after: (ms, fn) => { const t = { ms, fn, cancelled: false }; state.timers.push(t); return { cancel: () => { t.cancelled = true; } }; },
  };
  return Object.assign(state, { host });
}

describe('memory governor', () => {
  it('collects once the garbage exceeds 8 MB or a quarter of the live heap, whichever is larger', () => {
    assert.equal(shouldCollect(30 * MB + MIN_GARBAGE, 30 * MB), false);
    assert.equal(shouldCollect(30 * MB + MIN_GARBAGE + 1, 30 * MB), true);
    assert.equal(shouldCollect(200 * MB + 50 * MB, 200 * MB), false);
    assert.equal(shouldCollect(200 * MB + 51 * MB, 200 * MB), true);
    assert.equal(shouldCollect(10 * MB, 30 * MB), false);
  });

  it('runs a due collection after the answer, once however many checks finished, and counts from what survived', () => {
    const s = fakeHost(50 * MB);
    const g = new MemoryGovernor(s.host);
    s.used = 55 * MB;
    g.afterWork();
    assert.equal(s.soon.length, 1);
    s.soon.shift()!();
    assert.equal(s.collections, 0, 'only 5 MB of garbage');
    s.used = 50 * MB + 13 * MB;
    s.afterCollect = 54 * MB;
    g.afterWork();
    g.afterWork();
    assert.equal(s.soon.length, 1, 'one pending check at a time');
    assert.equal(s.collections, 0, 'nothing runs before the answer is out');
    s.soon.shift()!();
    assert.equal(s.collections, 1);
    // The threshold now counts from the 54 MB that survived: 14 MB more is due, 13 MB is not.
    s.used = 67 * MB;
    g.afterWork();
    s.soon.shift()!();
    assert.equal(s.collections, 1);
    s.used = 68 * MB;
    g.afterWork();
    s.soon.shift()!();
    assert.equal(s.collections, 2);
  });

  it('collects what is left after a pause in typing, and a new edit restarts the pause', () => {
    const s = fakeHost(50 * MB);
    const g = new MemoryGovernor(s.host);
    s.used = 53 * MB;
    g.afterWork();
    s.soon.shift()!();
    g.afterWork();
    s.soon.shift()!();
    assert.equal(s.timers.length, 2);
    assert.equal(s.timers[0].cancelled, true, 'the second check restarted the pause');
    assert.equal(s.timers[1].ms, IDLE_MS);
    assert.equal(s.collections, 0);
    s.timers[1].fn();
    assert.equal(s.collections, 1, '3 MB left after the pause are collected');
  });

  it('does nothing where no full collection is available', () => {
    const s = fakeHost(1e12);
    const g = new MemoryGovernor({ ...s.host, collect: null });
    g.afterWork();
    assert.equal(s.soon.length + s.timers.length, 0);
  });

  it("gets the engine's full collection, which frees what is unreachable", () => {
    const collect = fullCollection();
    assert.ok(collect, 'a full collection is available in Node');
    collect();
    const before = v8.getHeapStatistics().used_heap_size;
    let garbage: number[][] | undefined = Array.from({ length: 200 }, () => new Array(10000).fill(1.5));
    assert.ok(v8.getHeapStatistics().used_heap_size > before + 10 * MB && garbage.length === 200);
    garbage = undefined;
    collect();
    assert.ok(v8.getHeapStatistics().used_heap_size < before + 4 * MB);
  });
});

describe('young generation', () => {
  function fakeYoung(half: number) {
    const state = { half, flags: [] as string[] };
    // Asked while survivors pile up, it grows by the factor set last, as V8 does.
    const host: YoungHost = {
      setFlags: (f) => { state.flags.push(f); },
      half: () => {
        const factor = Number(/=(\d+)$/.exec(state.flags.at(-1) ?? '')?.[1] ?? 1);
        if (state.half < 8 * MB && factor > 1) state.half = Math.min(16 * MB, state.half * factor);
        return state.half;
      },
    };
    return Object.assign(state, { host });
  }

  it('grows to 8 MB halves in one step, then stops growth, and does nothing more while held', () => {
    const s = fakeYoung(2 * MB);
    const young = new YoungGeneration(s.host);
    young.hold();
    assert.deepEqual(s.flags, ['--semi-space-growth-factor=4', '--semi-space-growth-factor=1']);
    assert.equal(s.half, 8 * MB);
    young.hold();
    assert.equal(s.flags.length, 2, 'held: no flags, no survivors');
  });

  it('grows again after the engine shrank it in a pause', () => {
    const s = fakeYoung(2 * MB);
    const young = new YoungGeneration(s.host);
    young.hold();
    s.half = 1 * MB;
    young.hold();
    assert.deepEqual(s.flags.slice(2), ['--semi-space-growth-factor=8', '--semi-space-growth-factor=1']);
    assert.equal(s.half, 8 * MB);
  });

  it('leaves an engine that refuses the flag, or does not grow, to its own sizing, and stops trying', () => {
    const young = new YoungGeneration({ setFlags: () => { throw new Error('no such flag'); }, half: () => MB });
    assert.doesNotThrow(() => young.hold());
    const flags: string[] = [];
    let asked = 0;
    const stuck = new YoungGeneration({ setFlags: (f) => { flags.push(f); }, half: () => { asked++; return MB; } });
    stuck.hold();
    assert.deepEqual(flags, ['--semi-space-growth-factor=8', '--semi-space-growth-factor=2'], "V8's own factor back");
    const before = asked;
    stuck.hold();
    assert.equal(asked, before, 'no second try on the next keystroke');
    const blind = new YoungGeneration({ setFlags: (f) => { flags.push(f); }, half: () => 0 });
    blind.hold();
    assert.equal(flags.length, 2, 'an engine whose young generation cannot be seen is left alone');
  });

  it("holds this engine's young generation at 8 MB halves while long-lived objects pile up", () => {
    // A fresh process: the test runner's own young generation has grown already.
    const youngAfterPileUp = (hold: boolean): number => Number(execFileSync(process.execPath, ['-e', `
      const v8 = require('node:v8');
      const { YoungGeneration } = require(${JSON.stringify(require.resolve('../../src/server/memory'))});
      if (${hold}) new YoungGeneration().hold();
      const keep = [];
      for (let i = 0; i < 3e6; i++) keep.push({ i });
      console.log(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);`], { encoding: 'utf8' }));
    assert.equal(youngAfterPileUp(true), 16 * MB, 'two halves of 8 MB');
    assert.ok(youngAfterPileUp(false) > 16 * MB, 'left alone, V8 grows it further');
  });
});
