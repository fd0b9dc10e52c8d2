// Writes schemas/*.schema.json from the format specs: `npm run schemas`.
// test/core/schemas.test.ts fails when the files drift from what this would write.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configSpec } from '../src/core/schema/config';
import { incidentSpec } from '../src/core/schema/incident';
import { JsonSchema, toJsonSchema } from '../src/core/schema/json-schema';
import { runbookSpec } from '../src/core/schema/runbook';

export const SCHEMA_FILES: { file: string; schema: () => JsonSchema }[] = [
  { file: 'incident.schema.json', schema: () => toJsonSchema(incidentSpec, { id: 'incident.schema.json', title: 'Incident Command: incident log (*.incident.yaml)' }) },
  { file: 'runbook.schema.json', schema: () => toJsonSchema(runbookSpec, { id: 'runbook.schema.json', title: 'Incident Command: runbook (*.runbook.yaml)' }) },
  { file: 'config.schema.json', schema: () => toJsonSchema(configSpec, { id: 'config.schema.json', title: 'Incident Command: workspace config (.incident-command.yaml)' }) },
];

export function schemaText(schema: JsonSchema): string { return `${JSON.stringify(schema, null, 2)}\n`; }

/** The repository root, whether run from scripts/ (ts) or out/scripts/ (compiled). */
export function repoRoot(): string {
  let dir = __dirname;
  // out/ holds a copy of package.json (tsc emits the imported JSON), so skip it.
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'out') {
    if (path.dirname(dir) === dir) return process.cwd();
    dir = path.dirname(dir);
  }
  return dir;
}

function main(): void {
  const dir = path.join(repoRoot(), 'schemas');
  fs.mkdirSync(dir, { recursive: true });
  for (const { file, schema } of SCHEMA_FILES) {
    const target = path.join(dir, file);
    const text = schemaText(schema());
    const old = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    if (old !== text) fs.writeFileSync(target, text);
    console.log(`${old === text ? 'unchanged' : 'wrote'} schemas/${file}`);
  }
}

if (require.main === module) main();
