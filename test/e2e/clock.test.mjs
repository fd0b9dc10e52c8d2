// The maintenance clock in the status bar: there for a log with an open window, agreeing with
// the CLI's clock, and ticking while the window stays open.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './env.mjs';
import { openEditor } from './harness.mjs';

const OPEN = 'incidents/2026-11-21-cache-open.incident.yaml';
const CLOCK_ID = /^incident-command\.incident-command\..*clock/i;

/** Elapsed seconds in the item's "m1 15:29:29 · ..." text. */
function elapsedOf(/** @type {string} */ text) {
  const m = /\bm1 (\d+):(\d\d):(\d\d)\b/.exec(text);
  assert.ok(m, `no "m1 H:MM:SS" in the clock's text: ${text}`);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

describe('maintenance clock in the VS Code status bar', function () {
  this.timeout(120_000);
  /** @type {import('./harness.mjs').Editor} */
  let editor;

  before(async function () {
    this.timeout(300_000);
    editor = await openEditor();
    assert.ok(editor.vsix, 'no .vsix to test: run npm run package first');
  });
  afterEach(async function () { await editor?.screenshotIfFailed(this); });
  after(async function () {
    this.timeout(60_000);
    await editor?.close();
  });

  const clockItem = async () => (await editor.statusBarItems()).find((i) => CLOCK_ID.test(i.id) && i.text);

  it('shows the open window\'s elapsed time, as the CLI reads it, and keeps counting', async () => {
    await editor.openFile(OPEN);
    await editor.waitForStatusBar('Incident Log');
    const first = await editor.poll(clockItem, 'the clock in the status bar');
    const shown = elapsedOf(first.text);
    const res = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'incident-command.js'),
      'clock', '--json', path.join(editor.workspace, OPEN)], { encoding: 'utf8' });
    const cli = JSON.parse(res.stdout).windows.find((/** @type {any} */ w) => w.id === 'm1');
    // The CLI ran just after the status bar was read: same clock, a few seconds on at most.
    const cliSeconds = Math.floor(cli.elapsedMs / 1000);
    assert.ok(cliSeconds >= shown - 2 && cliSeconds - shown <= 10, `status bar ${shown} s, CLI ${cliSeconds} s`);
    assert.match(first.label, /m1/);
    const later = await editor.poll(async () => {
      const item = await clockItem();
      return item && item.text !== first.text ? item : undefined;
    }, 'the clock to tick');
    assert.ok(elapsedOf(later.text) > shown, `${later.text} is not after ${first.text}`);
    await editor.keepScreenshot('clock');
  });
});
