// Realistic incident logs and runbooks of any size, for benchmarks and stress tests.
// Deterministic: the same arguments give the same bytes.

const KINDS = ['observation', 'action', 'communication', 'action', 'note', 'decision', 'observation', 'mitigation'];
const PEOPLE = ['lcw', 'psm', 'kdh', 'jyk', 'hsy'];
const TEXTS = [
  'Replication lag on node {n} is {m} seconds and falling',
  'CSV export of shard {n} at {m} percent; throughput steady',
  'Players see the maintenance notice; queue length {m}',
  'Disk usage on the new cluster at {m} percent after shard {n}',
  '점검 공지 갱신, 예상 종료 시각을 다시 안내했습니다 ({m}분 연장)',
  'Checksums of shard {n} match the source ({m} million rows)',
];

function pad(n) { return String(n).padStart(2, '0'); }
function local(ms) {
  const d = new Date(ms + 9 * 3600000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** An incident log with `entries` timeline entries inside two maintenance windows (about 120 bytes each). */
export function incidentLog(entries, name = `bench-${entries}`) {
  const start = Date.UTC(2021, 0, 25, 7, 52);
  const step = Math.max(1000, Math.floor((56 * 3600000) / Math.max(1, entries)));
  const split = Math.floor(entries * 0.6);
  const m1End = start + step * split + 1000;
  const m2Start = m1End + 3 * 3600000;
  let out = `incident: ${name}\ntitle: Emergency maintenance of the game database\nservice: kingdom-game\nseverity: SEV1\nstatus: mitigating\ntimezone: Asia/Seoul\n` +
    `people:\n${PEOPLE.map((p) => `  ${p}: {name: ${p.toUpperCase()}, team: Infra}`).join('\n')}\n` +
    `roles:\n  commander: lcw\n  comms: psm\n  scribe: kdh\n` +
    `impact:\n  start: ${local(start - 600000)}\n  users: 1200000\n` +
    `maintenance:\n  - id: m1\n    title: First window\n    start: ${local(start)}\n    announced_end: ${local(start + 11 * 3600000)}\n    end: ${local(m1End)}\n` +
    `  - id: m2\n    title: Second window\n    start: ${local(m2Start)}\n    announced_end: ${local(m2Start + 4 * 3600000)}\n` +
    `timeline:\n`;
  for (let i = 0; i < entries; i++) {
    const inSecond = i >= split;
    const t = inSecond ? m2Start + (i - split) * step + 1000 : start + i * step;
    const kind = i === 0 ? 'detection' : KINDS[i % KINDS.length];
    const text = TEXTS[i % TEXTS.length].replace('{n}', String(i % 97)).replace('{m}', String((i * 7) % 100));
    out += `  - at: ${local(t)}\n    kind: ${kind}\n    window: ${inSecond ? 'm2' : 'm1'}\n    by: ${PEOPLE[i % PEOPLE.length]}\n    text: ${text}\n`;
    if (kind === 'decision') out += `    options: [roll back to the backup, move all data to a new cluster]\n    chosen: move all data to a new cluster\n    why: a rollback loses hours of player progress\n`;
  }
  return out;
}

/** A runbook with `steps` steps, every fifth one dangerous and properly guarded. */
export function runbook(steps, name = `bench-${steps}`) {
  let out = `runbook: ${name}\ntitle: Move every record to a fresh cluster\nservice: game-db\nowner: lcw\nkind: maintenance\nwindow: ${steps * 10}m\nroles: [commander, dba, comms]\nsteps:\n` +
    `  - id: notice\n    title: Post the maintenance notice\n    role: comms\n    kind: communication\n  - id: snapshot\n    title: Snapshot every node\n    role: dba\n    run: ./snapshot-all.sh\n    verify: one snapshot per node\n    timeout: 2h\n    estimate: 5m\n`;
  for (let i = 0; i < steps; i++) {
    const danger = i % 5 === 4;
    out += `  - id: s${i}\n    title: Move shard ${i}\n    role: dba\n    run: ${danger ? `cockroach node decommission ${i}` : `./move-shard.sh ${i}`}\n    verify: row counts match for shard ${i}\n    timeout: 30m\n    estimate: 5m\n    after: [snapshot]\n`;
    if (danger) out += `    danger: true\n    approval: commander\n    rollback: recommission node ${i} from the snapshot\n`;
  }
  return out;
}
