// Runs the text scanners (dangerous commands, secrets) over one text in a worker; see hang.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { matchDanger } from '../../src/core/danger';
import { findSecrets } from '../../src/core/rules/common/secret-in-text';

const { scanner, text } = workerData as { scanner: 'danger' | 'secrets'; text: string };
const found = scanner === 'danger' ? matchDanger(text).map((m) => m.entry.id) : findSecrets(text).map((h) => h.kind.en);
parentPort?.postMessage(found);
