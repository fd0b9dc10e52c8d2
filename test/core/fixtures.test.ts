// Rule fixtures, markdownlint style: every file under test/fixtures/rules/<rule-id>/ is
// linted, and each finding must be announced by a marker comment on its line:
//   `# expect: rule-id[, rule-id]`            findings that start on this line
//   `# expect-next-line: rule-id[, rule-id]`  findings that start on the next line
// One finding too many or too few fails. A `.incident-command.yaml` beside a fixture is its config.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, readConfig } from '../../src/core/config';
import { analyzeText } from '../../src/core/lint';
import { fileKindOf } from '../../src/core/source';

export const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'rules');
// A fixed "now" keeps rules that look at open windows deterministic.
export const FIXTURE_NOW = Date.parse('2026-11-22T12:00:00Z');

export function expectedMarkers(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /#\s*expect(-next-line)?:\s*([^#]+)/.exec(line);
    if (!m) return;
    for (const id of m[2].split(/[,\s]+/).filter(Boolean)) out.push(`${i + 1 + (m[1] ? 1 : 0)}:${id}`);
  });
  return out.sort();
}

function listFixtures(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listFixtures(p);
    return fileKindOf(e.name) && fileKindOf(e.name) !== 'config' ? [p] : [];
  });
}

describe('rule fixtures', () => {
  for (const file of listFixtures(FIXTURES)) {
    it(path.relative(FIXTURES, file), () => {
      const text = fs.readFileSync(file, 'utf8');
      const cfgPath = path.join(path.dirname(file), '.incident-command.yaml');
      const config = fs.existsSync(cfgPath) ? readConfig(fs.readFileSync(cfgPath, 'utf8'), cfgPath).config : defaultConfig();
      const { findings } = analyzeText(text, file, config, { lang: 'en', now: FIXTURE_NOW, fileExists: fs.existsSync });
      const actual = findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`).sort();
      const detail = findings.map((f) => `  ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}: ${f.message}`).join('\n');
      assert.deepEqual(actual, expectedMarkers(text), `findings were:\n${detail}`);
    });
  }
});
