// Only the CLI figure of `npm run bench`, with the sequential run beside it:
//   node bench/cli-only.mjs [files=2000] [entries=50]   (after `npm run build`)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliThroughput } from './cli.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = Number(process.argv[2] ?? 2000);
const entries = Number(process.argv[3] ?? 50);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-bench-cli-'));
try {
  const r = await cliThroughput({ root: ROOT, work, files, entries, sequential: true });
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`${files} logs × ${entries} entries, ${os.availableParallelism()} cores, Node ${process.version}`);
  console.log(`  bare parse (one thread)   ${s(r.bareMs)}`);
  console.log(`  lint, --jobs 1            ${s(r.sequentialMs)}  (${(r.sequentialMs / r.bareMs).toFixed(2)} × bare)`);
  console.log(`  lint, ${String(r.workers || 'no').padEnd(2)} workers (default) ${s(r.lintMs)}  (${(r.lintMs / r.bareMs).toFixed(2)} × bare; budget 1.25 ×)`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
