// The formatters are pure: findings in, text out.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Finding } from '../../src/core/rules/types';
import { formatJson } from '../../src/cli/format/json';
import { artifactUri, toSarif } from '../../src/cli/format/sarif';
import { displayWidth, formatStylish } from '../../src/cli/format/stylish';
import type { FileResult } from '../../src/cli/lint-file';

const cwd = path.resolve('/work/proj');
function finding(ruleId: string, level: Finding['level'], message: string, line: number, col: number, endCol = col + 3, safe = false): Finding {
  return {
    ruleId, level, message, span: [0, 1],
    range: { start: { line, character: col }, end: { line, character: endCol } },
    fixes: safe ? [{ title: 'fix', edits: [], safe: true }] : [],
  };
}
const results: FileResult[] = [
  { filePath: path.join(cwd, 'a.incident.yaml'), fixed: false, findings: [] },
  { filePath: path.join(cwd, 'logs', 'b.incident.yaml'), fixed: false, findings: [
    finding('schema', 'error', 'Unknown key "severty".', 9, 0, 7, true),
    finding('timeline-order', 'warning', 'Out of order.', 104, 8),
    finding('maintenance-entry-missing', 'info', 'No start entry.', 38, 11),
  ] },
];

describe('cli formatters', () => {
  it('stylish: path, aligned rows, summary, fixable line, no colour', () => {
    const out = formatStylish(results, { color: false, lang: 'en', cwd });
    assert.equal(out, [
      '',
      path.join('logs', 'b.incident.yaml'),
      '   10:1  error    Unknown key "severty".  schema',
      '  105:9  warning  Out of order.           timeline-order',
      '  39:12  info     No start entry.         maintenance-entry-missing',
      '',
      '✖ 3 problems (1 error, 1 warning, 1 info)',
      '  1 error and 0 warnings potentially fixable with the `--fix` option.',
      '',
    ].join('\n'));
  });

  it('stylish: Korean, colour codes only when asked, nothing for clean results', () => {
    const ko = formatStylish(results, { color: false, lang: 'ko', cwd });
    assert.match(ko, /✖ 문제 3개 \(오류 1개, 경고 1개, 정보 1개\)/);
    assert.match(ko, / {2}오류 {2}Unknown/);
    assert.ok(!ko.includes('\u001b['));
    assert.ok(formatStylish(results, { color: true, lang: 'en', cwd }).includes('\u001b[31m'));
    assert.equal(formatStylish([results[0]], { color: false, lang: 'en', cwd }), '');
  });

  it('stylish: wide characters count two cells', () => {
    assert.equal(displayWidth('경고'), 4);
    assert.equal(displayWidth('ab'), 2);
    // Narrow text outside ASCII, the first wide code point, one outside the BMP, and a mix.
    assert.equal(displayWidth('café ½ — Ω'), 10);
    assert.equal(displayWidth('\u1100'), 2);
    assert.equal(displayWidth('ok 🚨'), 5);
    assert.equal(displayWidth('a경b'), 4);
  });

  it('json: ESLint shape with 1-based positions', () => {
    const out = JSON.parse(formatJson(results));
    assert.deepEqual(out[0], { filePath: results[0].filePath, messages: [], errorCount: 0, warningCount: 0 });
    assert.deepEqual(out[1].messages[0], { ruleId: 'schema', severity: 'error', message: 'Unknown key "severty".', line: 10, column: 1, endLine: 10, endColumn: 8 });
    assert.equal(out[1].errorCount, 1);
    assert.equal(out[1].warningCount, 1);
  });

  it('sarif: levels, rule indexes, sub-ids described by their parent', () => {
    const withSub: FileResult[] = [{ filePath: path.join(cwd, 'x y.incident.yaml'), fixed: false, findings: [finding('checklist/user-notice', 'warning', 'Tell users.', 0, 0)] }];
    const rules = [{ id: 'checklist', defaultLevel: 'warning' as const, description: { en: 'Checklist items.', ko: '체크리스트 항목.' } }];
    const log = toSarif([...results, ...withSub], { cwd, version: '1.2.3', lang: 'en', rules }) as {
      runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } }; results: { ruleId: string; ruleIndex: number; level: string }[] }[];
    };
    const run = log.runs[0];
    assert.deepEqual(run.results.map((x) => x.level), ['error', 'warning', 'note', 'warning']);
    for (const x of run.results) assert.equal(run.tool.driver.rules[x.ruleIndex].id, x.ruleId);
    const sub = run.tool.driver.rules.find((x) => x.id === 'checklist/user-notice');
    assert.equal(sub?.shortDescription.text, 'Checklist items.');
  });

  it('sarif: URIs are relative and percent-encoded below the root, absolute file URIs outside it', () => {
    assert.deepEqual(artifactUri(path.join(cwd, 'a b', 'c.incident.yaml'), cwd), { uri: 'a%20b/c.incident.yaml', uriBaseId: '%SRCROOT%' });
    assert.equal(artifactUri(path.resolve('/elsewhere/d.incident.yaml'), cwd).uriBaseId, undefined);
    assert.match(artifactUri(path.resolve('/elsewhere/d.incident.yaml'), cwd).uri, /^file:\/\/\/.*elsewhere\/d\.incident\.yaml$/);
  });
});
