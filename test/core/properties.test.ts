// Property tests: the engine never throws, whatever it is given, and every finding points
// inside the text with a range that matches its span.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { defaultConfig, readConfig } from '../../src/core/config';
import { analyzeText } from '../../src/core/lint';
import { LineIndex } from '../../src/core/text';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const config = readConfig('timezone: Asia/Seoul\npeople: { ann: { name: Ann } }\n').config;
const FILES = ['x.incident.yaml', 'x.runbook.yaml', '.incident-command.yaml'];

function check(text: string, fileName: string, cfg = config): void {
  const { findings } = analyzeText(text, fileName, cfg, { lang: 'ko', now: NOW });
  const lines = new LineIndex(text);
  for (const f of findings) {
    const [s, e] = f.span;
    assert.ok(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s <= e && e <= text.length,
      `${f.ruleId}: span [${s}, ${e}) outside a text of ${text.length}`);
    assert.deepEqual(f.range, lines.range(f.span), `${f.ruleId}: range does not match span`);
    assert.ok(f.message.length > 0, `${f.ruleId}: empty message`);
    // The engine turns a rule's exception into a finding; that is still a rule bug.
    assert.ok(!/^규칙 \S+ 실행 실패/.test(f.message), `${f.ruleId} threw: ${f.message}\n--- input:\n${text}`);
    for (const fix of f.fixes) {
      for (const edit of fix.edits) assert.ok(edit.span[0] >= 0 && edit.span[0] <= edit.span[1] && edit.span[1] <= text.length, `${f.ruleId}: fix edit outside the text`);
    }
  }
}

const incidentHead = 'incident: p-1\ntitle: t\nservice: s\nseverity: SEV2\nstatus: mitigating\ntimezone: Asia/Seoul\n';
const runbookHead = 'runbook: r1\ntitle: t\nkind: maintenance\nwindow: 2h\nroles: [dba]\n';
const INCIDENT_KEYS = ['timeline', 'maintenance', 'impact', 'people', 'roles', 'checklist', 'causes', 'action_items', 'decisions', 'lessons', 'severity', 'status', 'timezone'];
const RUNBOOK_KEYS = ['steps', 'preconditions', 'roles', 'window', 'kind'];
const CONFIG_KEYS = ['rules', 'checklists', 'people', 'severities', 'dangerous_commands', 'status_update_every', 'timezone', 'max_file_size'];

/** A YAML value under a key, indented as a block: `key:\n  ...`. */
function under(key: string, value: unknown): string {
  let body: string;
  try { body = stringify(value) ?? 'null\n'; } catch { body = 'null\n'; } // undefined stringifies to undefined
  return `${key}:\n${body.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n')}`;
}

// Values that look like what responders write, so rules get past the schema and into their logic.
const timestamp = fc.oneof(
  fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)),
  fc.constantFrom('2021-11-07T01:30', '2021-03-14T02:30', '2026-13-40T25:00', '2026-11-22T12:00+09:00', 'yesterday', ''),
);
const entry = fc.record({
  at: timestamp, kind: fc.constantFrom('detection', 'decision', 'communication', 'maintenance-start', 'maintenance-end', 'resolution', 'note', 'bogus'),
  text: fc.string(), by: fc.constantFrom('ann', 'ghost'), window: fc.constantFrom('m1', 'm2'), id: fc.constantFrom('a', 'b', 'a'),
}, { requiredKeys: ['at', 'kind', 'text'] });
const windowRec = fc.record({ id: fc.constantFrom('m1', 'm2'), start: timestamp, end: timestamp, announced_end: timestamp }, { requiredKeys: ['id', 'start'] });
const step = fc.record({
  id: fc.constantFrom('s1', 's2', 's1'), title: fc.string(), run: fc.constantFrom('kubectl delete ns prod', 'redis-cli FLUSHALL', 'echo hi', 'pg_dump db'),
  verify: fc.string(), rollback: fc.string(), timeout: fc.constantFrom('10m', 'soon'), estimate: fc.constantFrom('90m', '2d', 'x'),
  danger: fc.boolean(), role: fc.constantFrom('dba', 'nobody'), after: fc.constantFrom('s1', 's9'), kind: fc.constantFrom('action', 'communication', 'check'),
}, { requiredKeys: ['id', 'title'] });

describe('engine properties', function () {
  // Hundreds of runs each; a busy machine must not turn that into a failure.
  this.timeout(180_000);

  it('never throws on arbitrary strings, for every file kind', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom(...FILES), (text, name) => check(text, name)), { numRuns: 300 });
  });

  it('never throws on arbitrary full-Unicode strings (surrogate pairs, BOM, CR)', () => {
    const unicode = fc.string({ unit: 'binary' });
    const noisy = fc.array(fc.oneof(unicode, fc.constantFrom('\r\n', '\r', '\n', '\uFEFF', '\t', ': ', '- ', '#', '"', '---', '\uD800')), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(fc.property(fc.oneof(unicode, noisy), fc.constantFrom(...FILES), (text, name) => check(text, name)), { numRuns: 300 });
  });

  it('never throws on arbitrary YAML values under real keys', () => {
    const cases = fc.oneof(
      fc.tuple(fc.constantFrom(...INCIDENT_KEYS), fc.anything()).map(([k, v]) => ({ text: incidentHead.replace(new RegExp(`^${k}:.*\\n`, 'm'), '') + under(k, v), name: 'x.incident.yaml' })),
      fc.tuple(fc.constantFrom(...RUNBOOK_KEYS), fc.anything()).map(([k, v]) => ({ text: runbookHead.replace(new RegExp(`^${k}:.*\\n`, 'm'), '') + under(k, v), name: 'x.runbook.yaml' })),
      fc.tuple(fc.constantFrom(...CONFIG_KEYS), fc.anything()).map(([k, v]) => ({ text: under(k, v), name: '.incident-command.yaml' })),
    );
    fc.assert(fc.property(cases, ({ text, name }) => check(text, name)), { numRuns: 400 });
  });

  it('never throws on plausible incident logs and runbooks, CRLF or not', () => {
    const incident = fc.tuple(fc.array(entry, { maxLength: 8 }), fc.array(windowRec, { maxLength: 3 }), fc.constantFrom('resolved', 'mitigating'), fc.boolean())
      .map(([timeline, maintenance, status, crlf]) => {
        const t = `${incidentHead.replace('mitigating', status)}roles: { commander: ann }\n${under('maintenance', maintenance)}${under('timeline', timeline)}`;
        return crlf ? t.replace(/\n/g, '\r\n') : t;
      });
    const runbook = fc.tuple(fc.array(step, { maxLength: 8 }), fc.boolean())
      .map(([steps, crlf]) => { const t = runbookHead + under('steps', steps); return crlf ? t.replace(/\n/g, '\r\n') : t; });
    fc.assert(fc.property(incident, (t) => check(t, 'x.incident.yaml')), { numRuns: 200 });
    fc.assert(fc.property(runbook, (t) => check(t, 'x.runbook.yaml')), { numRuns: 200 });
  });

  it('never throws with arbitrary configs either', () => {
    const cfgText = fc.tuple(fc.constantFrom(...CONFIG_KEYS), fc.anything()).map(([k, v]) => under(k, v));
    fc.assert(fc.property(cfgText, fc.array(entry, { maxLength: 4 }), (c, timeline) => {
      const cfg = readConfig(c, '.incident-command.yaml').config;
      check(incidentHead + under('timeline', timeline), 'x.incident.yaml', cfg);
    }), { numRuns: 200 });
    check('', 'x.incident.yaml', defaultConfig());
  });
});
