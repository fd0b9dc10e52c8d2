// What the features read from one document: its model (even when the YAML is broken, since
// completion is asked for exactly then), the spec of its format, and the zone it is read in.
import { Incident, allEntries, readIncident } from '../model/incident';
import { readRunbook, Runbook } from '../model/runbook';
import { configSpec } from '../schema/config';
import { incidentSpec } from '../schema/incident';
import { runbookSpec } from '../schema/runbook';
import type { MapSpec, Spec } from '../schema/types';
import type { Str } from '../model/fields';
import type { ServiceInput } from './types';

const SPECS: Record<string, MapSpec> = { incident: incidentSpec, runbook: runbookSpec, config: configSpec };

export function rootSpec(input: ServiceInput): MapSpec { return SPECS[input.analysis.file.kind] ?? incidentSpec; }

const incidents = new WeakMap<ServiceInput['analysis'], Incident | undefined>();
const runbooks = new WeakMap<ServiceInput['analysis'], Runbook | undefined>();

export function incidentOf(input: ServiceInput): Incident | undefined {
  const a = input.analysis;
  if (a.incident || a.file.kind !== 'incident') return a.incident;
  if (!incidents.has(a)) {
    // The lint pipeline skips the model on broken YAML; features still want what can be read.
    try { incidents.set(a, readIncident(a.file, input.config)); } catch { incidents.set(a, undefined); }
  }
  return incidents.get(a);
}

export function runbookOf(input: ServiceInput): Runbook | undefined {
  const a = input.analysis;
  if (a.runbook || a.file.kind !== 'runbook') return a.runbook;
  if (!runbooks.has(a)) {
    try { runbooks.set(a, readRunbook(a.file)); } catch { runbooks.set(a, undefined); }
  }
  return runbooks.get(a);
}

/** The zone timestamps without an offset are read in. */
export function zoneOf(input: ServiceInput): string | undefined {
  return incidentOf(input)?.zone ?? input.config.timezone;
}

/** The string-valued specs a value may take (a union of a list and a string offers both). */
export function stringSpecs(spec: Spec | undefined): Extract<Spec, { type: 'string' }>[] {
  if (!spec) return [];
  if (spec.type === 'string') return [spec];
  if (spec.type === 'union') return spec.of.flatMap(stringSpecs);
  if (spec.type === 'list') return stringSpecs(spec.items);
  return [];
}

export function mapSpecOf(spec: Spec | undefined): MapSpec | undefined {
  if (!spec) return undefined;
  if (spec.type === 'map') return spec;
  if (spec.type === 'union') return spec.of.map(mapSpecOf).find((m) => m !== undefined);
  return undefined;
}

/** Entries that carry an id: what `refs` may name. */
export function entryIds(inc: Incident): { id: Str; at?: string; kind?: string; text?: string }[] {
  return allEntries(inc).flatMap((e) => e.id ? [{ id: e.id, at: e.at?.value, kind: e.kind?.value, text: e.text?.value }] : []);
}
