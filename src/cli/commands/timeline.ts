// `incident-command timeline LOG --format csv|json`: the timeline with `T+` and window
// elapsed columns, for spreadsheets, status pages and postmortem drafts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../../core/config';
import { Incident, readIncident } from '../../core/model/incident';
import { fileKindOf, parseSource, SourceFile } from '../../core/source';
import { timelineCsv, timelineJson, timelineRows } from '../../core/timeline-export';
import { Command, UsageError } from '../command';
import { ConfigResolver } from '../config-cache';

const USAGE = `Usage: incident-command timeline FILE [options]

Prints the timeline of one incident log, in time order, with each entry's T+ (time
since the incident's first entry) and, inside a maintenance window, the time since
that window started. Standalone decisions are included.

Options:
  --format <csv|json>  Output format (default: csv). CSV columns: at, t_plus,
                       t_plus_minutes, window, window_elapsed, window_elapsed_minutes,
                       kind, by, id, text
  --config <file>      Use this config (default: the nearest .incident-command.yaml)
  -h, --help           Show this help

Exit codes: 0 ok, 2 bad usage or unreadable file.
`;

export interface LoadedLog { filePath: string; text: string; source: SourceFile; incident: Incident; config: Config }

/** Reads one incident log for a command; every problem is a one-line UsageError. */
export function loadLog(file: string, cwd: string, configPath?: string): LoadedLog {
  const filePath = path.resolve(cwd, file);
  const kind = fileKindOf(filePath);
  if (kind === 'runbook' || kind === 'config') throw new UsageError(`${file} is a ${kind}, not an incident log.`);
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${file} does not exist.` : `cannot read ${file} (${code ?? String(e)}).`);
  }
  const config = new ConfigResolver(cwd, configPath).forFile(filePath);
  const source = parseSource(text, filePath, 'incident');
  const err = source.yamlErrors[0];
  if (err) {
    const pos = source.lines.position(err.span[0]);
    throw new UsageError(`${file}:${pos.line + 1}:${pos.character + 1} is not valid YAML: ${err.message}`);
  }
  return { filePath, text, source, incident: readIncident(source, config), config };
}

export async function runTimeline(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { format: { type: 'string', short: 'f' }, config: { type: 'string', short: 'c' } },
  });
  if (positionals.length !== 1) throw new UsageError(`timeline takes one incident log, got ${positionals.length}. Run "incident-command timeline --help".`);
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, not "${format}".`);
  const log = loadLog(positionals[0], process.cwd(), values.config);
  const rows = timelineRows(log.incident, log.config);
  process.stdout.write(format === 'csv' ? timelineCsv(rows) : `${JSON.stringify(timelineJson(log.incident, rows), null, 2)}\n`);
  return 0;
}

export const timelineCommand: Command = {
  name: 'timeline',
  summary: 'Export the timeline as CSV or JSON, with T+ and window elapsed columns',
  usage: USAGE,
  run: runTimeline,
};
