// Real-editor test harness: code-server (VS Code in the browser) driven by Debian chromium
// through playwright-core. See test/e2e/README.md for the API and an example.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium as pwChromium } from 'playwright-core';
import { isSetUp, setup } from '../../scripts/e2e-setup.mjs';
import { installExtension, startCodeServer, writeUserSettings } from './codeserver.mjs';
import { chromium, chromiumArgs, repoRoot, resultsDir } from './env.mjs';

/** Default time for one UI wait; code-server's first load in a cold profile takes seconds. */
export const UI_TIMEOUT = 30_000;

/**
 * The .vsix to test: $INCIDENT_VSIX, else the newest *.vsix in the repo root or dist/,
 * else undefined (the harness then runs with no extension installed).
 * @returns {string | undefined}
 */
export function findVsix() {
  if (process.env.INCIDENT_VSIX) return path.resolve(process.env.INCIDENT_VSIX);
  const found = [repoRoot, path.join(repoRoot, 'dist')].flatMap((dir) => {
    try {
      return fs.readdirSync(dir).filter((f) => f.endsWith('.vsix')).map((f) => path.join(dir, f));
    } catch {
      return [];
    }
  });
  found.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return found[0];
}

/** @param {string} s */
const slug = (s) => s.replace(/[^a-z0-9._-]+/gi, '-').replace(/^-+|-+$/g, '').slice(0, 100);

/**
 * Starts code-server on a temp copy of a folder, opens it in chromium and waits for the
 * workbench. Always `await editor.close()` (in mocha's `after`), even when a test fails.
 * @param {object} [opts]
 * @param {string} [opts.from] folder to copy into the workspace (default: the repo's examples/)
 * @param {Record<string, string>} [opts.files] extra files, relative path -> content
 * @param {string | null} [opts.vsix] .vsix to install first; default findVsix(), null for none
 * @param {Record<string, unknown>} [opts.settings] user settings over the quiet defaults
 * @param {boolean} [opts.headless] default true; PWDEBUG-style viewing with false
 * @param {number} [opts.timeoutMs] per UI wait, default UI_TIMEOUT
 * @returns {Promise<Editor>}
 */
export async function openEditor(opts = {}) {
  // Quiet when everything is in place; otherwise install (minutes, once per machine).
  if (!isSetUp()) await setup();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'incident-e2e-'));
  const workspace = path.join(tmp, 'workspace');
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const from = opts.from ?? path.join(repoRoot, 'examples');
  if (fs.existsSync(from)) fs.cpSync(from, workspace, { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  for (const [rel, content] of Object.entries(opts.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
    fs.writeFileSync(path.join(workspace, rel), content);
  }
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, opts.settings);

  const vsix = opts.vsix === undefined ? findVsix() : opts.vsix ?? undefined;
  if (vsix) await installExtension(vsix, { extensionsDir, userDataDir });

  const editor = new Editor({ tmp, workspace, vsix, timeoutMs: opts.timeoutMs ?? UI_TIMEOUT });
  try {
    editor.server = await startCodeServer({ folder: workspace, userDataDir, extensionsDir });
    editor.browser = await pwChromium.launch({
      executablePath: chromium, args: chromiumArgs, headless: opts.headless ?? true,
    });
    const context = await editor.browser.newContext({ viewport: { width: 1400, height: 900 } });
    editor.page = await context.newPage();
    editor.page.setDefaultTimeout(editor.timeoutMs);
    await editor.page.goto(`${editor.server.url}/?folder=${encodeURIComponent(workspace)}`);
    await editor.page.locator('.monaco-workbench').waitFor();
    // The explorer lists the folder once the remote file system is connected.
    await editor.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor()
      .catch(() => undefined);
  } catch (err) {
    await editor.screenshot('open-editor-failed').catch(() => undefined);
    await editor.close();
    throw err;
  }
  return editor;
}

/** One running code-server + browser page, with helpers to drive the workbench. */
export class Editor {
  /** @param {{tmp: string, workspace: string, vsix?: string, timeoutMs: number}} o */
  constructor(o) {
    /** Temp dir holding the workspace, profile and extensions; removed by close(). */
    this.tmp = o.tmp;
    /** Absolute path of the opened workspace folder (a temp copy). */
    this.workspace = o.workspace;
    /** The .vsix that was installed, if any. */
    this.vsix = o.vsix;
    this.timeoutMs = o.timeoutMs;
    /** @type {import('./codeserver.mjs').CodeServer | undefined} */
    this.server = undefined;
    /** @type {import('playwright-core').Browser | undefined} */
    this.browser = undefined;
    /** The playwright Page showing the workbench; use it directly for anything not wrapped. */
    /** @type {import('playwright-core').Page} */
    this.page = /** @type {any} */ (undefined);
  }

  /**
   * A playwright locator on the page.
   * @param {string} sel CSS selector @param {{hasText?: string | RegExp}} [opts]
   */
  $(sel, opts) {
    return this.page.locator(sel, opts);
  }

  /**
   * Runs a command from the command palette by its title, e.g. 'View: Toggle Word Wrap'.
   * Waits until the palette lists an entry whose label contains `title` before pressing Enter.
   * @param {string} title
   */
  async runCommand(title) {
    await this.closeQuickInput();
    await this.page.keyboard.press('F1');
    const input = this.$('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.$('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title })
      .first().waitFor().catch(async () => {
        throw new Error(`command palette has no "${title}"; it lists: `
          + (await this.quickInputRows()).join(' | '));
      });
    await this.waitForQuickInputLabel(title);
    await input.press('Enter');
    await this.$('.quick-input-widget').waitFor({ state: 'hidden' }).catch(() => undefined);
  }

  /**
   * Opens a workspace file through quick open (Ctrl+P) and waits for its editor tab to be active.
   * @param {string} name file name or workspace-relative path
   */
  async openFile(name) {
    await this.closeQuickInput();
    await this.page.keyboard.press('Control+P');
    const input = this.$('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(name);
    const base = path.basename(name);
    await this.$('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: base })
      .first().waitFor();
    await this.waitForQuickInputLabel(base);
    await input.press('Enter');
    await this.$(`.editor-group-container.active .tab.active[data-resource-name="${base}"]`)
      .waitFor();
    await this.$('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /** Text of the visible lines of the active editor (Monaco renders only what is on screen). */
  async editorText() {
    const text = await this.$('.editor-group-container.active .monaco-editor .view-lines')
      .first().innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  /** Label of the active editor tab, or '' when none is open. */
  async activeTabName() {
    const tab = this.$('.editor-group-container.active .tabs-container .tab.active');
    if (!(await tab.count())) return '';
    // The rendered label splits name and extension into spans; the attribute holds it whole.
    return (await tab.first().getAttribute('data-resource-name')) ?? '';
  }

  /**
   * Every status bar entry: its id (`<extensionId>.<entryId>` for extension items), text and
   * accessibility label.
   * @returns {Promise<{id: string, text: string, label: string}[]>}
   */
  async statusBarItems() {
    await this.$('#workbench\\.parts\\.statusbar').waitFor();
    return this.$('#workbench\\.parts\\.statusbar .statusbar-item').evaluateAll((els) =>
      els.map((el) => ({
        id: el.id,
        text: /** @type {HTMLElement} */ (el).innerText.replace(/\s+/g, ' ').trim(),
        label: el.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '',
      })));
  }

  /** The whole status bar as one string (entries joined by ' | '). */
  async statusBarText() {
    return (await this.statusBarItems()).map((i) => i.text).filter(Boolean).join(' | ');
  }

  /**
   * Waits until a status bar entry's text matches, and returns that entry.
   * @param {string | RegExp} match substring or pattern
   */
  async waitForStatusBar(match, timeoutMs = this.timeoutMs) {
    const test = (/** @type {string} */ t) => (typeof match === 'string' ? t.includes(match)
      : match.test(t));
    return this.poll(async () => (await this.statusBarItems()).find((i) => test(i.text)),
      `status bar entry matching ${match}`, timeoutMs);
  }

  /** Opens (or focuses) the Problems panel. */
  async openProblems() {
    if (!(await this.$('.markers-panel').isVisible().catch(() => false))) {
      await this.runCommand('View: Focus Problems');
    }
    await this.$('.markers-panel').waitFor();
  }

  /**
   * Opens the Problems panel and returns its rows. File rows have kind 'file'; marker rows
   * have kind 'marker' and a label like "Error: <message> at line 3 column 1 ...".
   * @returns {Promise<{kind: 'file' | 'marker', text: string, label: string}[]>}
   */
  async problems() {
    await this.openProblems();
    return this.$('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.map((row) => ({
      kind: /** @type {'file' | 'marker'} */ (row.querySelector('.marker-icon, .marker-message-details')
        ? 'marker' : 'file'),
      text: /** @type {HTMLElement} */ (row).innerText.replace(/\s+/g, ' ').trim(),
      label: row.getAttribute('aria-label') ?? '',
    })));
  }

  /**
   * Waits until the Problems panel holds at least one marker row matching, and returns the
   * marker rows.
   * @param {string | RegExp} [match] substring or pattern of the row's text or label
   */
  async waitForProblems(match, timeoutMs = this.timeoutMs) {
    const test = (/** @type {string} */ t) => match === undefined
      || (typeof match === 'string' ? t.includes(match) : match.test(t));
    return this.poll(async () => {
      const markers = (await this.problems()).filter((r) => r.kind === 'marker');
      return markers.some((r) => test(r.text) || test(r.label)) ? markers : undefined;
    }, `a problem matching ${match ?? 'anything'}`, timeoutMs);
  }

  /**
   * Saves a PNG of the page to test-results/<name>.png and returns its path.
   * @param {string} name
   */
  async screenshot(name) {
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${slug(name)}.png`);
    await this.page?.screenshot({ path: file });
    return file;
  }

  /**
   * Problems markers of one file (by base name), parsed: code is our rule id, line/column
   * 1-based. Maximises the panel meanwhile so its virtual list renders every row.
   * @returns {Promise<{severity: string, message: string, source: string, code: string,
   *   line: number, column: number, text: string}[]>}
   */
  async problemsIn(/** @type {string} */ fileName) {
    await this.openProblems();
    await this.runCommand('View: Toggle Maximized Panel');
    const rows = await this.problems().finally(() => this.runCommand('View: Toggle Maximized Panel'));
    let inFile = false;
    return rows.filter((r) => {
      if (r.kind === 'file') inFile = r.label.includes(` ${fileName} `) || r.text.startsWith(fileName);
      return r.kind === 'marker' && inFile;
    }).map((r) => {
      // "<message> <source>(<code>) [Ln 10, Col 1]"; the brackets vary by version.
      const m = /^(.*?)\s+([\w.-]+)\s*\(?([\w./-]+)\)?\s*\[Ln (\d+), Col (\d+)\]$/.exec(r.text);
      return { severity: r.label.split(':')[0] ?? '', message: m?.[1] ?? r.text, source: m?.[2] ?? '',
        code: m?.[3] ?? '', line: Number(m?.[4] ?? 0), column: Number(m?.[5] ?? 0), text: r.text };
    });
  }

  /** Go to Line (Ctrl+G), then waits for the status bar to show the cursor there (1-based). */
  async goTo(/** @type {number} */ line, column = 1) {
    await this.closeQuickInput();
    await this.page.keyboard.press('Control+G');
    const input = this.$('.quick-input-widget .quick-input-box input');
    await input.fill(`:${line}:${column}`);
    await input.press('Enter');
    await this.waitForStatusBar(`Ln ${line}, Col ${column}`);
  }

  /** Ctrl+Space at the cursor; the suggested labels once listed (the widget stays open). */
  async suggestions() {
    await this.page.keyboard.press('Control+Space');
    const rows = this.$('.suggest-widget .monaco-list-row');
    await rows.first().waitFor();
    return rows.evaluateAll((els) => els.map((el) =>
      /** @type {HTMLElement} */ (el.querySelector('.label-name') ?? el).innerText.trim()));
  }

  /** Opens the code action menu (Ctrl+.) at the cursor; returns its action titles. */
  async codeActions() {
    await this.page.keyboard.press('Control+.');
    const rows = this.$('.action-widget .monaco-list-row.action');
    await rows.first().waitFor();
    return rows.evaluateAll((els) => els.map((el) => /** @type {HTMLElement} */ (el).innerText.trim()));
  }

  /** Picks `title` in the menu codeActions() opened: arrow keys until focused, then Enter. */
  async applyCodeAction(/** @type {string} */ title) {
    const focused = this.$('.action-widget .monaco-list-row.action.focused');
    await this.poll(async () => {
      if ((await focused.innerText()).trim() === title) return true;
      await this.page.keyboard.press('ArrowDown');
      return false;
    }, `code action "${title}" focused`);
    await this.page.keyboard.press('Enter');
    await this.$('.action-widget .monaco-list-row').first().waitFor({ state: 'hidden' });
  }

  /** Ctrl+S, then waits for the file on disk to pass `until` (tabs show no dirty class here). */
  async save(/** @type {string} */ rel, /** @type {(text: string) => boolean} */ until) {
    await this.page.keyboard.press('Control+S');
    const file = path.join(this.workspace, rel);
    return this.poll(async () => [fs.readFileSync(file, 'utf8')].find(until), `${rel} saved`);
  }

  /** Moves keyboard focus to the active editor (after panels or quick inputs took it). */
  async focusEditor() {
    await this.runCommand('View: Focus Active Editor Group');
  }

  /** screenshot(), and with E2E_UPDATE_IMAGES=1 a copy in docs/images/ for the README. */
  async keepScreenshot(/** @type {string} */ name) {
    const file = await this.screenshot(name);
    const dir = path.join(repoRoot, 'docs', 'images');
    if (process.env.E2E_UPDATE_IMAGES) fs.copyFileSync(file, path.join(dir, `${slug(name)}.png`));
    return file;
  }

  /** Presses Escape until no quick input (palette, quick open) is showing. */
  async closeQuickInput() {
    const widget = this.$('.quick-input-widget');
    for (let i = 0; i < 3 && await widget.isVisible().catch(() => false); i++) {
      await this.page.keyboard.press('Escape');
    }
  }

  /** Labels of the rows the quick input is listing now. */
  async quickInputRows() {
    return this.$('.quick-input-widget .quick-input-list .monaco-list-row')
      .evaluateAll((rows) => rows.map((r) => /** @type {HTMLElement} */ (r).innerText.trim()));
  }

  /**
   * Waits for the focused quick-input row to contain `text`, so Enter picks the intended entry
   * and not one left over from before filtering caught up.
   * @param {string} text
   */
  async waitForQuickInputLabel(text) {
    await this.$('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: text })
      .first().waitFor();
  }

  /**
   * Re-evaluates `fn` until it returns something truthy (an event the page gives no hook for).
   * @template T
   * @param {() => Promise<T | undefined>} fn
   * @param {string} what described in the timeout error
   * @returns {Promise<T>}
   */
  async poll(fn, what, timeoutMs = this.timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await fn().catch(() => undefined);
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await this.page.waitForTimeout(250);
    }
  }

  /**
   * For mocha's afterEach: a screenshot named after the test when it failed.
   * @param {Mocha.Context} ctx `this` inside `afterEach(function () {...})`
   */
  async screenshotIfFailed(ctx) {
    const t = ctx.currentTest;
    if (t?.state === 'failed') {
      const file = await this.screenshot(`FAILED-${t.fullTitle()}`).catch(() => undefined);
      if (file) process.stderr.write(`  screenshot: ${file}\n`);
    }
  }

  /** Code-server's output so far (for diagnosing a failure). */
  serverOutput() {
    return this.server?.output() ?? '';
  }

  /** Closes the browser, stops code-server and every process it started, removes the temp dir. */
  async close() {
    await this.browser?.close().catch(() => undefined);
    await this.server?.stop();
    if (!process.env.E2E_KEEP_TMP) fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}
