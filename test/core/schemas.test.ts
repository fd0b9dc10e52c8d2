// The JSON Schemas in schemas/ are generated from the specs (npm run schemas) and must agree
// with the linter on the examples: clean files validate, files with schema mistakes do not.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { fileKindOf } from '../../src/core/source';
import { SCHEMA_FILES, schemaText } from '../../scripts/gen-schemas';

const ROOT = path.join(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');

function compile(file: string) {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  // Editor-only annotations: ajv's strict mode would reject them as unknown keywords.
  ajv.addKeyword({ keyword: 'markdownDescription', schemaType: 'string' });
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', file), 'utf8')));
}
const validators = {
  incident: compile('incident.schema.json'),
  runbook: compile('runbook.schema.json'),
  config: compile('config.schema.json'),
};
const validate = (text: string, kind: keyof typeof validators): boolean =>
  validators[kind](parse(text, { version: '1.2', schema: 'core' })) as boolean;

function examples(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? examples(p) : fileKindOf(e.name) ? [p] : [];
  });
}

describe('JSON Schemas', () => {
  for (const { file, schema } of SCHEMA_FILES) {
    it(`schemas/${file} is what npm run schemas writes`, () => {
      const onDisk = fs.readFileSync(path.join(ROOT, 'schemas', file), 'utf8');
      assert.equal(onDisk, schemaText(schema()), 'run `npm run schemas`');
    });
  }

  for (const file of examples(EXAMPLES)) {
    const rel = path.relative(ROOT, file);
    const kind = fileKindOf(file) as keyof typeof validators;
    const text = fs.readFileSync(file, 'utf8');
    const broken = path.basename(file).startsWith('broken.');
    // A broken example is expected to fail the schema only where it says it breaks the schema rule.
    if (!broken) {
      it(`${rel} validates`, () => {
        const ok = validate(text, kind);
        assert.ok(ok, JSON.stringify(validators[kind].errors, null, 2));
      });
    } else if (/#\s*schema:/.test(text)) {
      it(`${rel} does not validate`, () => { assert.equal(validate(text, kind), false); });
    }
  }

  const incident = 'incident: x-1\ntitle: t\nservice: s\nseverity: SEV2\nstatus: resolved\ntimeline:\n  - at: 2026-01-01T00:00Z\n    kind: note\n    text: hi\n';
  const runbook = 'runbook: r1\ntitle: t\nsteps:\n  - id: a\n    title: do it\n    danger: true\n';
  it('accepts minimal valid files of each kind', () => {
    assert.ok(validate(incident, 'incident'));
    assert.ok(validate(runbook, 'runbook'));
    assert.ok(validate('timezone: Asia/Seoul\nrules:\n  schema: warning\n', 'config'));
    assert.ok(validate(`${incident}checklist:\n  user-notice: { skipped: none, by: me }\n  roles-assigned: { done: 2026-01-01T00:00Z }\n`, 'incident'));
  });

  it('rejects unknown keys, wrong enums, missing required keys and wrong types', () => {
    assert.equal(validate(`${incident}severty: SEV1\n`, 'incident'), false);
    assert.equal(validate(incident.replace('kind: note', 'kind: nope'), 'incident'), false);
    assert.equal(validate(incident.replace('title: t\n', ''), 'incident'), false);
    assert.equal(validate(incident.replace('incident: x-1', 'incident: "-x"'), 'incident'), false);
    assert.equal(validate(runbook.replace('danger: true', 'danger: maybe'), 'runbook'), false);
    assert.equal(validate('rules:\n  schema: loud\n', 'config'), false);
    assert.equal(validate(`${incident}checklist:\n  user-notice: { when: now }\n`, 'incident'), false);
  });
});
