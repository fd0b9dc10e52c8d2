// Generate Postmortem and Preview Postmortem from a finished incident log: the Markdown file
// is written beside the log, and the preview webview shows the same title.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openEditor } from './harness.mjs';

const LOG = 'incidents/2020-04-17-classroom-db.incident.yaml';
const OUT = 'incidents/2020-04-17-classroom-db.postmortem.md';

describe('postmortem commands in VS Code', function () {
  this.timeout(120_000);
  /** @type {import('./harness.mjs').Editor} */
  let editor;
  let title = '';

  before(async function () {
    this.timeout(300_000);
    editor = await openEditor();
    assert.ok(editor.vsix, 'no .vsix to test: run npm run package first');
    // The examples ship their generated postmortems; start without this one.
    fs.rmSync(path.join(editor.workspace, OUT), { force: true });
  });
  afterEach(async function () { await editor?.screenshotIfFailed(this); });
  after(async function () {
    this.timeout(60_000);
    await editor?.close();
  });

  it('"Generate Postmortem" writes the Markdown file next to the log', async () => {
    await editor.openFile(LOG);
    await editor.waitForStatusBar('Incident Log');
    await editor.runCommand('Incident: Generate Postmortem');
    await editor.$('.notification-toast', { hasText: 'Postmortem written to' }).waitFor();
    const file = path.join(editor.workspace, OUT);
    const text = await editor.poll(async () => fs.existsSync(file) && fs.readFileSync(file, 'utf8'),
      `${OUT} on disk`);
    assert.match(text, /^<!-- incident-command:postmortem .*source=2020-04-17-classroom-db\.incident\.yaml/);
    title = /^# (.+)$/m.exec(text)?.[1] ?? '';
    assert.ok(title, 'the postmortem has a # title');
    // The log is about the Chalkboard service; its postmortem says so in the title.
    assert.match(title, /Chalkboard/);
  });

  it('"Preview Postmortem" shows the title in a webview beside the log', async () => {
    assert.ok(title, 'needs the title from the test before');
    await editor.openFile(LOG);
    await editor.runCommand('Incident: Preview Postmortem');
    // code-server nests each webview's page in an inner frame.
    const h1 = editor.page.frameLocator('iframe.webview').frameLocator('iframe#active-frame')
      .locator('h1');
    await h1.first().waitFor();
    assert.equal((await h1.first().innerText()).trim(), title);
    await editor.keepScreenshot('postmortem-preview');
  });
});
