// `incident-command lint`: validate incident logs, runbooks and configs; optionally apply safe fixes.
import * as fs from 'node:fs';
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
import { formatStylish, shownPath } from '../format/stylish';
import type { FileResult } from '../lint-file';
import { FileFailure, LintJob, LintOutcome, runJob, runJobsHere } from '../lint-jobs';
import { canUseWorkers, holdsAtLeast, lintInPool, workerCount } from '../lint-pool';

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
  -j, --jobs <n>       Lint on n threads (default: one per core once the files
                       add up to 2 MB; 1: no worker threads)
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
  /** Threads to lint on; undefined: decided by the number of files and cores. */
  jobs?: number;
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
      jobs: { type: 'string', short: 'j' },
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
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    if (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1) throw new UsageError(`--jobs takes a whole number of 1 or more, not "${values.jobs}".`);
    jobs = Number(values.jobs);
  }
  return { paths: positionals, format: format as Format, fix: values.fix ?? false, config: values.config, maxWarnings, quiet: values.quiet ?? false, lang, jobs };
}

export async function runLint(args: string[]): Promise<number> {
  const started = performance.now();
  const opts = parseLintArgs(args);
  const cwd = process.cwd();
  const now = nowFromEnv();
  const resolver = new ConfigResolver(cwd, opts.config);
  const files = expandPaths(opts.paths, cwd);
  const fromEnv = envLang();
  const jobs: LintJob[] = [];
  const langs = new Set<Lang>();
  for (const filePath of files) {
    const { key, config } = resolver.resolve(filePath);
    const lang = opts.lang ?? config.language ?? fromEnv ?? 'en';
    langs.add(lang);
    jobs.push({ filePath, lang, configKey: key });
  }
  // The CLI's own lines follow the findings' language when every file agrees on one.
  const lang: Lang = opts.lang ?? (langs.size === 1 ? [...langs][0] : fromEnv ?? 'en');
  const { outcomes, workers } = await lintAll(jobs, resolver, { now, fix: opts.fix, jobs: opts.jobs, lang });
  const results: FileResult[] = [];
  const failed = outcomes.find((o) => 'failure' in o);
  if (failed && 'failure' in failed) {
    // Nothing the run wrote goes unsaid, even when it stops at a file it cannot lint.
    for (const o of outcomes) {
      if ('failure' in o || !o.result.fixed) continue;
      const rel = shownPath(o.result.filePath, cwd);
      process.stderr.write(lang === 'ko' ? `incident-command: ${rel} 파일은 멈추기 전에 고쳤습니다.\n` : `incident-command: ${rel} was fixed before the run stopped.\n`);
    }
    throw failureError(failed.failure, cwd);
  }
  for (const o of outcomes) if (!('failure' in o)) results.push(o.result);
  for (const r of results) {
    if (r.notFixed) process.stderr.write(`incident-command: ${r.filePath} was not fixed: ${r.notFixed}.\n`);
  }

  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const f of r.findings) {
      if (f.level === 'error') errors++;
      else if (f.level === 'warning') warnings++;
    }
  }
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
  if (process.env.INCIDENT_COMMAND_DEBUG) process.stderr.write(`incident-command: ${timing(files.length, workers, performance.now() - started, lang)}\n`);
  if (tooManyWarnings && opts.format !== 'stylish') {
    process.stderr.write(`incident-command: too many warnings: ${warnings} (maximum: ${opts.maxWarnings}).\n`);
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

interface LintAllOptions { now: number; fix: boolean; jobs?: number; lang: Lang }

/** Lints every job, on worker threads when there is enough to lint; outcomes in job order. */
async function lintAll(jobs: LintJob[], resolver: ConfigResolver, o: LintAllOptions): Promise<{ outcomes: LintOutcome[]; workers: number }> {
  const run = { now: o.now, fix: o.fix };
  const configOf = (key: number) => resolver.byKey(key);
  let workers = workerCount(jobs.length, o.jobs, () => holdsAtLeast(jobs.map((j) => j.filePath)));
  // Without its worker script (a partial build) the CLI still works, on one thread.
  if (workers > 1 && !canUseWorkers()) workers = 1;
  if (workers === 1) return { outcomes: runJobsHere(jobs, configOf, run), workers };

  // With --fix, a second path to the same file (a link) must see the first one's fixes, as it
  // does in a sequential run: such paths are linted here after the pool has written the rest.
  const again = o.fix ? pathsToSameFile(jobs) : new Set<number>();
  const pooled = await lintInPool(jobs.filter((_, i) => !again.has(i)), { ...run, workers, configs: resolver.sources(), lang: o.lang });
  const outcomes: LintOutcome[] = [];
  let next = 0;
  for (let i = 0; i < jobs.length; i++) {
    const out = again.has(i) ? runJob(jobs[i], configOf(jobs[i].configKey), run) : pooled[next++];
    if (!out) break; // the pool stopped at a failure before this file
    outcomes.push(out);
    if ('failure' in out) break;
  }
  return { outcomes, workers };
}

/** Indices of jobs whose file (after links) an earlier job already has. */
function pathsToSameFile(jobs: readonly LintJob[]): Set<number> {
  const seen = new Set<string>();
  const again = new Set<number>();
  jobs.forEach((job, i) => {
    let real = job.filePath;
    try { real = fs.realpathSync(job.filePath); } catch { /* unreadable: its own failure later */ }
    if (seen.has(real)) again.add(i);
    seen.add(real);
  });
  return again;
}

function failureError(f: FileFailure, cwd: string): Error {
  // A usage failure (unreadable file, unwritable fix) already names its file.
  if (f.usage) return new UsageError(f.message);
  const e = new Error(`${shownPath(f.filePath, cwd)}: ${f.message}`);
  if (f.stack) e.stack = `${shownPath(f.filePath, cwd)}: ${f.stack}`;
  return e;
}

function timing(files: number, workers: number, ms: number, lang: Lang): string {
  const t = Math.round(ms);
  if (lang === 'ko') return workers > 1 ? `파일 ${files}개를 작업 스레드 ${workers}개로 ${t} ms 동안 검사했습니다.` : `파일 ${files}개를 작업 스레드 없이 ${t} ms 동안 검사했습니다.`;
  return workers > 1 ? `linted ${files} files on ${workers} worker threads in ${t} ms.` : `linted ${files} files on the main thread (no workers) in ${t} ms.`;
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check incident logs, runbooks and configs (--fix applies safe fixes)',
  usage: USAGE,
  run: runLint,
};
