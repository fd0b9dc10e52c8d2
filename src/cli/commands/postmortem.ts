// `incident-command postmortem FILE`: writes the postmortem generated from one incident log,
// never over a file a person has edited since it was generated (unless --force).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang } from '../../core/config';
import { isStyle, postmortemFromText, StyleId } from '../../core/postmortem';
import { decideWrite, inLineBreaksOf, mayWrite, postmortemPathFor, withMarker } from '../../core/postmortem-file';
import { fileKindOf } from '../../core/source';
import { writeIfUnchanged, WriteOutcome } from '../../core/write-file';
import { Command, UsageError } from '../command';
import { ConfigResolver } from '../config-cache';

const USAGE = `Usage: incident-command postmortem FILE [options]

Generates the postmortem of one incident log as Markdown: the NDC retrospective
(the chronology told on the maintenance clock, decisions with their options and
reasons) or the Google SRE book's template. Facts missing from the log show as
visible placeholders; nothing is invented.

Writes <name>.postmortem.md beside the log (or where postmortem.path in the
config says). A file edited by a person since it was generated is never
overwritten without --force.

Options:
  --lang <ko|en>     Language (default: the log's language:, the config's, en)
  --style <ndc|sre>  Layout (default: the config's postmortem.style, ndc)
  --out <path>       Write here instead
  --stdout           Print instead of writing a file
  --force            Overwrite even a file edited since it was generated
  --config <file>    Use this config (default: the nearest .incident-command.yaml)
  -h, --help         Show this help

Exit codes: 0 written (or already up to date), 1 not written because the file
was edited (before or during the run), 2 bad usage or unreadable log.
`;

export interface PostmortemArgs { file: string; lang?: Lang; style?: StyleId; out?: string; stdout: boolean; force: boolean; config?: string }

export function parsePostmortemArgs(args: string[]): PostmortemArgs {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      lang: { type: 'string' }, style: { type: 'string' }, out: { type: 'string', short: 'o' },
      stdout: { type: 'boolean' }, force: { type: 'boolean', short: 'f' }, config: { type: 'string', short: 'c' },
    },
  });
  if (positionals.length !== 1) throw new UsageError(`postmortem takes one incident log, got ${positionals.length}. Run "incident-command postmortem --help".`);
  const { lang, style } = values;
  if (lang !== undefined && lang !== 'en' && lang !== 'ko') throw new UsageError(`--lang must be ko or en, not "${lang}".`);
  if (style !== undefined && !isStyle(style)) throw new UsageError(`--style must be ndc or sre, not "${style}".`);
  if (values.out !== undefined && values.stdout) throw new UsageError('--out and --stdout cannot be used together.');
  return {
    file: positionals[0], lang, style: style as StyleId | undefined, out: values.out, stdout: values.stdout ?? false,
    force: values.force ?? false, config: values.config,
  };
}

function readOptional(p: string): string | undefined {
  try { return fs.readFileSync(p, 'utf8'); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read ${p} (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
}

export async function runPostmortem(args: string[]): Promise<number> {
  const opts = parsePostmortemArgs(args);
  const cwd = process.cwd();
  const logPath = path.resolve(cwd, opts.file);
  const kind = fileKindOf(logPath);
  if (kind === 'runbook' || kind === 'config') throw new UsageError(`${opts.file} is a ${kind}, not an incident log.`);
  const text = readOptional(logPath);
  if (text === undefined) throw new UsageError(`${opts.file} does not exist.`);
  const config = new ConfigResolver(cwd, opts.config).forFile(logPath);
  const r = postmortemFromText(text, logPath, config, { lang: opts.lang, style: opts.style });
  if (!r.ok) throw new UsageError(`${opts.file}:${r.line}:${r.column} is not valid YAML: ${r.message}`);
  const out = withMarker(r.markdown, { source: path.basename(logPath), style: r.postmortem.style, lang: r.postmortem.lang });
  if (opts.stdout) {
    process.stdout.write(out);
    return 0;
  }
  const configDir = config.path ? path.dirname(config.path) : undefined;
  const target = opts.out !== undefined ? path.resolve(cwd, opts.out) : postmortemPathFor(logPath, config.postmortem.path, configDir);
  const shown = path.relative(cwd, target) || target;
  const existing = readOptional(target);
  const decision = decideWrite(existing, out, opts.force);
  if (decision === 'unchanged') {
    process.stdout.write(`${shown} is up to date.\n`);
    return 0;
  }
  if (!mayWrite(decision)) {
    const why = decision === 'edited' ? 'was edited since it was generated' : 'was not written by incident-command';
    process.stderr.write(`incident-command: ${shown} ${why}; not overwriting. Use --out to write elsewhere, or --force to replace it.\n`);
    return 1;
  }
  let outcome: WriteOutcome;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    outcome = writeIfUnchanged(target, existing, inLineBreaksOf(out, existing));
  } catch (e) {
    throw new UsageError(`cannot write ${shown} (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
  if (outcome === 'changed') {
    process.stderr.write(`incident-command: ${shown} changed on disk while the postmortem was being generated; nothing was written. Run it again.\n`);
    return 1;
  }
  process.stdout.write(`Wrote ${shown}\n`);
  return 0;
}

export const postmortemCommand: Command = {
  name: 'postmortem',
  summary: 'Generate the postmortem of an incident log (NDC retrospective or SRE template, ko/en)',
  usage: USAGE,
  run: runPostmortem,
};
