// CLI throughput: lint many small logs with the CLI, against a bare `yaml` parse of the same files
// (YAML.parseDocument of each file, one after another in this process).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { incidentLog } from './generate.mjs';

/** Writes `files` logs of `entries` entries below work/many, 500 to a folder. */
export function writeLogs(work, files, entries) {
  const dir = path.join(work, 'many');
  fs.mkdirSync(dir, { recursive: true });
  const paths = [];
  for (let i = 0; i < files; i++) {
    const sub = path.join(dir, String(Math.floor(i / 500)));
    if (i % 500 === 0) fs.mkdirSync(sub, { recursive: true });
    const p = path.join(sub, `inc-${i}.incident.yaml`);
    fs.writeFileSync(p, incidentLog(entries, `inc-${i}`));
    paths.push(p);
  }
  return { dir, paths };
}

export function bareParseMs(paths) {
  const t0 = performance.now();
  for (const p of paths) YAML.parseDocument(fs.readFileSync(p, 'utf8'));
  return performance.now() - t0;
}

/** Runs `lint dir --format json` (extra: more options); wall time and the worker count the CLI reports. */
export function timeLint(root, dir, extra = []) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'incident-command.js'), 'lint', dir, '--format', 'json', ...extra], {
    stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8',
    env: { ...process.env, INCIDENT_COMMAND_DEBUG: '1', LANG: 'C', LC_ALL: '', LC_MESSAGES: '' },
  });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`lint exited ${r.status}: ${r.stderr}`); // findings are fine; a crash is not
  const m = /on (\d+) worker threads/.exec(r.stderr);
  return { ms, workers: m ? Number(m[1]) : 0 };
}

/** The pool (the CLI's default); with `sequential`, also `--jobs 1` for comparison. */
export async function cliThroughput({ root, work, files, entries, sequential = false }) {
  const { dir, paths } = writeLogs(work, files, entries);
  const bareMs = bareParseMs(paths);
  const pool = timeLint(root, dir);
  const seq = sequential ? timeLint(root, dir, ['--jobs', '1']) : undefined;
  return { files, bareMs, lintMs: pool.ms, workers: pool.workers, sequentialMs: seq?.ms };
}
