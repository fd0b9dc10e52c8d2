// A lint worker that dies (process.exit in a worker ends only its thread) when a batch holds a
// file named *-crash*, for the pool's tests; otherwise the real worker.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (req: { jobs?: { filePath: string }[] }) => {
  if (req.jobs?.some((j) => j.filePath.includes('-crash'))) process.exit(7);
});
require('../../src/cli/lint-worker');
