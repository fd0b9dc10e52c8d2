// A hang detector, not a speed goal: the work runs in a worker thread, and a worker that has
// not answered after the limit is killed and reported. A catastrophic regex or a runaway
// loop never yields, so nothing short of killing its thread stops it.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** Generous: ten seconds is far beyond any honest work here, even on a slow CI machine. */
export const KILL_AFTER_MS = 10000;

export type Outcome<T> = { killed: true } | { killed: false; value: T };

/** Runs `out/test/hostile/<script>.js` with `data`; resolves with its first message, or `killed`. */
export function inWorker<T>(script: string, data: unknown, killAfterMs = KILL_AFTER_MS): Promise<Outcome<T>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, `${script}.js`), { workerData: data });
    const timer = setTimeout(() => { void worker.terminate(); resolve({ killed: true }); }, killAfterMs);
    worker.once('message', (value: T) => { clearTimeout(timer); void worker.terminate(); resolve({ killed: false, value }); });
    worker.once('error', (e) => { clearTimeout(timer); reject(e); });
  });
}
