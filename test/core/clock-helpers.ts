// Builds a ClockState from YAML text, the way the server and CLI do.
import { Config, defaultConfig } from '../../src/core/config';
import { readIncident, Incident } from '../../src/core/model/incident';
import { parseSource } from '../../src/core/source';

export const S = 1000;
export const M = 60 * S;
export const H = 60 * M;

export function incidentOf(yaml: string, config: Config = defaultConfig()): Incident {
  return readIncident(parseSource(yaml, 'test.incident.yaml'), config);
}

/** A log with the given zone, windows and timeline, as YAML text. */
export function logText(zone: string | null, windows: string, timeline: string, extra = ''): string {
  return [
    'incident: t', 'title: t', 'service: s', 'severity: SEV1', 'status: mitigating',
    zone ? `timezone: ${zone}` : '', extra,
    windows ? `maintenance:\n${windows}` : '',
    `timeline:\n${timeline}`,
  ].filter(Boolean).join('\n') + '\n';
}

export function entry(at: string, kind: string, more = ''): string {
  return `  - at: "${at}"\n    kind: ${kind}\n    text: x\n${more ? `    ${more}\n` : ''}`;
}

export function win(id: string, start: string, end?: string, announcedEnd?: string): string {
  return `  - id: ${id}\n    start: "${start}"\n` + (end ? `    end: "${end}"\n` : '') + (announcedEnd ? `    announced_end: "${announcedEnd}"\n` : '');
}
