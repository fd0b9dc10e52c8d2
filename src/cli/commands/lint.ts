// `incident-command lint`: validate incident logs, runbooks and configs; optionally apply safe fixes.
import { parseArgs } from 'node:util';
import { version } from '../../../package.json';
import type { Lang } from '../../core/config';
import { allRules } from '../../core/rules';
import { Command, envLang, UsageError } from '../command';
import { ConfigResolver } from '../config-cache';
import { nowFromEnv } from '../incident-input';
import { expandPaths } from '../files';
import { formatJson } from '../format/json';
import { formatSarif } from '../format/sarif';
import { formatStylish } from '../format/stylish';
import { FileResult, lintFile } from '../lint-file';

const USAGE = `Usage: incident-command lint [options] [paths or globs...]

Checks incident logs (*.incident.yaml), runbooks (*.runbook.yaml) and configs
(.incident-command.yaml). With no path, every such file below the current folder;
a folder means every such file below it. node_modules and .git are skipped.

Options:
  --format <name>      stylish (default), json or sarif
  --fix                Apply safe fixes and write the files back
  --config <file>      Use this config for every file (default: the nearest
                       .incident-command.yaml above each file)
  --max-warnings <n>   Exit 1 when there are more than n warnings
  --quiet              Report errors only
  --lang <en|ko>       Language of messages (default: the config's language,
                       then LANG/LC_ALL, then en)
  -h, --help           Show this help

Exit codes: 0 no errors, 1 errors or too many warnings, 2 bad usage, config or file.

Examples:
  incident-command lint
  incident-command lint incidents/ "runbooks/**/*.runbook.yaml"
  incident-command lint --format sarif > incident-command.sarif
  incident-command lint --fix --max-warnings 0
`;

const FORMATS = ['stylish', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export interface LintCliOptions {
  paths: string[];
  format: Format;
  fix: boolean;
  config?: string;
  maxWarnings?: number;
  quiet: boolean;
  lang?: Lang;
}

export function parseLintArgs(args: string[]): LintCliOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      fix: { type: 'boolean' },
      config: { type: 'string', short: 'c' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      lang: { type: 'string' },
    },
  });
  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}".`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'];
    if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings takes a whole number, not "${raw}".`);
    maxWarnings = Number(raw);
  }
  const lang = values.lang;
  if (lang !== undefined && lang !== 'en' && lang !== 'ko') throw new UsageError(`--lang must be en or ko, not "${lang}".`);
  return { paths: positionals, format: format as Format, fix: values.fix ?? false, config: values.config, maxWarnings, quiet: values.quiet ?? false, lang };
}

export async function runLint(args: string[]): Promise<number> {
  const opts = parseLintArgs(args);
  const cwd = process.cwd();
  const now = nowFromEnv();
  const resolver = new ConfigResolver(cwd, opts.config);
  const files = expandPaths(opts.paths, cwd);
  const results: FileResult[] = [];
  const langs = new Set<Lang>();
  for (const file of files) {
    const config = resolver.forFile(file);
    const lang = opts.lang ?? config.language ?? envLang() ?? 'en';
    langs.add(lang);
    results.push(lintFile(file, config, { lang, now, fix: opts.fix }));
  }
  // The CLI's own lines follow the findings' language when every file agrees on one.
  const lang: Lang = opts.lang ?? (langs.size === 1 ? [...langs][0] : envLang() ?? 'en');
  for (const r of results) {
    if (r.notFixed) process.stderr.write(`incident-command: ${r.filePath} was not fixed: ${r.notFixed}.\n`);
  }

  const all = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.level === 'error').length;
  const warnings = all.filter((f) => f.level === 'warning').length;
  // Like ESLint, --max-warnings counts warnings even when --quiet hides them.
  const tooManyWarnings = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;
  const shown = opts.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.level === 'error') })) : results;

  let output: string;
  if (opts.format === 'json') output = formatJson(shown);
  else if (opts.format === 'sarif') output = formatSarif(shown, { cwd, version, lang, rules: allRules });
  else {
    output = formatStylish(shown, {
      cwd, lang, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      maxWarningsExceeded: tooManyWarnings ? { max: opts.maxWarnings ?? 0, found: warnings } : undefined,
    });
  }
  process.stdout.write(output);
  if (tooManyWarnings && opts.format !== 'stylish') {
    process.stderr.write(`incident-command: too many warnings: ${warnings} (maximum: ${opts.maxWarnings}).\n`);
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check incident logs, runbooks and configs (--fix applies safe fixes)',
  usage: USAGE,
  run: runLint,
};
