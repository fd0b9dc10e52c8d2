// Text built to make the scanners' regular expressions backtrack (ReDoS). Each scan runs in a
// worker that is killed if it does not answer; a kill means the expression is catastrophic.
import * as assert from 'node:assert/strict';
import { inWorker } from './hang';

const DANGER: [string, string, string[]][] = [
  ['rm and 40 long flags', `rm ${'--a '.repeat(40)}x`, []],
  ['rm and 12 long flags, then -rf', `rm ${'--a '.repeat(12)}-rf /data`, ['rm-rf']],
  ['rm and a 20,000-letter flag, many times', Array(40).fill(`rm -${'r'.repeat(20000)}`).join('\n'), []],
  ['rm -r 6,000 times', `rm ${'-r '.repeat(6000)}`, []],
  ['kubectl and 40 long flags', `kubectl ${'--a '.repeat(40)}get pods`, []],
  ['kubectl and 40 long flags, then delete', `kubectl ${'--a '.repeat(40)}delete pod x`, ['kubectl-delete']],
];

const SECRETS: [string, string, number][] = [
  ['JWT-like words 10,000 times', 'eyJa-'.repeat(10000), 0],
  ['scheme-like words over 1 MB', 'a.'.repeat(512 * 1024), 0],
  ['a connection string after a long dotted word', `${'a.'.repeat(5000)} postgres://admin:Tr0ub4dor@db/x`, 1],
];

describe('hostile: scanners on backtracking bait', function () {
  this.timeout(30000);
  for (const [name, text, ids] of DANGER) {
    it(`dangerous commands: ${name}`, async () => {
      const r = await inWorker<string[]>('regex-worker', { scanner: 'danger', text });
      assert.equal(r.killed, false, 'the scan hung and was killed');
      if (!r.killed) assert.deepEqual([...new Set(r.value)], ids);
    });
  }
  for (const [name, text, count] of SECRETS) {
    it(`secrets: ${name}`, async () => {
      const r = await inWorker<string[]>('regex-worker', { scanner: 'secrets', text });
      assert.equal(r.killed, false, 'the scan hung and was killed');
      if (!r.killed) assert.equal(r.value.length, count);
    });
  }
});
