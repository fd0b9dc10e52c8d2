// The manifest and the message bundles agree with the code: every %key% is translated,
// every contributed command is registered, every runtime string exists in both languages,
// and every file the manifest points at is there.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { KIND_DESCRIPTIONS, titleProblem } from '../../src/extension/choices';

const ROOT = path.join(__dirname, '..', '..', '..');
const readJson = (rel: string) => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
const pkg = readJson('package.json');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

/** First arguments of `t('...')` calls in the extension sources, read with the TypeScript parser. */
function runtimeMessages(): Set<string> {
  const out = new Set<string>();
  for (const f of tsFiles(path.join(ROOT, 'src', 'extension'))) {
    const sf = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 't'
        && n.arguments[0] && ts.isStringLiteralLike(n.arguments[0])) out.add(n.arguments[0].text);
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  for (const d of Object.values(KIND_DESCRIPTIONS)) out.add(d);
  for (const title of ['', 'a\nb', 'x'.repeat(300)]) out.add(titleProblem(title)!);
  return out;
}

const placeholders = (s: string) => (s.match(/\{[A-Za-z0-9_]+\}/g) ?? []).sort();
const HANGUL = /[\uac00-\ud7a3]/;

describe('extension manifest and messages', () => {
  const nlsEn = readJson('package.nls.json');
  const nlsKo = readJson('package.nls.ko.json');

  it('translates every %key% of package.json in English and Korean', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20);
    for (const k of keys) {
      assert.ok(typeof nlsEn[k] === 'string' && nlsEn[k], `package.nls.json lacks ${k}`);
      assert.ok(typeof nlsKo[k] === 'string' && nlsKo[k], `package.nls.ko.json lacks ${k}`);
    }
    assert.deepEqual(Object.keys(nlsKo).sort(), Object.keys(nlsEn).sort());
  });

  it('has Korean text in the Korean manifest strings that are sentences', () => {
    for (const [k, v] of Object.entries(nlsKo)) {
      if (String(nlsEn[k]).split(' ').length > 3) assert.match(String(v), HANGUL, k);
    }
  });

  it('registers exactly the commands it contributes', () => {
    const main = fs.readFileSync(path.join(ROOT, 'src', 'extension', 'main.ts'), 'utf8');
    const registered = [...main.matchAll(/register\('([^']+)'/g)].map((m) => m[1]).sort();
    const contributed = (pkg.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    for (const c of ['incidentCommand.newIncident', 'incidentCommand.logEntry', 'incidentCommand.newRunbook', 'incidentCommand.showRuleDoc', 'incidentCommand.restartServer']) {
      assert.ok(contributed.includes(c), c);
      assert.ok(registered.includes(c), c);
    }
    for (const c of pkg.contributes.commands as { category: string; title: string }[]) assert.equal(c.category, '%category%');
  });

  it('has every runtime message in both bundles, with the same placeholders', () => {
    const en = readJson('l10n/bundle.l10n.json');
    const ko = readJson('l10n/bundle.l10n.ko.json');
    assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
    for (const m of runtimeMessages()) {
      assert.equal(en[m], m, `l10n/bundle.l10n.json lacks: ${m}`);
      assert.ok(typeof ko[m] === 'string', `l10n/bundle.l10n.ko.json lacks: ${m}`);
      assert.deepEqual(placeholders(ko[m]), placeholders(m), m);
      if (m.split(' ').length > 2) assert.match(ko[m], HANGUL, m);
    }
  });

  it('points only at files that exist', () => {
    const c = pkg.contributes;
    const files: string[] = [
      pkg.main.replace(/^\.\//, '').replace('dist/extension.js', 'src/extension/main.ts'), pkg.icon,
      ...c.languages.map((l: { configuration: string }) => l.configuration),
      ...c.grammars.map((g: { path: string }) => g.path),
      ...c.snippets.map((s: { path: string }) => s.path),
      ...c.yamlValidation.map((v: { url: string }) => v.url),
      ...c.viewsContainers.activitybar.map((v: { icon: string }) => v.icon),
      ...c.walkthroughs.flatMap((w: { steps: { media: { markdown: string } }[] }) => w.steps.map((s) => s.media.markdown)),
    ];
    const missing = files.filter((f) => !fs.existsSync(path.join(ROOT, f)));
    assert.deepEqual(missing, []);
  });

  it('declares the grammar scopes the grammar files carry', () => {
    for (const g of pkg.contributes.grammars as { scopeName: string; path: string }[]) {
      const file = path.join(ROOT, g.path);
      if (fs.existsSync(file)) assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).scopeName, g.scopeName);
    }
    assert.deepEqual(pkg.contributes.grammars.map((g: { scopeName: string }) => g.scopeName), ['source.yaml.incident', 'source.yaml.runbook']);
  });

  it('binds Log Entry Now to Ctrl+Alt+L / Cmd+Alt+L in incident editors only', () => {
    const kb = pkg.contributes.keybindings.find((k: { command: string }) => k.command === 'incidentCommand.logEntry');
    assert.equal(kb.key, 'ctrl+alt+l');
    assert.equal(kb.mac, 'cmd+alt+l');
    assert.match(kb.when, /editorTextFocus/);
    assert.match(kb.when, /incident/);
  });

  it('keeps the package small: .vscodeignore drops sources, tests and node_modules', () => {
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/);
    for (const pattern of ['src/**', 'test/**', 'node_modules/**', 'out/**']) assert.ok(ignore.includes(pattern), pattern);
  });
});
