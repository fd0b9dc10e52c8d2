// What the commands that read one incident log share: their options, reading the log with its
// workspace config, "now" (`--at` or INCIDENT_COMMAND_NOW) and the output language.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config, Lang } from '../core/config';
import { Incident, readIncident } from '../core/model/incident';
import { fileKindOf, parseSource, SourceFile } from '../core/source';
import { formatInZone, parseTimestamp } from '../core/time';
import { envLang, UsageError } from './command';
import { ConfigResolver } from './config-cache';

export interface LogOptions { file: string; at?: string; json: boolean; config?: string; lang?: Lang }

export interface LoadedLog { filePath: string; source: SourceFile; incident: Incident; config: Config; zone: string; now: number; lang: Lang }

export function parseLogArgs(command: string, args: string[]): LogOptions {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { at: { type: 'string' }, json: { type: 'boolean' }, config: { type: 'string', short: 'c' }, lang: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError(`${command} takes one incident log, got ${positionals.length}. Run "incident-command ${command} --help".`);
  const lang = values.lang;
  if (lang !== undefined && lang !== 'en' && lang !== 'ko') throw new UsageError(`--lang must be en or ko, not "${lang}".`);
  return { file: positionals[0], at: values.at, json: values.json ?? false, config: values.config, lang };
}

export function loadLog(opts: LogOptions): LoadedLog {
  const cwd = process.cwd();
  const filePath = path.resolve(cwd, opts.file);
  const kind = fileKindOf(filePath);
  if (kind === 'runbook' || kind === 'config') throw new UsageError(`${opts.file} is a ${kind}, not an incident log.`);
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${opts.file} does not exist.` : `cannot read ${opts.file} (${code ?? String(e)}).`);
  }
  const config = new ConfigResolver(cwd, opts.config).forFile(filePath);
  const source = parseSource(text, filePath, 'incident');
  const err = source.yamlErrors[0];
  if (err) {
    const pos = source.lines.position(err.span[0]);
    throw new UsageError(`${opts.file}:${pos.line + 1}:${pos.character + 1} is not valid YAML: ${err.message}`);
  }
  const incident = readIncident(source, config);
  const now = opts.at !== undefined ? readAt(opts.at, incident.zone) : nowFromEnv();
  const langField = incident.language?.value;
  const lang: Lang = opts.lang ?? (langField === 'ko' || langField === 'en' ? langField : undefined) ?? config.language ?? envLang() ?? 'en';
  return { filePath, source, incident, config, zone: incident.zone ?? 'UTC', now, lang };
}

/** `--at`, read like a timestamp in the file: without an offset, in the log's zone. */
export function readAt(text: string, zone: string | undefined): number {
  const r = parseTimestamp(text, zone);
  if (!r.ok) {
    if (r.problem === 'no-zone') throw new UsageError(`--at "${text}" has no offset and the log has no timezone; add one, e.g. ${text}+09:00.`);
    throw new UsageError(`--at "${text}" is not a timestamp; write e.g. 2021-01-26T10:30 or 2021-01-26T10:30+09:00.`);
  }
  const { time } = r;
  if (time.ambiguous) {
    process.stderr.write(`incident-command: --at "${text}" happens twice in ${zone}; using the earlier (${formatInZone(time.ms, zone!, 'XXX')}). Add an offset to choose.\n`);
  } else if (time.impossible) {
    process.stderr.write(`incident-command: --at "${text}" does not exist in ${zone} (clocks sprang forward); read as ${formatInZone(time.ms, zone!)}.\n`);
  }
  return time.ms;
}

/** "now": INCIDENT_COMMAND_NOW pins it for reproducible runs. */
export function nowFromEnv(): number {
  const pinned = process.env.INCIDENT_COMMAND_NOW;
  if (!pinned) return Date.now();
  const t = Date.parse(pinned);
  if (Number.isNaN(t)) throw new UsageError(`INCIDENT_COMMAND_NOW is not a date: "${pinned}".`);
  return t;
}
