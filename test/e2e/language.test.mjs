// The language server as a person meets it in VS Code: findings with rule ids in Problems,
// none for a clean log, a quick fix through Ctrl+., and completion of entry kinds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './env.mjs';
import { openEditor } from './harness.mjs';

const BROKEN = 'incidents/broken.incident.yaml';
const CLEAN = 'incidents/2020-04-17-classroom-db.incident.yaml';
// The kinds of the binding spec (shared/spec/incident-format.md, "Kinds").
const KINDS = ['detection', 'escalation', 'observation', 'decision', 'action', 'communication',
  'mitigation', 'maintenance-start', 'maintenance-end', 'resolution', 'note'];
const DRAFT = `incident: 2026-11-22-e2e-draft
title: Completion probe
timeline:
  - at: 2026-11-22T10:00+09:00
    kind: `;

/**
 * What the CLI (the same core, run outside the editor) finds in a workspace file, as
 * "rule@line:column" keys: the editor must show exactly these.
 * @param {string} file absolute path
 */
function cliFindings(file) {
  const res = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'incident-command.js'),
    'lint', '--format', 'json', file], { encoding: 'utf8', cwd: path.dirname(file) });
  const report = JSON.parse(res.stdout);
  return report.flatMap((/** @type {any} */ f) => f.messages)
    .map((/** @type {any} */ m) => `${m.ruleId}@${m.line}:${m.column}`).sort();
}

/** 1-based line and column of the first occurrence of `needle` in a workspace file. */
function positionOf(/** @type {string} */ file, /** @type {string} */ needle) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `${needle} not in ${file}`);
  return { line: i + 1, column: lines[i].indexOf(needle) + 1 };
}

describe('language server in VS Code: diagnostics, quick fix, completion', function () {
  this.timeout(120_000);
  /** @type {import('./harness.mjs').Editor} */
  let editor;

  before(async function () {
    this.timeout(300_000);
    editor = await openEditor({ files: { 'draft.incident.yaml': DRAFT } });
    assert.ok(editor.vsix, 'no .vsix to test: run npm run package first');
  });
  afterEach(async function () { await editor?.screenshotIfFailed(this); });
  after(async function () {
    this.timeout(60_000);
    await editor?.close();
  });

  it('lists the findings of a broken log in Problems with their rule ids, as the CLI does', async () => {
    await editor.openFile(BROKEN);
    await editor.waitForStatusBar('Incident Log');
    await editor.waitForProblems(/incident-command/);
    const markers = await editor.problemsIn('broken.incident.yaml');
    for (const m of markers) assert.equal(m.source, 'incident-command', m.text);
    const codes = new Set(markers.map((m) => m.code));
    for (const id of ['schema', 'timestamp-invalid', 'window-overlap', 'timeline-order',
      'duplicate-id', 'unknown-ref', 'timestamp-ambiguous']) {
      assert.ok(codes.has(id), `no ${id} in Problems: ${[...codes].join(', ')}`);
    }
    const shown = markers.map((m) => `${m.code}@${m.line}:${m.column}`).sort();
    assert.deepEqual(shown, cliFindings(path.join(editor.workspace, BROKEN)));
    await editor.goTo(positionOf(path.join(editor.workspace, BROKEN), 'kind: mitigaton').line);
    await editor.keepScreenshot('problems');
  });

  it('reports nothing for a clean log once the server has checked it', async () => {
    const file = path.join(editor.workspace, CLEAN);
    assert.deepEqual(cliFindings(file), []);
    await editor.runCommand('View: Close All Editors');
    await editor.openFile(CLEAN);
    await editor.waitForStatusBar('Incident Log');
    // Zero rows alone would also mean "not checked yet": add a mistake, see it reported,
    // undo it, and see the file's row leave Problems.
    await editor.goTo(1, 1);
    await editor.page.keyboard.type('severty: SEV2');
    // Escape first: Enter would accept a suggestion the typing may have opened.
    await editor.page.keyboard.press('Escape');
    await editor.page.keyboard.press('Enter');
    await editor.waitForProblems(/severty/);
    await editor.focusEditor();
    // Typing and Enter may be separate undo steps: undo until the line is gone.
    await editor.poll(async () => !(await editor.editorText()).includes('severty')
      || void await editor.page.keyboard.press('Control+Z'), 'the edit undone');
    await editor.poll(async () => !(await editor.problems())
      .some((r) => r.label.includes('classroom-db')), 'no problems for the clean log');
    assert.deepEqual(await editor.problemsIn('2020-04-17-classroom-db.incident.yaml'), []);
  });

  it('applies the quick fix "mitigaton" -> "mitigation" from Ctrl+.', async () => {
    const file = path.join(editor.workspace, BROKEN);
    const at = positionOf(file, 'kind: mitigaton');
    at.column += 'kind: '.length;
    await editor.openFile(BROKEN);
    await editor.waitForProblems(/mitigaton/);
    await editor.goTo(at.line, at.column);
    const actions = await editor.codeActions();
    assert.ok(actions.includes('Change to "mitigation"'), actions.join(' | '));
    await editor.applyCodeAction('Change to "mitigation"');
    await editor.poll(async () => /kind: mitigation\b/.test(await editor.editorText()),
      'the fixed kind in the editor');
    assert.doesNotMatch(await editor.editorText(), /kind: mitigaton/);
    await editor.poll(async () => !(await editor.problems()).some((r) => /"mitigaton"/.test(r.text)),
      'the schema finding on the kind to go');
    const saved = await editor.save(BROKEN, (t) => !t.includes('kind: mitigaton'));
    assert.equal(saved.split('\n')[at.line - 1].trim(), 'kind: mitigation');
  });

  it('completes the entry kinds after "kind: "', async () => {
    await editor.openFile('draft.incident.yaml');
    await editor.waitForStatusBar('Incident Log');
    await editor.goTo(5, 11);
    const labels = await editor.suggestions();
    for (const k of KINDS) assert.ok(labels.includes(k), `no ${k} in ${labels.join(', ')}`);
    await editor.keepScreenshot('completion');
    await editor.page.keyboard.press('Enter');
    await editor.$('.suggest-widget .monaco-list-row').first().waitFor({ state: 'hidden' });
    const saved = await editor.save('draft.incident.yaml', (t) => t !== DRAFT);
    assert.match(saved.trimEnd().split('\n').at(-1) ?? '', new RegExp(`^    kind: (${KINDS.join('|')})$`));
  });
});
