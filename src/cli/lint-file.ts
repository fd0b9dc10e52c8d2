// The work for one file: read, lint, apply safe fixes until stable, write atomically.
// Self-contained (a path, a config, options in; a result out) so a worker pool can call it.
import * as fs from 'node:fs';
import type { Config, Lang } from '../core/config';
import { analyzeText } from '../core/lint';
import type { Finding } from '../core/rules/types';
import { applyEdits, TextEdit } from '../core/text';
import { readIfExists, writeIfUnchanged, WriteOutcome } from '../core/write-file';
import { UsageError } from './command';

export interface LintFileOptions {
  lang: Lang;
  now: number;
  fix: boolean;
}

export interface FileResult {
  /** Absolute path. */
  filePath: string;
  findings: Finding[];
  /** Whether --fix rewrote the file. */
  fixed: boolean;
  /** Set when fixes were found but the file could not be rewritten faithfully. */
  notFixed?: string;
}

export const MAX_FIX_PASSES = 10;

export function lintFile(filePath: string, config: Config, opts: LintFileOptions): FileResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(filePath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${filePath} (${code ?? String(e)}).`);
  }
  const original = bytes.toString('utf8');
  const lintOpts = { lang: opts.lang, now: opts.now, fileExists: fs.existsSync };
  if (!opts.fix) return { filePath, findings: analyzeText(original, filePath, config, lintOpts).findings, fixed: false };

  const { text, findings } = fixText(original, filePath, config, lintOpts);
  if (text === original) return { filePath, findings, fixed: false };
  // Invalid UTF-8 would come back as U+FFFD on write: leave such a file exactly as it is.
  if (!Buffer.from(original, 'utf8').equals(bytes)) {
    return { filePath, findings: analyzeText(original, filePath, config, lintOpts).findings, fixed: false, notFixed: 'not valid UTF-8' };
  }
  if (write(filePath, original, text) === 'changed') {
    return { filePath, findings: analyzeText(readIfExists(filePath) ?? '', filePath, config, lintOpts).findings, fixed: false, notFixed: 'it changed on disk while it was being fixed; run again' };
  }
  return { filePath, findings, fixed: true };
}

/** Applies safe fixes and re-lints until nothing changes, at most MAX_FIX_PASSES times. */
export function fixText(text: string, fileName: string, config: Config, lintOpts: { lang: Lang; now: number }): { text: string; findings: Finding[] } {
  let current = text;
  let findings = analyzeText(current, fileName, config, lintOpts).findings;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = pickSafeEdits(findings);
    if (!edits.length) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
    findings = analyzeText(current, fileName, config, lintOpts).findings;
  }
  return { text: current, findings };
}

/** The edits of every safe fix that overlaps no fix taken before it; a fix is taken whole or not at all. */
export function pickSafeEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const overlaps = (a: TextEdit, b: TextEdit): boolean =>
    (a.span[0] < b.span[1] && b.span[0] < a.span[1]) || (a.span[0] === b.span[0] && (a.span[0] === a.span[1] || b.span[0] === b.span[1]));
  for (const f of findings) {
    for (const fix of f.fixes) {
      if (!fix.safe || !fix.edits.length) continue;
      if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
      taken.push(...fix.edits);
      break; // one fix per finding: alternatives for the same finding would clash
    }
  }
  return taken;
}

/** Temp file beside it, then a rename, only if the file still holds what was read: a crash never leaves half a log, a save made meanwhile is never lost. */
function write(filePath: string, original: string, text: string): WriteOutcome {
  try {
    return writeIfUnchanged(filePath, original, text);
  } catch (e) {
    throw new UsageError(`cannot write ${filePath} (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
}
