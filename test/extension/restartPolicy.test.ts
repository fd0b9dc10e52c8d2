// The restart policy decides from crash times alone; times are passed in, never waited for.
import * as assert from 'node:assert/strict';
import { RestartPolicy } from '../../src/extension/restartPolicy';

const MIN = 60_000;

describe('extension: language server restart policy', () => {
  it('restarts after a crash and tells the user only the first time', () => {
    const p = new RestartPolicy(5, 3 * MIN);
    assert.deepEqual(p.onCrash(0), { restart: true, notify: 'restarted' });
    assert.deepEqual(p.onCrash(10 * MIN), { restart: true, notify: undefined });
    assert.deepEqual(p.onCrash(20 * MIN), { restart: true, notify: undefined });
  });

  it('gives up after N restarts inside the window, once', () => {
    const p = new RestartPolicy(3, 3 * MIN);
    const decisions = [0, 1000, 2000, 3000].map((t) => p.onCrash(t));
    assert.deepEqual(decisions.map((d) => d.restart), [true, true, true, false]);
    assert.equal(decisions[3].notify, 'gave-up');
  });

  it('forgets crashes older than the window', () => {
    const p = new RestartPolicy(2, MIN);
    p.onCrash(0);
    p.onCrash(30_000);
    assert.equal(p.onCrash(70_000).restart, true, 'the crash at 0 is outside the window');
    assert.equal(p.onCrash(80_000).restart, false);
  });

  it('starts counting again after a restart the user asked for', () => {
    const p = new RestartPolicy(1, MIN);
    p.onCrash(0);
    assert.equal(p.onCrash(1).restart, false);
    p.reset();
    assert.deepEqual(p.onCrash(2), { restart: true, notify: undefined });
  });
});
