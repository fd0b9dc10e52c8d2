// CLI throughput: lint many small logs with the CLI, against a bare `yaml` parse of the same files.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import { incidentLog } from './generate.mjs';

export async function cliThroughput({ root, work, files, entries }) {
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
  const t0 = performance.now();
  for (const p of paths) YAML.parseDocument(fs.readFileSync(p, 'utf8'));
  const bareMs = performance.now() - t0;
  const t1 = performance.now();
  try {
    execFileSync(process.execPath, [path.join(root, 'bin', 'incident-command.js'), 'lint', dir, '--format', 'json'], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
  } catch (e) {
    if (e.status !== 1) throw e; // findings are fine; a crash is not
  }
  const lintMs = performance.now() - t1;
  return { files, bareMs, lintMs, workers: os.availableParallelism?.() ?? os.cpus().length };
}
