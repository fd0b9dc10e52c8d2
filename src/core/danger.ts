// The dangerous-command catalog: commands in a runbook's `run:` that destroy data, stop
// machines or cut traffic. It is data, so the rules, the docs and the tests read one list.
// Nothing in the product ever runs these; we only read the text.
import type { Config, LocalText } from './config';
import type { Span } from './text';

export interface DangerEntry {
  id: string;
  /** Matched against the `run` text; every entry is tried with the `g` flag added. */
  pattern: RegExp;
  /** Only dangerous when the rest of the SQL statement lacks this (DELETE/UPDATE without WHERE). */
  unlessInStatement?: RegExp;
  what: LocalText;
  why: LocalText;
}

export interface DangerMatch {
  entry: Pick<DangerEntry, 'id' | 'what' | 'why'>;
  /** Offsets into the text given to `matchDanger`. */
  start: number;
  end: number;
  text: string;
}

// A runbook line is short; this bounds the cost of a team's badly written pattern.
const MAX_SCAN = 20000;

/** Every catalog and team pattern found in `text`, in text order. */
export function matchDanger(text: string, config?: Pick<Config, 'dangerousCommands'>): DangerMatch[] {
  const scanned = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  const out: DangerMatch[] = [];
  for (const entry of DANGER_CATALOG) {
    for (const [start, end] of allMatches(entry.pattern, scanned)) {
      if (entry.unlessInStatement && entry.unlessInStatement.test(sqlStatementTail(scanned, end))) continue;
      out.push({ entry, start, end, text: scanned.slice(start, end) });
    }
  }
  for (const team of config?.dangerousCommands ?? []) {
    const entry = {
      id: `team:${team.source}`,
      what: { en: `team pattern "${team.source}"`, ko: `팀 패턴 "${team.source}"` },
      why: team.why
        ? { en: team.why, ko: team.why }
        : { en: 'the team lists it as dangerous in .incident-command.yaml', ko: '팀이 .incident-command.yaml에 위험 명령으로 등록했습니다' },
    };
    for (const [start, end] of allMatches(team.pattern, scanned)) out.push({ entry, start, end, text: scanned.slice(start, end) });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

function allMatches(pattern: RegExp, text: string): [number, number][] {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const out: [number, number][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) { re.lastIndex++; continue; } // a team pattern like `a*` must not loop or flag nothing
    out.push([m.index, m.index + m[0].length]);
    if (out.length > 100) break;
  }
  return out;
}

/**
 * The rest of the SQL statement that starts before `from`: up to a `;` outside SQL quotes, the
 * quote that encloses the statement (as in `psql -c "DELETE FROM t"`), or a blank line. A WHERE in
 * the next statement, or in the next shell command, must not excuse this one.
 */
export function sqlStatementTail(text: string, from: number): string {
  const enclosing = enclosingQuote(text, from);
  let inSql: string | undefined;
  let i = from;
  for (; i < text.length; i++) {
    const c = text[i];
    if (inSql) {
      if (c === inSql) inSql = undefined;
      continue;
    }
    if (c === enclosing) break;
    if (c === ';') break;
    if (c === '\n' && /^\s*\n/.test(text.slice(i + 1, i + 40))) break;
    if (c === "'" || c === '"' || c === '`') inSql = c;
  }
  return text.slice(from, i);
}

/** The shell quote character open at `pos` on its line, if any (`psql -c "...`). */
function enclosingQuote(text: string, pos: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  let open: string | undefined;
  for (let i = lineStart; i < pos; i++) {
    const c = text[i];
    if (open) { if (c === open) open = undefined; } else if (c === '"' || c === "'") open = c;
  }
  return open;
}

/**
 * The file span of `value[start, end)`, where `value` is what YAML read from `node`. Plain and
 * quoted one-line scalars map directly; block and folded scalars are searched for the same text
 * (the k-th occurrence, as in the value); anything else falls back to the whole value.
 */
export function spanInScalar(fileText: string, node: { range?: readonly number[] | null }, value: string, start: number, end: number): Span {
  const r = node.range;
  if (!r) return [0, 0];
  const whole: Span = [r[0], r[1]];
  const raw = fileText.slice(r[0], r[1]);
  if (raw === value) return [r[0] + start, r[0] + end];
  if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.slice(1, -1) === value) return [r[0] + 1 + start, r[0] + 1 + end];
  const needle = value.slice(start, end);
  // A match over several lines (a key block): find its first line, then its last line after it.
  const parts = needle.split('\n');
  const head = parts[0];
  const tail = parts[parts.length - 1];
  if (!head.trim() || !tail.trim()) return whole;
  let k = 0;
  for (let i = value.indexOf(head); i >= 0 && i < start; i = value.indexOf(head, i + 1)) k++;
  let at = -1;
  for (let n = 0, i = raw.indexOf(head); i >= 0; i = raw.indexOf(head, i + 1), n++) {
    if (n === k) { at = i; break; }
  }
  if (at < 0) return whole;
  if (parts.length === 1) return [r[0] + at, r[0] + at + head.length];
  const last = raw.indexOf(tail, at + head.length);
  return last >= 0 ? [r[0] + at, r[0] + last + tail.length] : whole;
}

// ---- the catalog ---------------------------------------------------------------------------

const e = (id: string, pattern: RegExp, what: [string, string], why: [string, string], unlessInStatement?: RegExp): DangerEntry =>
  ({ id, pattern, unlessInStatement, what: { en: what[0], ko: what[1] }, why: { en: why[0], ko: why[1] } });

// `(?<![\w.-])` instead of `\b`: `--rm` or `my-reboot.sh` must not read as a command.
const CMD = String.raw`(?<![\w.-])`;
// Flags between a command and the part that matters, e.g. `kubectl -n prod delete`.
// `-[\w-]+`, not `-{1,2}[\w-]+`: `--a` must split one way only, or 40 flags backtrack for hours.
const FLAGS = String.raw`(?:-[\w-]+(?:[= ](?!-)\S+)?\s+)*?`;
// The rest of one shell command: not past `;`, `&&`, `|` or a line end.
const SAME_CMD = String.raw`[^;&|\n]*?`;
// A SQL name: plain, dotted, or quoted as a whole ("t", `t`, [t]).
const SQL_NAME = String.raw`(?:"[^"\n]+"|\`[^\`\n]+\`|\[[^\]\n]+\]|[\w.]+)`;
const re = (src: string, flags = ''): RegExp => new RegExp(src, flags);

export const DANGER_CATALOG: readonly DangerEntry[] = [
  // shell. One reading per flag and at most 16 words around the flags: any ambiguity here is
  // paid again for every split of a long line (ReDoS), see test/hostile/regex.test.ts.
  e('rm-rf', re(String.raw`${CMD}rm\s+(?:-[\w-]+\s+){0,16}?(?:-(?=[a-zA-Z]*[rR])(?=[a-zA-Z]*f)[a-zA-Z]+|(?:-(?=[a-zA-Z]*[rR])[a-zA-Z]+|--recursive)\s+(?:\S+\s+){0,16}?(?:-(?=[a-zA-Z]*f)[a-zA-Z]+|--force)|(?:-(?=[a-zA-Z]*f)[a-zA-Z]+|--force)\s+(?:\S+\s+){0,16}?(?:-(?=[a-zA-Z]*[rR])[a-zA-Z]+|--recursive))(?=\s|$)(?:\s+[^\s;&|]+)?`),
    ['rm -rf (recursive, forced delete)', 'rm -rf (강제 재귀 삭제)'],
    ['it deletes whole directory trees without asking, and nothing brings them back', '확인 없이 디렉터리 전체를 지우며 되살릴 방법이 없습니다']),
  e('mkfs', re(String.raw`${CMD}mkfs(?:\.\w+)?(?=\s|$)`),
    ['mkfs (make a file system)', 'mkfs (파일 시스템 생성)'],
    ['it formats the device and erases everything on it', '장치를 포맷해 그 안의 모든 데이터를 지웁니다']),
  e('dd-of', re(String.raw`${CMD}dd\s+${SAME_CMD}(?<![\w-])of=\S+`),
    ['dd of= (raw write to a file or device)', 'dd of= (파일·장치에 원시 쓰기)'],
    ['one wrong target overwrites a disk block by block', '대상을 잘못 적으면 디스크를 블록 단위로 덮어씁니다']),
  e('kill-9', re(String.raw`${CMD}(?:kill|pkill|killall)\s+(?:-\S+\s+)*?-(?:9|KILL|SIGKILL|s\s+(?:KILL|SIGKILL|9))(?=\s|$)`),
    ['kill -9 (SIGKILL)', 'kill -9 (SIGKILL)'],
    ['the process cannot flush or save anything before it dies', '프로세스가 버퍼를 비우거나 저장할 틈 없이 종료됩니다']),
  e('shutdown', re(String.raw`(?<!redis-cli${SAME_CMD})${CMD}(?:shutdown|poweroff|halt)(?=\s|$)`),
    ['shutdown (power off a machine)', 'shutdown (장비 전원 끄기)'],
    ['the machine and every service on it go down, and someone must bring it back', '장비와 그 위의 모든 서비스가 내려가고, 누군가 다시 올려야 합니다']),
  e('reboot', re(String.raw`${CMD}reboot(?=\s|$)`),
    ['reboot', 'reboot (재부팅)'],
    ['every service on the machine stops, and a machine that does not come back turns a step into an outage', '장비의 모든 서비스가 멈추고, 다시 뜨지 않으면 장애가 됩니다']),
  e('iptables-flush', re(String.raw`${CMD}iptables\s+(?:-\S+\s+(?:[^-\s]\S*\s+)?)*?(?:-F|--flush)(?=\s|$)`),
    ['iptables -F (flush firewall rules)', 'iptables -F (방화벽 규칙 전체 삭제)'],
    ['every firewall rule goes at once: the host is either wide open or, with a DROP policy, unreachable', '방화벽 규칙이 한 번에 사라져 호스트가 무방비가 되거나, DROP 정책이면 접속이 끊깁니다']),
  e('rsync-delete', re(String.raw`${CMD}rsync\s${SAME_CMD}--delete(?:-[\w-]+)?(?=[\s=]|$)`),
    ['rsync --delete', 'rsync --delete'],
    ['files missing from the source are deleted from the target; swap the two paths and the good copy is gone', '원본에 없는 파일을 대상에서 지웁니다. 경로 순서를 바꾸면 멀쩡한 사본이 사라집니다']),
  // SQL
  e('sql-drop', re(String.raw`\bDROP\s+(?:TABLE|DATABASE|SCHEMA|INDEX|VIEW|USER|ROLE|COLUMN|CONSTRAINT|KEYSPACE|COLLECTION)\b(?:\s+IF\s+EXISTS)?(?:\s+${SQL_NAME})?`, 'i'),
    ['SQL DROP', 'SQL DROP'],
    ['the object and all its data are removed; only a backup brings them back', '객체와 그 데이터가 모두 사라지며, 백업으로만 되살릴 수 있습니다']),
  e('sql-truncate', re(String.raw`\bTRUNCATE\s+(?:TABLE\s+)?(?!-)${SQL_NAME}`, 'i'),
    ['SQL TRUNCATE', 'SQL TRUNCATE'],
    ['every row goes at once, usually without a way to roll it back', '모든 행이 한 번에 지워지고, 대개 롤백할 수 없습니다']),
  e('sql-delete-no-where', re(String.raw`\bDELETE\s+FROM\s+${SQL_NAME}`, 'i'),
    ['SQL DELETE without WHERE', 'WHERE 없는 SQL DELETE'],
    ['with no WHERE clause it deletes every row of the table', 'WHERE 절이 없어 테이블의 모든 행을 지웁니다'], /\bWHERE\b/i),
  e('sql-update-no-where', re(String.raw`\bUPDATE\s+${SQL_NAME}\s+SET\b`, 'i'),
    ['SQL UPDATE without WHERE', 'WHERE 없는 SQL UPDATE'],
    ['with no WHERE clause it overwrites the column in every row', 'WHERE 절이 없어 모든 행의 값을 덮어씁니다'], /\bWHERE\b/i),
  // Redis
  e('redis-flushall', re(String.raw`\bFLUSHALL(?![\w-])`, 'i'),
    ['Redis FLUSHALL', 'Redis FLUSHALL'],
    ['it deletes every key in every database of the instance', '인스턴스의 모든 데이터베이스에서 모든 키를 지웁니다']),
  e('redis-flushdb', re(String.raw`\bFLUSHDB(?![\w-])`, 'i'),
    ['Redis FLUSHDB', 'Redis FLUSHDB'],
    ['it deletes every key in the selected database', '선택된 데이터베이스의 모든 키를 지웁니다']),
  e('redis-shutdown-nosave', re(String.raw`\bSHUTDOWN\s+NOSAVE\b`, 'i'),
    ['Redis SHUTDOWN NOSAVE', 'Redis SHUTDOWN NOSAVE'],
    ['it stops the server without saving: everything written since the last save is lost', '저장하지 않고 서버를 멈춰, 마지막 저장 이후 쓴 데이터가 모두 사라집니다']),
  e('redis-config-set', re(String.raw`\bCONFIG\s+SET\b`, 'i'),
    ['Redis CONFIG SET', 'Redis CONFIG SET'],
    ['it changes a live server at once (maxmemory, eviction, persistence), often with no record of the old value', '운영 중인 서버 설정(maxmemory, 축출, 영속화)을 즉시 바꾸며, 이전 값이 남지 않는 경우가 많습니다']),
  e('redis-debug', re(String.raw`\bDEBUG\s+(?:SEGFAULT|SLEEP|RELOAD|RESTART|CRASH-AND-RECOVER|POPULATE|SET-ACTIVE-EXPIRE|OOM|PANIC|JMAP|FLUSHALL)\b`, 'i'),
    ['Redis DEBUG', 'Redis DEBUG'],
    ['DEBUG commands crash, block or reload the server on purpose', 'DEBUG 명령은 의도적으로 서버를 죽이거나 멈추거나 다시 읽게 합니다']),
  // MongoDB
  e('mongo-drop-database', re(String.raw`\bdropDatabase\s*\(`),
    ['MongoDB dropDatabase()', 'MongoDB dropDatabase()'],
    ['it deletes the whole database with its collections and indexes', '컬렉션과 인덱스를 포함한 데이터베이스 전체를 지웁니다']),
  e('mongo-drop', re(String.raw`\.drop\s*\(\s*\)`),
    ['MongoDB .drop()', 'MongoDB .drop()'],
    ['it deletes the whole collection and its indexes', '컬렉션과 인덱스를 통째로 지웁니다']),
  e('mongo-remove-all', re(String.raw`\.remove\s*\(\s*(?:\{\s*\}\s*)?[,)]`),
    ['MongoDB .remove({})', 'MongoDB .remove({})'],
    ['an empty filter matches every document in the collection', '빈 조건은 컬렉션의 모든 문서에 해당합니다']),
  e('mongo-delete-many-all', re(String.raw`\.deleteMany\s*\(\s*\{\s*\}\s*[,)]`),
    ['MongoDB .deleteMany({})', 'MongoDB .deleteMany({})'],
    ['an empty filter deletes every document in the collection', '빈 조건으로 컬렉션의 모든 문서를 지웁니다']),
  // CockroachDB
  e('crdb-unsafe-remove-dead-replicas', re(String.raw`\bunsafe-remove-dead-replicas?\b`),
    ['CockroachDB unsafe-remove-dead-replicas', 'CockroachDB unsafe-remove-dead-replicas'],
    ['a last-resort, barely documented command: it can bring ranges back with lost or inconsistent data', '문서에도 거의 없는 최후의 수단으로, 데이터가 유실되거나 어긋난 채 범위가 살아날 수 있습니다']),
  e('crdb-debug-recover', re(String.raw`\bdebug\s+recover\b`),
    ['CockroachDB debug recover', 'CockroachDB debug recover'],
    ['loss-of-quorum recovery rewrites replica state and may lose recent writes', '쿼럼 상실 복구는 복제본 상태를 고쳐 쓰며 최근 쓰기가 유실될 수 있습니다']),
  e('crdb-node-decommission', re(String.raw`\bnode\s+decommission\b`),
    ['CockroachDB node decommission', 'CockroachDB node decommission'],
    ['it moves every replica off the node; on a cluster short of space or nodes it stalls or loses quorum', '노드의 모든 복제본을 옮기므로, 공간이나 노드가 부족하면 멈추거나 쿼럼을 잃습니다']),
  // Kubernetes
  e('kubectl-delete', re(String.raw`\bkubectl\s+${FLAGS}delete\b`),
    ['kubectl delete', 'kubectl delete'],
    ['it removes live objects; a namespace or a volume claim takes its data with it', '운영 중인 객체를 지웁니다. 네임스페이스나 볼륨 클레임이면 데이터도 함께 사라집니다']),
  e('kubectl-drain', re(String.raw`\bkubectl\s+${FLAGS}drain\b`),
    ['kubectl drain', 'kubectl drain'],
    ['every pod on the node is evicted at once', '노드의 모든 파드가 한 번에 쫓겨납니다']),
  e('kubectl-force', re(String.raw`\bkubectl\s${SAME_CMD}\s--force(?![\w-]|=false)`),
    ['kubectl --force', 'kubectl --force'],
    ['it skips graceful termination and safety checks', '정상 종료 절차와 안전 확인을 건너뜁니다']),
  e('kubectl-scale-zero', re(String.raw`\bkubectl\s${SAME_CMD}\bscale\b${SAME_CMD}--replicas[= ]0(?!\d)`),
    ['kubectl scale --replicas=0', 'kubectl scale --replicas=0'],
    ['the workload stops serving entirely', '워크로드가 완전히 서비스를 멈춥니다']),
  // cloud CLIs
  e('aws-terminate-instances', re(String.raw`\bterminate-instances\b`),
    ['aws ec2 terminate-instances', 'aws ec2 terminate-instances'],
    ['terminated instances and their instance-store disks cannot be started again', '종료된 인스턴스와 인스턴스 스토어 디스크는 다시 시작할 수 없습니다']),
  e('aws-delete-db', re(String.raw`\bdelete-db-(?:instance|cluster)\b`),
    ['aws rds delete-db-instance', 'aws rds delete-db-instance'],
    ['the database is deleted, and without a final snapshot so is its data', '데이터베이스가 삭제되며, 최종 스냅샷이 없으면 데이터도 사라집니다']),
  e('aws-s3-rm-recursive', re(String.raw`\baws\s+s3\s+(?:rm\b${SAME_CMD}--recursive|rb\b${SAME_CMD}--force)\b`),
    ['aws s3 rm --recursive', 'aws s3 rm --recursive'],
    ['it deletes every object under the prefix', '접두어 아래의 모든 객체를 지웁니다']),
  e('gcloud-delete', re(String.raw`\bgcloud\s${SAME_CMD}\sdelete\b`),
    ['gcloud ... delete', 'gcloud ... delete'],
    ['it deletes a cloud resource (an instance, a database, a disk)', '클라우드 자원(인스턴스, 데이터베이스, 디스크)을 지웁니다']),
  // version control and infrastructure
  e('git-push-force', re(String.raw`\bgit\s+(?:-\S+\s+)*?push\b${SAME_CMD}\s(?:--force(?![\w-])|-[a-zA-Z]*f[a-zA-Z]*(?=\s|$))`),
    ['git push --force', 'git push --force'],
    ['it overwrites the remote history; other people\'s commits can disappear', '원격 이력을 덮어써 다른 사람의 커밋이 사라질 수 있습니다']),
  e('terraform-destroy', re(String.raw`\bterraform\s+(?:-\S+\s+)*?(?:destroy\b|apply\b${SAME_CMD}\s-destroy\b)`),
    ['terraform destroy', 'terraform destroy'],
    ['it deletes every resource in the state, data stores included', '상태에 있는 모든 자원을 데이터 저장소까지 지웁니다']),
];
