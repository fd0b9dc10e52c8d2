// Entry of a lint worker thread (bundled as dist/lint-worker.js; out/src/cli/lint-worker.js under
// test): builds each config once from the text the main thread read, then lints the batches the
// pool (lint-pool.ts) sends and answers with one outcome per file, in the batch's order.
import { parentPort, workerData } from 'node:worker_threads';
import { Config, defaultConfig, readConfig } from '../core/config';
import { envLang } from './command';
import { DEFAULT_CONFIG_KEY } from './config-cache';
import { LintJob, LintOutcome, runJob } from './lint-jobs';
import type { BatchReply, BatchRequest, WorkerData } from './lint-pool';

const port = parentPort;
if (!port) {
  process.stderr.write(envLang() === 'ko'
    ? 'incident-command: lint-worker.js는 `incident-command lint` 안에서만 실행됩니다.\n'
    : 'incident-command: lint-worker.js runs inside `incident-command lint`, not on its own.\n');
  process.exitCode = 2;
} else {
  const data = workerData as WorkerData;
  const configs = new Map<number, Config>([[DEFAULT_CONFIG_KEY, defaultConfig()]]);
  for (const s of data.configs) configs.set(s.key, readConfig(s.text, s.path).config);
  const lint = (job: LintJob): LintOutcome => {
    const config = configs.get(job.configKey);
    return config ? runJob(job, config, data.options) : { failure: { filePath: job.filePath, message: `no config with key ${job.configKey}`, usage: false } };
  };
  port.on('message', (req: BatchRequest) => {
    const reply: BatchReply = { id: req.id, outcomes: req.jobs.map(lint) };
    port.postMessage(reply);
  });
  port.postMessage({ ready: true });
}
