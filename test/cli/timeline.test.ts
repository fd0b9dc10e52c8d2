import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, ROOT, tempTree } from './helpers';

const LOG = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'chat', 'ops.incident.yaml'), 'utf8')
  .replace('    text: Converter run 2 started.', '    text: "=cmd, \\"quoted\\""');

interface Row { at: string; atIso: string; tPlusMs: number; tPlus: string; window: string | null; windowElapsedMs: number | null; windowElapsed: string; kind: string; text: string }

describe('cli: timeline', () => {
  it('--format json: T+ from the first entry, window elapsed inside m1', () => {
    const r = cli(['timeline', 'ops.incident.yaml', '--format', 'json'], tempTree({ 'ops.incident.yaml': LOG }));
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { incident: string; zone: string; entries: Row[] };
    assert.equal(out.zone, 'Asia/Seoul');
    assert.deepEqual(out.entries.map((e) => [e.atIso, e.tPlus, e.window, e.windowElapsed]), [
      ['2021-01-25T16:50:00+09:00', 'T+0s', null, ''],
      ['2021-01-25T17:10:00+09:00', 'T+20m', 'm1', '0s'],
      ['2021-01-26T12:00:00+09:00', 'T+19h10m', 'm1', '18h50m'],
    ]);
    assert.equal(out.entries[2].windowElapsedMs, (18 * 60 + 50) * 60000);
  });

  it('csv (the default): header, quoting, a formula-looking cell defused, CRLF rows', () => {
    const r = cli(['timeline', 'ops.incident.yaml'], tempTree({ 'ops.incident.yaml': LOG }));
    assert.equal(r.code, 0, r.stderr);
    const rows = r.stdout.split('\r\n');
    assert.equal(rows[0], 'at,t_plus,t_plus_minutes,window,window_elapsed,window_elapsed_minutes,kind,by,id,text');
    assert.equal(rows[1], '2021-01-25T16:50:00+09:00,T+0s,0,,,,detection,sypark,,Login timeouts reported by players.');
    assert.equal(rows[3], '2021-01-26T12:00:00+09:00,T+19h10m,1150,m1,18h50m,1130,action,,,"\'=cmd, ""quoted"""');
    assert.equal(rows[4], '');
  });

  it('an out-of-order log is exported in time order; bad usage exits 2', () => {
    const shuffled = LOG.replace('at: 2021-01-25T16:50', 'at: 2021-01-27T16:50');
    const dir = tempTree({ 'ops.incident.yaml': shuffled, 'r.runbook.yaml': 'runbook: r\n' });
    const out = JSON.parse(cli(['timeline', 'ops.incident.yaml', '--format', 'json'], dir).stdout) as { entries: Row[] };
    assert.deepEqual(out.entries.map((e) => e.at), ['2021-01-25T17:10', '2021-01-26T12:00', '2021-01-27T16:50']);
    assert.equal(cli(['timeline', 'ops.incident.yaml', '--format', 'xml'], dir).code, 2);
    assert.equal(cli(['timeline', 'r.runbook.yaml'], dir).code, 2);
    assert.equal(cli(['timeline', 'nope.incident.yaml'], dir).code, 2);
  });
});
