// The Checklist view as a responder uses it during a maintenance: the open log's items with
// checkboxes, the pending ones unticked; ticking one records it done in the log.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './env.mjs';
import { openEditor } from './harness.mjs';

const OPEN = 'incidents/2026-11-21-cache-open.incident.yaml';

/** Ids of the items the CLI (same core, outside the editor) lists as pending now. */
function cliPending(/** @type {string} */ file) {
  const res = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'incident-command.js'),
    'checklist', '--json', file], { encoding: 'utf8' });
  return JSON.parse(res.stdout).items.filter((/** @type {any} */ i) => i.state === 'pending')
    .map((/** @type {any} */ i) => i.id).sort();
}

describe('Checklist view in VS Code', function () {
  this.timeout(120_000);
  /** @type {import('./harness.mjs').Editor} */
  let editor;

  before(async function () {
    this.timeout(300_000);
    editor = await openEditor();
    assert.ok(editor.vsix, 'no .vsix to test: run npm run package first');
    await editor.openFile(OPEN);
    await editor.waitForStatusBar('Incident Log');
    await editor.runCommand('Focus on Checklist View');
  });
  afterEach(async function () { await editor?.screenshotIfFailed(this); });
  after(async function () {
    this.timeout(60_000);
    await editor?.close();
  });

  const rows = () => editor.$('.pane', { has: editor.$('.pane-header', { hasText: 'Checklist' }) })
    .locator('.monaco-list-row');
  /** The checkbox of the item row whose aria label starts with the item id. */
  const checkbox = (/** @type {string} */ id) => rows()
    .filter({ has: editor.$('.custom-view-tree-node-item-checkbox') })
    .and(editor.$(`[aria-label^="${id}"]`)).locator('.custom-view-tree-node-item-checkbox');

  /** Item ids by checkbox state, as the tree shows them. */
  async function itemsShown() {
    return rows().evaluateAll((els) => els.flatMap((el) => {
      const box = el.querySelector('.custom-view-tree-node-item-checkbox');
      const id = (el.getAttribute('aria-label') ?? '').split(/[\s,]/)[0];
      return box ? [{ id, checked: box.getAttribute('aria-checked') === 'true' }] : [];
    }));
  }

  it('shows the pending items of the open log unticked, as the CLI lists them', async () => {
    const pending = cliPending(path.join(editor.workspace, OPEN));
    assert.ok(pending.includes('vendor-contact'), pending.join(', '));
    const shown = await editor.poll(async () => {
      const items = await itemsShown();
      return items.some((i) => i.id === 'vendor-contact') ? items : undefined;
    }, 'the checklist items');
    assert.deepEqual(shown.filter((i) => !i.checked).map((i) => i.id).sort(), pending);
    assert.ok(shown.some((i) => i.id === 'roles-assigned' && i.checked), 'a done item is ticked');
    // Each phase row counts its pending items ("Maintenance start  1 pending").
    const counts = await rows().evaluateAll((els) => els.map((el) =>
      Number(/(\d+) pending/.exec(el.getAttribute('aria-label') ?? '')?.[1] ?? 0)));
    assert.equal(counts.reduce((a, b) => a + b, 0), pending.length);
    await editor.keepScreenshot('checklist');
  });

  it('records a ticked item as done now in the log', async () => {
    const before = Date.now();
    const ticked = editor.$('.monaco-list-row[aria-label^="vendor-contact"] .custom-view-tree-node-item-checkbox[aria-checked="true"]');
    // A person whose click went nowhere (the browser lost it) clicks again; the log must still get one record.
    let clicks = 0;
    await editor.poll(async () => {
      if (await ticked.isVisible()) return true;
      if (clicks < 3) { clicks++; await checkbox('vendor-contact').click(); }
      return ticked.waitFor({ timeout: 8000 }).then(() => true);
    }, 'the ticked box of vendor-contact');
    await editor.focusEditor();
    const saved = await editor.save(OPEN, (t) => /^\s+vendor-contact:/m.test(t));
    assert.equal(saved.match(/^\s+vendor-contact:/mg)?.length, 1, saved);
    const record = parse(saved).checklist['vendor-contact'];
    assert.ok(record && typeof record === 'object', JSON.stringify(record));
    const at = Date.parse(String(record.done));
    assert.ok(at >= before - 60_000 && at <= Date.now(), `done: ${record.done} is not now`);
    assert.deepEqual(cliPending(path.join(editor.workspace, OPEN)),
      (await itemsShown()).filter((i) => !i.checked).map((i) => i.id).sort());
    assert.ok(!cliPending(path.join(editor.workspace, OPEN)).includes('vendor-contact'));
  });
});
