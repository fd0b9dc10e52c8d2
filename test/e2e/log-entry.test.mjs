// "Log Entry Now" as a responder uses it: Ctrl+Alt+L in an open incident log, pick a kind,
// type a sentence, and the entry lands at the end of the timeline with the current time.
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { openEditor } from './harness.mjs';

const OPEN = 'incidents/2026-11-21-cache-open.incident.yaml';

describe('Log Entry Now in VS Code', function () {
  this.timeout(120_000);
  /** @type {import('./harness.mjs').Editor} */
  let editor;

  before(async function () {
    this.timeout(300_000);
    editor = await openEditor();
    assert.ok(editor.vsix, 'no .vsix to test: run npm run package first');
    await editor.openFile(OPEN);
    await editor.waitForStatusBar('Incident Log');
  });
  afterEach(async function () { await editor?.screenshotIfFailed(this); });
  after(async function () {
    this.timeout(60_000);
    await editor?.close();
  });

  /** The quick input whose title contains `title`, once it shows. */
  async function quickInput(/** @type {string} */ title) {
    await editor.$('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
    return editor.$('.quick-input-widget .quick-input-box input');
  }

  /**
   * Ctrl+Alt+L, the kind from the pick list, then each answer in the input boxes that follow.
   * @param {string} kind @param {string[]} answers
   */
  async function logEntry(kind, answers) {
    await editor.focusEditor();
    await editor.page.keyboard.press('Control+Alt+L');
    const pick = await quickInput('Log Entry Now');
    await pick.fill(kind);
    await editor.waitForQuickInputLabel(kind);
    await pick.press('Enter');
    for (const answer of answers) {
      const box = await quickInput(`Log Entry Now: ${kind}`);
      // The pick list and each box share one widget: wait for the box's prompt to be fresh.
      await editor.poll(async () => (await box.inputValue()) === '', 'an empty input box');
      await box.fill(answer);
      await box.press('Enter');
    }
    await editor.$('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** The timeline as saved to disk, after Ctrl+S writes an entry with `text`. */
  async function savedTimeline(/** @type {string} */ text) {
    const saved = await editor.save(OPEN, (t) => t.includes(text));
    return /** @type {{at: string, kind: string, text: string, window?: string, why?: string}[]} */ (
      parse(saved).timeline);
  }

  it('appends a note to the timeline, in the open window, stamped now in the log\'s zone', async () => {
    const text = 'E2E probe: replica lag back under one second';
    const before = Date.now();
    await logEntry('note', [text]);
    await editor.poll(async () => (await editor.editorText()).includes(text), 'the entry in the editor');
    await editor.keepScreenshot('log-entry');
    const last = (await savedTimeline(text)).at(-1);
    assert.equal(last?.kind, 'note');
    assert.equal(last?.text, text);
    // The cache log has one open maintenance window (m1); entries made during it join it.
    assert.equal(last?.window, 'm1');
    // Seoul time with its offset, as the log's other entries are written.
    assert.match(last?.at ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?\+09:00$/);
    const at = Date.parse(last?.at ?? '');
    // Minute precision: the stamp may be up to a minute before the key press.
    assert.ok(at >= before - 60_000 && at <= Date.now(), `${last?.at} is not now`);
  });

  it('asks why for a decision and keeps the answer', async () => {
    const text = 'E2E probe: reopen with the cache at half capacity';
    const why = 'the sample of 5,000 guilds matched the dumps';
    await logEntry('decision', [text, why]);
    const last = (await savedTimeline(text)).at(-1);
    assert.equal(last?.kind, 'decision');
    assert.equal(last?.text, text);
    assert.equal(last?.why, why);
  });
});
