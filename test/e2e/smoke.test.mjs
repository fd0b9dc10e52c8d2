// Smoke test of the real-editor harness: code-server loads, a YAML file opens in an editor,
// and the Problems panel and status bar helpers read what the workbench shows.
// Runs with the extension when $INCIDENT_VSIX or a *.vsix is present, without it otherwise.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openEditor } from './harness.mjs';

const YAML = `# smoke test file
title: Smoke test
severity: SEV3
`;

describe('real editor (code-server) smoke', function () {
  // The first run may install code-server (minutes); later ones start in seconds.
  this.timeout(15 * 60_000);
  /** @type {import('./harness.mjs').Editor} */
  let editor;

  before(async function () {
    editor = await openEditor({
      files: {
        'smoke.yaml': YAML,
        // The built-in JSON language server reports this, so the Problems helper is checked
        // even before our extension exists.
        'broken.json': '{ "a": 1,, }\n',
      },
    });
  });

  afterEach(async function () {
    this.timeout(30_000);
    await editor?.screenshotIfFailed(this);
  });

  after(async function () {
    this.timeout(30_000);
    await editor?.close();
  });

  it('loads the workbench on the workspace folder', async function () {
    this.timeout(60_000);
    assert.ok(await editor.$('.monaco-workbench').isVisible());
    await editor.$('.explorer-folders-view .monaco-list-row', { hasText: 'smoke.yaml' }).waitFor();
  });

  it('opens a YAML file in an editor and shows its language in the status bar', async function () {
    this.timeout(60_000);
    await editor.openFile('smoke.yaml');
    assert.equal(await editor.activeTabName(), 'smoke.yaml');
    assert.match(await editor.editorText(), /title: Smoke test/);
    await editor.waitForStatusBar('YAML');
    const file = await editor.screenshot('smoke-yaml-open');
    assert.ok(fs.statSync(file).size > 10_000, 'screenshot written');
  });

  it('reads Problems panel rows', async function () {
    this.timeout(60_000);
    await editor.openFile('broken.json');
    const markers = await editor.waitForProblems(/broken\.json|Property|Value expected|Trailing/i);
    assert.ok(markers.length >= 1, JSON.stringify(markers));
  });

  it('runs a command from the command palette', async function () {
    this.timeout(60_000);
    await editor.openFile('smoke.yaml');
    await editor.runCommand('View: Close All Editors');
    await editor.poll(async () => (await editor.activeTabName()) === '', 'no editor open');
  });
});
