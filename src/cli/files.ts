// Which files `lint` looks at: explicit files as given, directories and globs expanded to the
// three file kinds, never inside node_modules or .git.
import * as fs from 'node:fs';
import * as path from 'node:path';
// `import = require` makes esbuild take tinyglobby's CommonJS build; its ESM build reaches fdir's,
// which calls createRequire(import.meta.url), and import.meta is empty in a CommonJS bundle.
import tinyglobby = require('tinyglobby');
import { fileKindOf } from '../core/source';
import { UsageError } from './command';

export const LINTED_PATTERNS = ['**/*.incident.yaml', '**/*.incident.yml', '**/*.runbook.yaml', '**/*.runbook.yml',
  '**/.incident-command.yaml', '**/.incident-command.yml'];
const IGNORE = ['**/node_modules/**', '**/.git/**'];

function underDir(dir: string): string[] {
  return tinyglobby.globSync(LINTED_PATTERNS, { cwd: dir, ignore: IGNORE, dot: true, absolute: true, caseSensitiveMatch: false })
    .map((p) => path.resolve(p));
}

/** Absolute, sorted, without duplicates. Throws UsageError for a path that does not exist. */
export function expandPaths(args: readonly string[], cwd: string): string[] {
  const out = new Set<string>();
  const inputs = args.length ? args : ['.'];
  for (const arg of inputs) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try { stat = fs.statSync(abs); } catch { stat = undefined; }
    if (stat?.isDirectory()) {
      for (const p of underDir(abs)) out.add(p);
    } else if (stat) {
      if (!fileKindOf(abs)) {
        throw new UsageError(`${arg} is not an incident log, runbook or config (*.incident.yaml, *.runbook.yaml, .incident-command.yaml).`);
      }
      out.add(abs);
    } else if (tinyglobby.isDynamicPattern(arg)) {
      const matches = tinyglobby.globSync([arg], { cwd, ignore: IGNORE, dot: true, absolute: true, caseSensitiveMatch: false })
        .map((p) => path.resolve(p)).filter((p) => fileKindOf(p));
      if (!matches.length) throw new UsageError(`no incident logs, runbooks or configs match ${arg}.`);
      for (const p of matches) out.add(p);
    } else {
      throw new UsageError(`${arg}: no such file or directory.`);
    }
  }
  return [...out].sort();
}
