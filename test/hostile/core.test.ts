// Every hostile input through the whole lint pipeline, in a worker that is killed if it hangs
// (see hang.ts): no throw, every finding well formed and inside the text, the problem found
// at its place, and no message repeating a secret. Then arbitrary mutations of the examples:
// the incremental parser must agree with a full parse.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { defaultConfig } from '../../src/core/config';
import { SegmentCache } from '../../src/core/incremental';
import { analyzeText } from '../../src/core/lint';
import { knownRuleIds } from '../../src/core/rules';
import { CORPUS } from './corpus';
import { inWorker, KILL_AFTER_MS } from './hang';
import type { WorkerAnswer } from './worker';

const KNOWN = knownRuleIds(defaultConfig());
const NOW = Date.parse('2026-11-22T12:00:00Z');
export const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');

export function exampleFiles(dir = EXAMPLES): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? exampleFiles(path.join(dir, e.name)) : /\.(incident|runbook)\.yaml$/.test(e.name) ? [path.join(dir, e.name)] : []);
}

describe('hostile corpus through the lint pipeline', function () {
  this.timeout(30000);
  for (const c of CORPUS) {
    it(c.name, async function () {
      this.timeout((c.killAfterMs ?? KILL_AFTER_MS) + 20000);
      const r = await inWorker<WorkerAnswer>('worker', { name: c.name }, c.killAfterMs);
      assert.equal(r.killed, false, 'analysis hung and was killed');
      if (r.killed) return;
      const a = r.value;
      assert.equal(a.error, undefined, `analyzeText threw: ${a.error}`);
      const findings = a.findings ?? [];
      const length = a.textLength ?? 0;
      for (const f of findings) {
        assert.ok(KNOWN.has(f.ruleId), `unknown rule id ${f.ruleId}`);
        assert.ok(f.message.trim().length > 0, `empty message from ${f.ruleId}`);
        assert.ok(f.span[0] >= 0 && f.span[0] <= f.span[1] && f.span[1] <= length, `${f.ruleId} span ${f.span} outside 0..${length}`);
        assert.ok(!/\bundefined\b|\[object Object\]|Rule .* failed/.test(f.message), `${f.ruleId}: ${f.message}`);
      }
      if (c.line !== undefined) {
        const here = findings.filter((f) => f.range.start.line === c.line && (!c.rule || f.ruleId === c.rule));
        assert.ok(here.length > 0, `no ${c.rule ?? ''} finding on line ${c.line}: ${JSON.stringify(findings.slice(0, 5).map((f) => [f.range.start.line, f.ruleId, f.message]))}`);
      }
      for (const secret of c.secrets ?? []) {
        for (const m of [...findings.map((f) => f.message), ...(a.otherMessages ?? [])]) assert.ok(!m.includes(secret), `a message repeats the secret: ${m}`);
      }
    });
  }
});

/** Line-level edits a person or a bad merge makes, plus the bytes that break parsers. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('\t', '\r', '\0', '\ufeff', '\ufffd', '  ', '- ', ': ', '#', '"', "'", '[', '{', '&a ', '*a ', '---', '? ', '!foo ') }),
);

function mutate(text: string, ms: { op: string; at: number; text?: string }[]): string {
  let out = text;
  for (const m of ms) {
    const lines = out.split('\n');
    const l = m.at % lines.length;
    if (m.op === 'delete') lines.splice(l, 1);
    else if (m.op === 'duplicate') lines.splice(l, 0, lines[l]);
    else {
      const at = m.at % (out.length + 1);
      out = m.op === 'swap' && at + 1 < out.length ? out.slice(0, at) + out[at + 1] + out[at] + out.slice(at + 2) : out.slice(0, at) + (m.text ?? '') + out.slice(at);
      continue;
    }
    out = lines.join('\n');
  }
  return out;
}

function summary(text: string, file: string, cache?: SegmentCache): string[] {
  return analyzeText(text, file, defaultConfig(), { lang: 'en', now: NOW }, undefined, cache).findings
    .map((f) => `${f.span[0]}-${f.span[1]} ${f.ruleId} ${f.message} ${JSON.stringify(f.fixes)}`);
}

describe('hostile mutations of the examples', function () {
  this.timeout(120000);
  for (const file of exampleFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    it(`full and incremental parses agree on mutations of ${path.basename(file)}`, () => {
      fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (ms, crlf) => {
        const base = crlf ? text.replace(/\r?\n/g, '\r\n') : text;
        const cache = new SegmentCache();
        summary(base, file, cache);
        const mutated = mutate(base, ms);
        const full = summary(mutated, file);
        assert.deepEqual(summary(mutated, file, cache), full);
        // The cache must also find its way back to the original.
        assert.deepEqual(summary(base, file, cache), summary(base, file));
      }), { numRuns: 15 });
    });
  }
});
