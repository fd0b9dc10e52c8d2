// Table-driven: every catalog entry with text that must match (and what the match must cover)
// and a near miss that must not.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig, readConfig } from '../../src/core/config';
import { DANGER_CATALOG, matchDanger, spanInScalar, sqlStatementTail } from '../../src/core/danger';
import { parseSource } from '../../src/core/source';

// id → [[text, the matched command], ...] and near misses that match nothing.
const TABLE: Record<string, { hits: [string, string][]; misses: string[] }> = {
  'rm-rf': { hits: [['rm -rf /', 'rm -rf /'], ['sudo rm -fr /data/old', 'rm -fr /data/old'], ['rm -r -f ./cache', 'rm -r -f ./cache'], ['/bin/rm --recursive --force x', 'rm --recursive --force x'], ['rm -rvf logs', 'rm -rvf logs']],
    misses: ['rm -r ./tmp', 'rm -f one.lock', 'docker run --rm -it img', 'perform -rf'] },
  mkfs: { hits: [['mkfs.ext4 /dev/sdb1', 'mkfs.ext4'], ['sudo mkfs -t xfs /dev/nvme1n1', 'mkfs']], misses: ['cat mkfs-notes.txt', 'lsblk -f'] },
  'dd-of': { hits: [['dd if=/dev/zero of=/dev/sda bs=1M', 'dd if=/dev/zero of=/dev/sda']], misses: ['dd if=/dev/sda bs=512 count=1 | xxd', 'add of=3'] },
  'kill-9': { hits: [['kill -9 1234', 'kill -9'], ['pkill -KILL redis-server', 'pkill -KILL'], ['kill -s KILL 99', 'kill -s KILL']], misses: ['kill -15 1234', 'kill -HUP 1', 'skill -9'] },
  shutdown: { hits: [['sudo shutdown -h now', 'shutdown'], ['ssh db1 poweroff', 'poweroff']], misses: ['redis-cli -p 6379 shutdown', 'cat shutdown.log', './graceful-shutdown.sh'] },
  reboot: { hits: [['sudo reboot', 'reboot']], misses: ['grep reboot.required /var/run', 'last-reboot-time'] },
  'iptables-flush': { hits: [['iptables -F', 'iptables -F'], ['iptables -t nat --flush', 'iptables -t nat --flush']], misses: ['iptables -L -n', 'iptables -A INPUT -p tcp -j ACCEPT'] },
  'rsync-delete': { hits: [['rsync -av --delete src/ dst/', 'rsync -av --delete'], ['rsync -a --delete-after a b', 'rsync -a --delete-after']], misses: ['rsync -av src/ dst/'] },
  'sql-drop': { hits: [['psql -c "DROP TABLE users"', 'DROP TABLE users'], ['drop database if exists game', 'drop database if exists game'], ['ALTER TABLE t DROP COLUMN c', 'DROP COLUMN c']], misses: ['SELECT drop_count FROM stats', 'we do not drop anything'] },
  'sql-truncate': { hits: [['TRUNCATE TABLE sessions', 'TRUNCATE TABLE sessions'], ['truncate events;', 'truncate events']], misses: ['truncate -s 0 app.log', 'SELECT truncated FROM jobs'] },
  'sql-delete-no-where': {
    hits: [['DELETE FROM sessions', 'DELETE FROM sessions'], ['delete from t; select * from u where id = 1', 'delete from t'],
      ['psql -c "DELETE FROM t" && psql -c "SELECT 1 WHERE true"', 'DELETE FROM t'], ['DELETE FROM a WHERE id = 1; DELETE FROM b;', 'DELETE FROM b']],
    misses: ['DELETE FROM t WHERE id=1', "delete from t\nwhere name = 'x;y'", 'psql -c "DELETE FROM t WHERE created < now()"', 'curl -X DELETE https://api/x'] },
  'sql-update-no-where': {
    hits: [['UPDATE users SET banned = false', 'UPDATE users SET'], ["update t set a = 'x'; update u set b = 1 where id = 2", 'update t set']],
    misses: ["UPDATE t SET name = 'x' WHERE id = 1", 'psql -c "update t set a = \'q\' where id = 3"', 'apt-get update'] },
  'redis-flushall': { hits: [['redis-cli FLUSHALL', 'FLUSHALL'], ['redis-cli flushall async', 'flushall']], misses: ['redis-cli DBSIZE', 'cat flushall-notes'] },
  'redis-flushdb': { hits: [['redis-cli -n 2 FLUSHDB', 'FLUSHDB']], misses: ['redis-cli -n 2 INFO keyspace'] },
  'redis-shutdown-nosave': { hits: [['redis-cli SHUTDOWN NOSAVE', 'SHUTDOWN NOSAVE']], misses: ['redis-cli SHUTDOWN SAVE'] },
  'redis-config-set': { hits: [['redis-cli CONFIG SET maxmemory 0', 'CONFIG SET']], misses: ['redis-cli CONFIG GET maxmemory'] },
  'redis-debug': { hits: [['redis-cli DEBUG SEGFAULT', 'DEBUG SEGFAULT'], ['redis-cli debug sleep 30', 'debug sleep']], misses: ['redis-cli DEBUG OBJECT key', 'app --log-level debug'] },
  'mongo-drop-database': { hits: [['mongo game --eval "db.dropDatabase()"', 'dropDatabase(']], misses: ['mongo --eval "db.getName()"'] },
  'mongo-drop': { hits: [['db.sessions.drop()', '.drop()']], misses: ['db.sessions.dropIndex("ttl")'] },
  'mongo-remove-all': { hits: [['db.users.remove({})', '.remove({})'], ['db.users.remove()', '.remove()']], misses: ['db.users.remove({_id: 1})'] },
  'mongo-delete-many-all': { hits: [['db.users.deleteMany({ })', '.deleteMany({ })']], misses: ['db.users.deleteMany({status: "old"})'] },
  'crdb-unsafe-remove-dead-replicas': { hits: [['cockroach debug unsafe-remove-dead-replicas --store=/data', 'unsafe-remove-dead-replicas'], ['unsafe-remove-dead-replica', 'unsafe-remove-dead-replica']], misses: ['cockroach node status'] },
  'crdb-debug-recover': { hits: [['cockroach debug recover make-plan', 'debug recover']], misses: ['cockroach debug zip ./out.zip'] },
  'crdb-node-decommission': { hits: [['cockroach node decommission 4', 'node decommission']], misses: ['cockroach node recommission 4'] },
  'kubectl-delete': { hits: [['kubectl delete pod api-0', 'kubectl delete'], ['kubectl -n prod delete pvc data', 'kubectl -n prod delete']], misses: ['kubectl get pods', 'kubectl describe pod delete-me'] },
  'kubectl-drain': { hits: [['kubectl drain node-1 --ignore-daemonsets', 'kubectl drain']], misses: ['kubectl cordon node-1'] },
  'kubectl-force': { hits: [['kubectl replace --force -f x.yaml', 'kubectl replace --force']], misses: ['kubectl apply -f x.yaml', 'kubectl apply --force-conflicts -f x.yaml'] },
  'kubectl-scale-zero': { hits: [['kubectl scale deploy/api --replicas=0', 'kubectl scale deploy/api --replicas=0']], misses: ['kubectl scale deploy/api --replicas=10', 'kubectl scale deploy/api --replicas=3'] },
  'aws-terminate-instances': { hits: [['aws ec2 terminate-instances --instance-ids i-1', 'terminate-instances']], misses: ['aws ec2 describe-instances'] },
  'aws-delete-db': { hits: [['aws rds delete-db-instance --db-instance-identifier x', 'delete-db-instance']], misses: ['aws rds describe-db-instances'] },
  'aws-s3-rm-recursive': { hits: [['aws s3 rm s3://bucket/logs --recursive', 'aws s3 rm s3://bucket/logs --recursive']], misses: ['aws s3 ls s3://bucket --recursive', 'aws s3 rm s3://bucket/one.txt'] },
  'gcloud-delete': { hits: [['gcloud sql instances delete game-db', 'gcloud sql instances delete']], misses: ['gcloud sql instances list'] },
  'git-push-force': { hits: [['git push --force origin main', 'git push --force'], ['git push -f', 'git push -f']], misses: ['git push origin main', 'git push --force-with-lease', 'git fetch -f'] },
  'terraform-destroy': { hits: [['terraform destroy -auto-approve', 'terraform destroy'], ['terraform apply -destroy', 'terraform apply -destroy']], misses: ['terraform plan', 'terraform apply'] },
};

describe('dangerous-command catalog', () => {
  it('has a table row (hits and near misses) for every entry, and no row for a missing entry', () => {
    assert.deepEqual(Object.keys(TABLE).sort(), DANGER_CATALOG.map((e) => e.id).sort());
  });

  it('every entry has both languages, and ids are unique', () => {
    const ids = new Set<string>();
    for (const e of DANGER_CATALOG) {
      assert.ok(!ids.has(e.id), e.id);
      ids.add(e.id);
      for (const t of [e.what, e.why]) assert.ok(t.en.length > 3 && /[가-힣]/.test(t.ko) || t.ko === t.en, `${e.id}: ${t.en}`);
      assert.ok(/[가-힣]/.test(e.why.ko), `${e.id} why.ko`);
    }
  });

  for (const [id, { hits, misses }] of Object.entries(TABLE)) {
    for (const [text, matched] of hits) {
      it(`${id} matches ${JSON.stringify(text)}`, () => {
        const m = matchDanger(text).find((x) => x.entry.id === id);
        assert.ok(m, `no ${id} in ${JSON.stringify(matchDanger(text).map((x) => x.entry.id))}`);
        assert.equal(text.slice(m.start, m.end), matched);
        assert.equal(m.text, matched);
      });
    }
    for (const text of misses) {
      it(`${id} leaves ${JSON.stringify(text)} alone`, () => {
        assert.deepEqual(matchDanger(text).map((x) => x.entry.id), []);
      });
    }
  }

  it('returns matches in text order with offsets, several per text', () => {
    const text = 'redis-cli FLUSHALL && kubectl delete ns cache';
    const got = matchDanger(text).map((m) => [m.entry.id, m.start]);
    assert.deepEqual(got, [['redis-flushall', 10], ['kubectl-delete', 22]]);
  });

  it('adds the team patterns of the config, with their reason', () => {
    const { config } = readConfig('dangerous_commands:\n  - pattern: "my-tool purge"\n    why: deletes every queue\n  - pattern: "(unclosed"\n', '.incident-command.yaml');
    const m = matchDanger('run my-tool  purge; MY-TOOL PURGE --all', config);
    assert.deepEqual(m.map((x) => [x.entry.id, x.text]), [['team:my-tool purge', 'MY-TOOL PURGE']]);
    assert.equal(m[0].entry.why.en, 'deletes every queue');
    assert.deepEqual(matchDanger('ls', defaultConfig()), []);
  });

  it('survives team patterns that match the empty string', () => {
    const config = { dangerousCommands: [{ pattern: /x*/i, source: 'x*' }] };
    assert.deepEqual(matchDanger('abc xx', config).map((m) => m.text), ['xx']);
  });

  it('never throws, and offsets stay inside the text (any input)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
      for (const m of matchDanger(s)) assert.ok(m.start >= 0 && m.end <= s.length && m.start < m.end);
    }), { numRuns: 300 });
  });

  it('reads the SQL statement tail up to ; or the enclosing quote', () => {
    assert.equal(sqlStatementTail('DELETE FROM t; x WHERE', 13), '');
    assert.equal(sqlStatementTail(`psql -c "DELETE FROM t" WHERE`, 22), '');
    assert.equal(sqlStatementTail(`DELETE FROM t WHERE a = ';'`, 13), ` WHERE a = ';'`);
  });
});

describe('spanInScalar', () => {
  const valueOf = (text: string) => {
    const f = parseSource(text, 'x.runbook.yaml');
    const node = (f.doc.contents as any).items[0].value;
    return { node, value: String(node.value) };
  };
  const check = (text: string, needle: string, nth = 0) => {
    const { node, value } = valueOf(text);
    let i = -1;
    for (let n = 0; n <= nth; n++) i = value.indexOf(needle, i + 1);
    const [s, e] = spanInScalar(text, node, value, i, i + needle.length);
    return text.slice(s, e);
  };
  it('maps plain, single- and double-quoted one-line values', () => {
    assert.equal(check('run: redis-cli FLUSHALL\n', 'FLUSHALL'), 'FLUSHALL');
    assert.equal(check("run: 'redis-cli FLUSHALL'\n", 'FLUSHALL'), 'FLUSHALL');
    assert.equal(check('run: "redis-cli FLUSHALL"\n', 'FLUSHALL'), 'FLUSHALL');
  });
  it('maps lines of block scalars, the k-th occurrence to the k-th', () => {
    const text = 'run: |\n  echo FLUSHDB\n  redis-cli FLUSHDB\n';
    const { node, value } = valueOf(text);
    const second = value.lastIndexOf('FLUSHDB');
    const [s] = spanInScalar(text, node, value, second, second + 7);
    assert.equal(s, text.lastIndexOf('FLUSHDB'));
    assert.equal(check('run: >\n  a\n  rm -rf /x\n', 'rm -rf /x'), 'rm -rf /x');
  });
  it('maps a match over several lines of a block scalar from its first line to its last', () => {
    const text = 'k: |\n  -----BEGIN\n  body\n  -----END\nz: 1\n';
    assert.equal(check(text, '-----BEGIN\nbody\n-----END'), '-----BEGIN\n  body\n  -----END');
  });
  it('falls back to the whole value when escapes change the text', () => {
    const text = 'run: "a\\tb FLUSHALL\\nc"\n';
    const { node, value } = valueOf(text);
    const i = value.indexOf('b FLUSHALL');
    assert.deepEqual(spanInScalar(text, node, value, i - 1, i + 10), [5, text.length - 1]);
    assert.equal(check(text, 'FLUSHALL'), 'FLUSHALL');
  });
});
