// No input may make an incident rule throw (the engine turns a throw into a "Rule ... failed"
// finding), and the timeline sort must always keep every line and leave the timeline sorted.
// Inputs are the rule fixtures mangled line by line, with a fixed seed so runs repeat.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { defaultConfig } from '../../src/core/config';
import { analyzeText } from '../../src/core/lint';
import { incidentRules } from '../../src/core/rules/incident';
import { applyEdits } from '../../src/core/text';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'rules');
const NOW = Date.parse('2026-11-22T12:00:00Z');
const ids = new Set(incidentRules.map((r) => r.id));

const sources = [...ids].flatMap((id) => {
  const dir = path.join(FIXTURES, id);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.incident.yaml')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) : [];
});

const mangle = fc.tuple(
  fc.constantFrom(...sources),
  fc.array(fc.tuple(fc.constantFrom('drop', 'dup', 'swap', 'indent', 'char', 'crlf'), fc.nat(), fc.nat(), fc.string({ maxLength: 3 })), { maxLength: 6 }),
).map(([src, ops]) => {
  let lines = src.split('\n');
  for (const [op, a, b, s] of ops) {
    const i = a % lines.length;
    const j = b % lines.length;
    if (op === 'drop') lines.splice(i, 1);
    else if (op === 'dup') lines.splice(i, 0, lines[i]);
    else if (op === 'swap') [lines[i], lines[j]] = [lines[j], lines[i]];
    else if (op === 'indent') lines[i] = `  ${lines[i]}`;
    else if (op === 'char') lines[i] = lines[i].slice(0, b % (lines[i].length + 1)) + s + lines[i].slice(b % (lines[i].length + 1));
    else lines = lines.map((l) => `${l}\r`);
    if (lines.length === 0) lines = [''];
  }
  return lines.join('\n');
});

describe('incident rules on mangled input', () => {
  it('never throw', () => {
    fc.assert(fc.property(mangle, (text) => {
      const { findings } = analyzeText(text, 'x.incident.yaml', defaultConfig(), { now: NOW });
      const failed = findings.filter((f) => ids.has(f.ruleId) && /^Rule .* failed/.test(f.message));
      assert.deepEqual(failed.map((f) => f.message), []);
    }), { seed: 20210125, numRuns: 200 });
  });

  it('sort the timeline into order and keep every line', () => {
    fc.assert(fc.property(mangle, (text) => {
      const { findings } = analyzeText(text, 'x.incident.yaml', defaultConfig(), { now: NOW });
      const fix = findings.find((f) => f.ruleId === 'timeline-order' && f.fixes.length)?.fixes[0];
      if (!fix) return;
      const out = applyEdits(text, fix.edits);
      assert.deepEqual(out.split('\n').sort(), text.split('\n').sort());
      const after = analyzeText(out, 'x.incident.yaml', defaultConfig(), { now: NOW }).findings;
      assert.deepEqual(after.filter((f) => f.ruleId === 'timeline-order').map((f) => f.message), []);
    }), { seed: 20210126, numRuns: 200 });
  });
});
