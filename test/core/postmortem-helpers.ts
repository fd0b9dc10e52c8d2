// Builds postmortems from YAML text or example files, the way the CLI and the editor do.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Config, defaultConfig, readConfig } from '../../src/core/config';
import { postmortemFromText, PostmortemOptions } from '../../src/core/postmortem';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const EXAMPLES = path.join(ROOT, 'examples', 'incidents');
export const GOLDEN_DIR = path.join(ROOT, 'test', 'fixtures', 'postmortem');

export function examplesConfig(): Config {
  const file = path.join(ROOT, 'examples', '.incident-command.yaml');
  return readConfig(fs.readFileSync(file, 'utf8'), file).config;
}

export function render(yaml: string, options: PostmortemOptions = {}, config: Config = defaultConfig()): string {
  const r = postmortemFromText(yaml, 'test.incident.yaml', config, options);
  if (!r.ok) throw new Error(`not YAML: ${r.message}`);
  return r.markdown;
}

/** A log text from parts; `extra` holds top-level keys. */
export function log(parts: { zone?: string; windows?: string; timeline: string; extra?: string }): string {
  return [
    'incident: t1', 'title: Test incident', 'service: test service', 'severity: SEV1', 'status: resolved',
    `timezone: ${parts.zone ?? 'Asia/Seoul'}`, parts.extra ?? '',
    parts.windows ? `maintenance:\n${parts.windows}` : '',
    `timeline:\n${parts.timeline}`,
  ].filter(Boolean).join('\n') + '\n';
}
