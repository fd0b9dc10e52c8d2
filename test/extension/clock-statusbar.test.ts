// The status bar clock against bench/fake-vscode.cjs (VS Code's status bar item, tabs and
// editors as the extension host has them): painted again only when its text changes, only
// changed fields set, and no timer once no log open in a tab has a clock. Time is the test's:
// Date.now and the timers the item schedules are stubbed, so nothing waits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { computeClock } from '../../src/core/clock';
import { defaultConfig } from '../../src/core/config';
import { entry, incidentOf, logText, M, S, win } from '../core/clock-helpers';

const ROOT = path.join(__dirname, '..', '..', '..');
const { createFake } = require(path.join(ROOT, 'bench', 'fake-vscode.cjs'));

const T0 = Date.parse('2026-11-21T13:00:00Z');
const OPEN = logText('UTC', win('m1', '2026-11-21T13:00', undefined, '2026-11-21T16:00'), entry('2026-11-21T12:40', 'detection'));
const PLANNED = logText('UTC', win('m1', '2026-11-21T18:00'), entry('2026-11-21T12:40', 'detection'));
const ENDED = logText('UTC', win('m1', '2026-11-21T11:00', '2026-11-21T11:30'), entry('2026-11-21T12:40', 'detection'));

interface Timer { at: number; fn: () => void; live: boolean }

describe('clock status bar item in a (fake) extension host', () => {
  const load = (Module as unknown as { _load: (...a: unknown[]) => unknown })._load;
  const realNow = Date.now;
  const realSetTimeout = global.setTimeout;
  const realClearTimeout = global.clearTimeout;
  let now = T0;
  let timers: Timer[] = [];
  let dir: string;
  let host: any;
  let notify: (p: unknown) => void;
  let bar: { dispose(): void };

  const item = () => host.stats.items.find((i: { id: string }) => i.id === 'incidentCommand.clock');
  const pending = () => timers.filter((t) => t.live);
  /** Runs the item's timer that is due next, at its time. */
  function advance(): void {
    const [next] = pending().sort((a, b) => a.at - b.at);
    assert.ok(next, 'no timer pending');
    now = next.at;
    next.live = false;
    next.fn();
  }

  function open(name: string, text: string, clockAt: number): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    host.show(file);
    const uri = host.vscode.Uri.file(file).toString();
    notify({ uri, version: 1, state: JSON.parse(JSON.stringify(computeClock(incidentOf(text), clockAt, defaultConfig()))) });
    return file;
  }

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-clockbar-'));
    host = createFake({ root: ROOT, folder: dir });
    (Module as unknown as { _load: unknown })._load = function (this: unknown, request: string, ...rest: unknown[]) {
      return request === 'vscode' ? host.vscode : load.call(this, request, ...rest);
    };
    now = T0;
    timers = [];
    Date.now = () => now;
    // The item's timers only; the fake's own deferred sends run at once.
    global.setTimeout = ((fn: () => void, ms = 0) => {
      if (ms === 0) { fn(); return { ref() {}, unref() {} }; }
      const t: Timer = { at: now + ms, fn, live: true };
      timers.push(t);
      return t;
    }) as unknown as typeof setTimeout;
    global.clearTimeout = ((t: Timer | undefined) => { if (t && 'live' in t) t.live = false; }) as typeof clearTimeout;
    for (const key of Object.keys(require.cache)) if (key.includes(`${path.sep}src${path.sep}extension${path.sep}`)) delete require.cache[key];
        const { ClockStatusBar } = require('../../src/extension/clock/statusBar');
    const client = {
      onNotification: (_t: unknown, handler: (p: unknown) => void) => { notify = handler; return { dispose() {} }; },
      onDidChangeState: () => ({ dispose() {} }),
      isRunning: () => false,
    };
    const b = new ClockStatusBar(() => client);
    b.attach(client);
    bar = b;
  });

  afterEach(() => {
    bar.dispose();
    Date.now = realNow;
    global.setTimeout = realSetTimeout;
    global.clearTimeout = realClearTimeout;
    (Module as unknown as { _load: unknown })._load = load;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ticks each second of an open window, setting only the text and its spoken label', () => {
    now = T0 + 70 * M + 250;
    open('open.incident.yaml', OPEN, now);
    assert.equal(item().text, '$(watch) m1 1:10:00 · 1h49m left');
    assert.equal(item().visible, true);
    const sets = host.stats.sets;
    advance();
    assert.equal(now, T0 + 70 * M + S);
    assert.equal(item().text, '$(watch) m1 1:10:01 · 1h49m left');
    assert.equal(item().accessibilityInformation.label, 'Maintenance clock: m1 1:10:01 · 1h49m left');
    assert.equal(host.stats.sets - sets, 2);
    assert.equal(pending().length, 1);
  });

  it('counts down a planned window by the minute, and shows an ended one without a timer', () => {
    now = T0 + 20 * S;
    open('planned.incident.yaml', PLANNED, now);
    assert.equal(item().text, '$(watch) m1 starts in 4h59m');
    advance();
    assert.equal(now, T0 + M + 1);
    assert.equal(item().text, '$(watch) m1 starts in 4h58m');
    open('ended.incident.yaml', ENDED, now);
    assert.equal(item().text, '$(check) m1 0:30:00');
    assert.deepEqual(pending(), []);
  });

  it('stops when the log\'s tab closes, though VS Code still holds the document', () => {
    now = T0 + 5 * M;
    const file = open('open.incident.yaml', OPEN, now);
    assert.equal(pending().length, 1);
    host.closeTab(file);
    assert.equal(item().visible, false);
    assert.deepEqual(pending(), []);
    // Open again: the clock the server sent is still known, and ticks again.
    host.show(file);
    assert.equal(item().visible, true);
    assert.equal(pending().length, 1);
  });
});
