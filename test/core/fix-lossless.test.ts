// Every fix a rule offers, the disable comment the editor offers, and `lint --fix`, on generated
// logs, runbooks and configs: the lines a fix does not touch stay byte for byte, comments
// survive, the result parses in the file's own line breaks, the model reads the change the fix
// names, and the finding it was offered for goes away.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixText, pickSafeEdits } from '../../src/cli/lint-file';
import { Config, defaultConfig, readConfig } from '../../src/core/config';
import { disableLine, multilineScalars } from '../../src/core/disable';
import { analyzeText } from '../../src/core/lint';
import { readIncident } from '../../src/core/model/incident';
import { parseSource } from '../../src/core/source';
import { LineIndex } from '../../src/core/text';
import { disableEdit } from '../../src/server/codeActions';
import { configs, GenLog, incidentLogs, runbooks } from './log-gen';
import { checkWrite, comments, grewFrom, toJS } from './lossless';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const OPTS = { lang: 'en' as const, now: NOW };
/** Fixes that only add keys or items: the model after holds everything it held before. */
const GROWS = new Set(['decision-why-missing', 'timestamp-no-zone', 'dangerous-command', 'role-missing', 'rollback-missing', 'step-verify-missing', 'no-user-notice']);

interface Kind { name: string; files: fc.Arbitrary<GenLog>; config: (text: string) => Config }
const KINDS: Kind[] = [
  { name: 'x.incident.yaml', files: incidentLogs, config: () => defaultConfig() },
  { name: 'x.runbook.yaml', files: runbooks, config: () => defaultConfig() },
  { name: '.incident-command.yaml', files: configs, config: (t) => readConfig(t, '.incident-command.yaml').config },
];
const count = (text: string, k: Kind, ruleId: string): number =>
  analyzeText(text, k.name, k.config(text), OPTS).findings.filter((f) => f.ruleId === ruleId).length;

/** The timeline entries in the order the sort fix must leave them: by time, ties as written. */
function sortedTimeline(text: string): unknown[] {
  const js = toJS(text).timeline as unknown[];
  const inc = readIncident(parseSource(text, 'x.incident.yaml'), defaultConfig());
  return inc.timeline.map((e, k) => ({ ms: e.at!.time!.ms, k })).sort((a, b) => a.ms - b.ms || a.k - b.k).map(({ k }) => js[k]);
}

describe('rule fixes keep every other byte (generated files)', function () {
  this.timeout(300_000);
  const seen = new Set<string>();
  after(() => {
    // The generators exist to reach these; a rule dropping out of this list means a fix went untested.
    for (const id of ['schema', 'decision-why-missing', 'duplicate-id', 'timeline-order', 'timestamp-ambiguous', 'timestamp-no-zone', 'unknown-person', 'checklist',
      'dangerous-command', 'no-user-notice', 'role-missing', 'rollback-missing', 'step-verify-missing', 'unknown-role', 'unknown-step-ref', 'unknown-rule']) {
      assert.ok(seen.has(id), `no generated file offered a fix for ${id}`);
    }
  });

  for (const k of KINDS) {
    it(`every fix offered in ${k.name}`, () => {
      fc.assert(fc.property(k.files, ({ text }) => {
        const { findings } = analyzeText(text, k.name, k.config(text), OPTS);
        for (const f of findings) {
          for (const fix of f.fixes) {
            seen.add(f.ruleId);
            const sorts = f.ruleId === 'timeline-order';
            // Fixes that add lines leave each line they touch whole; filling an empty value changes its line.
            const insertOnly = fix.edits.every((e) => e.span[0] === e.span[1] && /[\r\n]/.test(e.newText));
            const out = checkWrite(text, fix.edits, { comments: sorts ? 'moved' : 'same', insertOnly, fileName: k.name });
            assert.ok(count(out, k, f.ruleId) < count(text, k, f.ruleId), `"${fix.title}" left its ${f.ruleId} finding:\n${out}`);
            if (GROWS.has(f.ruleId)) assert.ok(grewFrom(toJS(text), toJS(out)), `"${fix.title}" lost something:\n${out}`);
            if (sorts) assert.deepEqual(toJS(out).timeline, sortedTimeline(text));
          }
        }
      }), { numRuns: 80 });
    });
  }

  it('a disable comment silences the finding and changes nothing YAML reads', () => {
    fc.assert(fc.property(fc.oneof(...KINDS.map((k) => k.files.map((g) => ({ g, k })))), ({ g: { text }, k }) => {
      const lines = new LineIndex(text);
      const { file, findings } = analyzeText(text, k.name, k.config(text), OPTS);
      const scalars = multilineScalars(file);
      for (const f of findings) {
        const e = disableEdit(text, lines, disableLine(scalars, f.range.start.line), f.ruleId);
        if (!e) continue;
        const span = [lines.offset(e.range.start), lines.offset(e.range.end)] as const;
        const out = checkWrite(text, [{ span, newText: e.newText }], { comments: span[0] === span[1] && /\n$/.test(e.newText) ? { added: 1 } : { added: 0 }, fileName: k.name });
        assert.deepEqual(toJS(out), toJS(text), `the disable comment changed the document:\n${out}`);
        assert.ok(count(out, k, f.ruleId) < count(text, k, f.ruleId), `still reported:\n${out}`);
      }
    }), { numRuns: 100 });
  });

  it('lint --fix applies the safe fixes and keeps everything else', () => {
    fc.assert(fc.property(incidentLogs, ({ text }) => {
      const r = fixText(text, 'x.incident.yaml', defaultConfig(), OPTS);
      if (r.text === text) return;
      const edits = [{ span: [0, text.length] as const, newText: r.text }];
      checkWrite(text, edits, { comments: 'moved' });
      assert.deepEqual(pickSafeEdits(r.findings), [], 'a safe fix is still left');
      const before = toJS(text);
      const out = toJS(r.text);
      // Only values a safe fix names change (enum values); entries may move, never go.
      for (const key of Object.keys(before)) if (key !== 'timeline' && key !== 'severity' && key !== 'status') assert.deepEqual(out[key], before[key], key);
      const canon = (xs: unknown) => (Array.isArray(xs) ? xs.map((x) => JSON.stringify(x)).sort() : xs);
      assert.deepEqual(canon(out.timeline), canon(before.timeline));
      assert.deepEqual(comments(r.text).length, comments(text).length);
    }), { numRuns: 100 });
  });
});
