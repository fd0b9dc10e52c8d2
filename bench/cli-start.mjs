// Where the worker pool starts to pay: `lint --jobs 1` against `lint --jobs <cores>` on a few
// files, median of several runs each. POOL_MIN_FILES in src/cli/lint-pool.ts comes from this.
//   node bench/cli-start.mjs [entries=50] [runs=5] [files,files,...]   (after `npm run build`)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeLint, writeLogs } from './cli.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entries = Number(process.argv[2] ?? 50);
const runs = Number(process.argv[3] ?? 5);
const cores = String(os.availableParallelism());
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`logs of ${entries} entries, ${cores} cores; median of ${runs} runs`);
console.log('files  --jobs 1  --jobs ' + cores);
const sizes = process.argv[4] ? process.argv[4].split(",").map(Number) : [16, 32, 64, 96, 128, 192, 256, 384];
for (const files of sizes) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-bench-start-'));
  try {
    const { dir } = writeLogs(work, files, entries);
    const one = [];
    const pool = [];
    for (let r = 0; r < runs; r++) {
      one.push(timeLint(ROOT, dir, ['--jobs', '1']).ms);
      pool.push(timeLint(ROOT, dir, ['--jobs', cores]).ms);
    }
    console.log(`${String(files).padStart(5)}  ${`${Math.round(median(one))} ms`.padStart(8)}  ${`${Math.round(median(pool))} ms`.padStart(8)}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
