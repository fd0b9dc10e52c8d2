// Spec → JSON Schema (draft-07), for editors that validate YAML with JSON Schemas
// (yaml-language-server, IntelliJ). Pure; scripts/gen-schemas.ts writes the files in schemas/.
import { DEFAULT_SEVERITIES } from '../config';
import type { Spec } from './types';

export type JsonSchema = { [key: string]: unknown };

export const SCHEMA_BASE = 'https://raw.githubusercontent.com/incident-command/incident-command/main/schemas/';
const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

// Values from the workspace config (custom severities) cannot be an enum here; they are
// offered as examples so the editor still completes the usual ones.
const ENUM_EXAMPLES: Record<string, readonly string[]> = { severities: DEFAULT_SEVERITIES };

export function toJsonSchema(spec: Spec, meta: { id: string; title: string }): JsonSchema {
  return { $schema: DRAFT_07, $id: `${SCHEMA_BASE}${meta.id}`, title: meta.title, ...node(spec) };
}

function describe(spec: Spec): JsonSchema {
  const en = spec.doc.en.trim();
  if (!en) return {};
  // description is plain text; markdownDescription keeps the backticks for editors that render it.
  return { description: en.replace(/`/g, ''), markdownDescription: en };
}

function node(spec: Spec): JsonSchema {
  const base = describe(spec);
  switch (spec.type) {
    case 'string': {
      if (spec.enum) return { ...base, type: 'string', enum: [...spec.enum] };
      // The linter reads a bare number (`runbook: 2021`) as text too, so the schema does.
      const out: JsonSchema = { ...base, type: ['string', 'number'] };
      if (spec.pattern) out.pattern = spec.pattern;
      if (spec.enumFrom) out.examples = [...(ENUM_EXAMPLES[spec.enumFrom] ?? [])];
      return out;
    }
    case 'boolean': return { ...base, type: 'boolean' };
    case 'number': return { ...base, type: 'number' };
    case 'list': return { ...base, type: 'array', items: node(spec.items) };
    case 'union': return { ...base, anyOf: spec.of.map(node) };
    case 'map': {
      const out: JsonSchema = { ...base, type: 'object' };
      const names = Object.keys(spec.fields);
      if (names.length || !spec.values) out.properties = Object.fromEntries(names.map((k) => [k, node(spec.fields[k])]));
      if (spec.required?.length) out.required = [...spec.required];
      out.additionalProperties = spec.values ? node(spec.values) : false;
      return out;
    }
  }
}
