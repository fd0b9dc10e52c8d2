// The first text of a new incident log or runbook. Generated text follows the team's
// language; ids and file names are built from the date and an ASCII slug of the title.
import type { Lang } from '../config';
import { formatInZone, isValidZone } from '../time';
import { scalarText } from './layout';

/** `Cache cluster OOM!` → `cache-cluster-oom`; letters outside ASCII are dropped. */
export function slugify(title: string, maxLength = 40): string {
  const ascii = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  // Cut at a word boundary when one is near, so ids do not end in half a word.
  const dash = cut.lastIndexOf('-');
  return (dash >= maxLength / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

function safeZone(zone: string): string { return isValidZone(zone) ? zone : 'UTC'; }

/**
 * An incident id: the date in the zone and a slug of the title. A title with no ASCII
 * letters (a Korean one, say) gets the local time instead, so the id stays unique per day.
 */
export function incidentId(title: string, nowMs: number, zone: string): string {
  const z = safeZone(zone);
  const date = formatInZone(nowMs, z, 'yyyy-MM-dd');
  const slug = slugify(title);
  return `${date}-${slug || formatInZone(nowMs, z, 'HHmm')}`;
}

export function runbookId(title: string, nowMs: number, zone: string): string {
  return slugify(title) || `runbook-${formatInZone(nowMs, safeZone(zone), 'yyyyMMdd-HHmm')}`;
}

/** `base.incident.yaml`, or `base-2.incident.yaml` … when taken, as decided by `exists`. */
export function freeFileName(base: string, suffix: string, exists: (name: string) => boolean): string {
  for (let i = 1; i < 1000; i++) {
    const name = `${base}${i === 1 ? '' : `-${i}`}${suffix}`;
    if (!exists(name)) return name;
  }
  return `${base}-${Date.now()}${suffix}`;
}

const T = {
  en: {
    header: '# Incident log. Keep writing the timeline as things happen; the postmortem is generated from this file.',
    service: 'what users saw fail',
    commander: 'handle of the incident commander',
    first: 'Incident declared',
    runbookHeader: '# Runbook. Nothing in Incident Command ever runs `run:`; the linter reads every step.',
    service2: 'the service this runbook acts on',
    owner: 'handle or team that keeps this runbook',
    notice: 'Post the maintenance notice with an expected end',
    snapshot: 'Save the current state before changing anything',
    snapshotVerify: 'one backup per node, each newer than the notice',
    change: 'Make the change',
    check: 'Check the service before reopening',
    reopen: 'Post the all-clear notice',
  },
  ko: {
    header: '# 장애 기록입니다. 일이 일어날 때마다 타임라인에 적어 주십시오. 회고 문서는 이 파일에서 생성합니다.',
    service: '사용자가 장애를 겪은 서비스',
    commander: '장애 지휘자의 핸들',
    first: '장애를 선언했습니다',
    runbookHeader: '# 런북입니다. Incident Command는 `run:` 명령을 절대 실행하지 않으며, 린터가 모든 단계를 검사합니다.',
    service2: '이 런북이 다루는 서비스',
    owner: '이 런북을 관리하는 사람이나 팀',
    notice: '종료 예정 시각을 담은 점검 공지를 올립니다',
    snapshot: '바꾸기 전에 현재 상태를 저장합니다',
    snapshotVerify: '노드마다 공지 이후에 만든 백업이 하나씩 있습니다',
    change: '변경을 적용합니다',
    check: '서비스를 다시 열기 전에 확인합니다',
    reopen: '점검 종료 공지를 올립니다',
  },
} as const;

export interface IncidentScaffold {
  id: string;
  title: string;
  nowMs: number;
  zone: string;
  lang: Lang;
  severity?: string;
  eol?: string;
}

/** A new incident log that already parses, with its first entry at now. */
export function incidentScaffold(o: IncidentScaffold): string {
  const t = T[o.lang];
  const zone = safeZone(o.zone);
  const at = formatInZone(o.nowMs, zone, "yyyy-MM-dd'T'HH:mmXXX");
  const lines = [
    t.header,
    `incident: ${scalarText(o.id)}`,
    `title: ${scalarText(o.title)}`,
    `service:  # ${t.service}`,
    `severity: ${scalarText(o.severity ?? 'SEV3')}`,
    'status: investigating',
    `timezone: ${zone}`,
    '',
    'roles:',
    `  commander:  # ${t.commander}`,
    '',
    'timeline:',
    `  - at: ${at}`,
    '    kind: detection',
    `    text: ${scalarText(t.first)}`,
    '',
  ];
  return lines.join(o.eol ?? '\n');
}

export interface RunbookScaffold { id: string; title: string; lang: Lang; eol?: string }

/** A new maintenance runbook: notice first, a state save before the change, checks after. */
export function runbookScaffold(o: RunbookScaffold): string {
  const t = T[o.lang];
  const lines = [
    t.runbookHeader,
    `runbook: ${scalarText(o.id)}`,
    `title: ${scalarText(o.title)}`,
    `service:  # ${t.service2}`,
    `owner:  # ${t.owner}`,
    'kind: maintenance',
    'window: 2h',
    'roles: [commander, ops, comms]',
    '',
    'steps:',
    '  - id: notice',
    `    title: ${scalarText(t.notice)}`,
    '    role: comms',
    '    kind: communication',
    '  - id: snapshot',
    `    title: ${scalarText(t.snapshot)}`,
    '    role: ops',
    '    kind: check',
    `    verify: ${scalarText(t.snapshotVerify)}`,
    '    after: [notice]',
    '  - id: change',
    `    title: ${scalarText(t.change)}`,
    '    role: ops',
    '    after: [snapshot]',
    '  - id: check',
    `    title: ${scalarText(t.check)}`,
    '    role: ops',
    '    kind: check',
    '    after: [change]',
    '  - id: reopen',
    `    title: ${scalarText(t.reopen)}`,
    '    role: comms',
    '    kind: communication',
    '    after: [check]',
    '',
  ];
  return lines.join(o.eol ?? '\n');
}
