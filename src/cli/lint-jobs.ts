// One unit of lint work and its outcome, the same whether a worker thread or the main thread
// runs it: a file that throws becomes a failure for that file, never a lost or stuck run.
import type { Config, Lang } from '../core/config';
import { UsageError } from './command';
import { FileResult, lintFile } from './lint-file';

export interface LintJob {
  filePath: string;
  lang: Lang;
  /** Which config (see ConfigResolver): workers receive the configs' texts once, not per file. */
  configKey: number;
}

export interface FileFailure {
  filePath: string;
  message: string;
  /** A UsageError (an unreadable file, an unwritable fix): exit 2 without "internal error". */
  usage: boolean;
  stack?: string;
}

export type LintOutcome = { result: FileResult } | { failure: FileFailure };

export interface RunOptions { now: number; fix: boolean }

export function runJob(job: LintJob, config: Config, opts: RunOptions): LintOutcome {
  try {
    return { result: lintFile(job.filePath, config, { lang: job.lang, now: opts.now, fix: opts.fix }) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    return { failure: { filePath: job.filePath, message: err.message, usage: e instanceof UsageError, stack: err.stack } };
  }
}

/** In this thread, in order, stopping at the first failure as a sequential run always has. */
export function runJobsHere(jobs: readonly LintJob[], configOf: (key: number) => Config, opts: RunOptions): LintOutcome[] {
  const out: LintOutcome[] = [];
  for (const job of jobs) {
    const o = runJob(job, configOf(job.configKey), opts);
    out.push(o);
    if ('failure' in o) break;
  }
  return out;
}
