// Every phrase the postmortem adds around the log's own text, in Korean (합니다체) and English.
// Placeholders are visible on purpose: a gap in the log shows as a gap, never as a guess.
import type { Lang } from '../config';

function batchim(word: string): number | undefined {
  const last = word.trim().replace(/[\s'"’”)\]]+$/u, '').slice(-1);
  const code = last.charCodeAt(0) - 0xac00;
  return code < 0 || code > 11171 ? undefined : code % 28;
}

/** 으로 after a final consonant other than ㄹ, else 로: "오후 11시로", "7시 30분으로". */
export function directionParticle(word: string): string {
  const f = batchim(word);
  if (f === undefined) return '(으)로';
  return f === 0 || f === 8 ? '로' : '으로';
}

/** Korean object particle for a word: 을 after a final consonant, 를 after a vowel, 을(를) when unknown. */
export function objectParticle(word: string): string {
  const f = batchim(word);
  if (f === undefined) return '을(를)';
  return f === 0 ? '를' : '을';
}

const ko = {
  heading: {
    intro: '들어가며', glance: '한눈에 보기', background: '그날 이전', signs: '징후와 발견', diary: '점검 일지',
    decisions: '왜 그 선택을 했는가', numbers: '숫자로 본 복구', causes: '무엇이 잘못되었나', lessons: '돌아보며',
    changes: '그 후 달라진 것', comms: '사용자와의 소통', appendix: '부록',
    summary: '요약', impact: '영향', rootCauses: '근본 원인', trigger: '촉발 요인', resolution: '해결', detection: '탐지',
    actionItems: '후속 조치', lessonsLearned: '교훈', timeline: '타임라인',
    wentWell: '잘한 것', wentWrong: '아쉬웠던 것', lucky: '운이 좋았던 것', roster: '참여자', timelineTable: '전체 타임라인',
    interlude: '재오픈 이후', response: '대응 일지', done: '바뀐 것', open: '남은 일', wontfix: '하지 않기로 한 것',
    skipped: '건너뛴 점검 항목', picture: '한 장으로 보기', notices: '공지 기록', announcedMoves: '종료 예정 시각의 변화',
  },
  missing: {
    summary: '〔요약이 기록되지 않았습니다〕', roles: '〔역할이 기록되지 않았습니다〕',
    impactStart: '〔영향 시작 시각이 기록되지 않았습니다〕', impactEnd: '〔영향 종료 시각이 기록되지 않았습니다〕',
    users: '〔영향받은 사용자가 기록되지 않았습니다〕', dataLoss: '〔데이터 손실 여부가 기록되지 않았습니다〕',
    detection: '〔발견 기록이 없습니다〕', mitigation: '〔완화 기록이 없습니다〕', resolution: '〔해결 기록이 없습니다〕',
    why: '〔선택 이유가 기록되지 않았습니다〕', options: '〔검토한 선택지가 기록되지 않았습니다〕',
    chosen: '〔무엇을 택했는지 기록되지 않았습니다〕', windowReason: '〔점검 사유가 기록되지 않았습니다〕',
    announcedEnd: '〔공지한 종료 시각이 기록되지 않았습니다〕', causes: '〔원인이 기록되지 않았습니다〕',
    lessons: '〔기록되지 않았습니다〕', owner: '〔담당자가 기록되지 않았습니다〕', due: '〔기한이 기록되지 않았습니다〕',
    text: '〔내용이 기록되지 않았습니다〕', time: '〔시각을 읽을 수 없습니다〕', notices: '〔사용자 공지가 기록되지 않았습니다〕',
    actionItems: '〔후속 조치가 기록되지 않았습니다〕', trigger: '〔촉발 요인이 따로 기록되지 않았습니다〕',
    title: '〔제목이 기록되지 않았습니다〕', service: '〔서비스가 기록되지 않았습니다〕',
    unknownRef: (id: string) => `〔기록에 없는 항목: ${id}〕`,
  },
  kind: {
    detection: '발견', escalation: '에스컬레이션', observation: '관찰', decision: '결정', action: '조치', communication: '공지',
    mitigation: '완화', 'maintenance-start': '점검 시작', 'maintenance-end': '점검 종료', resolution: '해결', note: '메모',
  } as Record<string, string>,
  status: {
    investigating: '조사 중', identified: '원인 파악', mitigating: '완화 중', monitoring: '모니터링 중', resolved: '해결됨',
  } as Record<string, string>,
  role: { commander: '지휘', comms: '공지', scribe: '기록', ops: '작업' } as Record<string, string>,
  actionStatus: { open: '시작 전', 'in-progress': '진행 중', done: '완료', wontfix: '하지 않음' } as Record<string, string>,
  title: (service: string, total: string) => `${service}, 총 ${total} 점검 회고`,
  titleNoWindow: (service: string) => `${service} 장애 회고`,
  stillOpen: ' (진행 중)',
  subtitle: (chosen: string) => `그때 왜 ‘${chosen}’${objectParticle(chosen)} 택했는가`,
  into: (d: string) => `점검 ${d} 경과`,
  afterReopen: (d: string) => `재오픈 ${d} 후`,
  windowStart: '점검 시작',
  windowLabel: (n: number) => `${n}차 점검`,
  sum: (parts: string[], total: string) => (parts.length > 1 ? `${parts.join(' + ')} = ${total}` : total),
  asOf: (when: string, d: string) => `진행 중 · 마지막 기록(${when}) 기준 ${d}`,
  span: (a: string, b: string) => `${a} ~ ${b}`,
  by: (who: string) => ` (${who})`,
  zoneNote: (zone: string) => `시각은 모두 ${zone} 기준입니다.`,
  intro: {
    roles: '이번 대응에서 역할은 이렇게 나누었습니다.',
    source: (n: number, people: number) => `이 글은 사고 기록에 남은 ${n}개의 항목과 ${people}명의 기록을 그대로 엮은 것입니다. 기록에 없는 내용은 지어내지 않고 〔 〕로 비워 두었습니다.`,
    reader: (chapters: string) => `이어지는 글에서는 ${chapters}${objectParticle(chapters)} 차례로 살펴봅니다.`,
  },
  glance: {
    item: '항목', value: '내용', impactStart: '영향 시작', impactEnd: '영향 종료', window: (label: string) => label,
    total: '총 점검 시간', users: '영향받은 사용자', regions: '지역', dataLoss: '데이터 손실', dataLossNo: '없음',
    dataLossYes: '있음', detect: '발견까지', mitigate: '완화까지', resolve: '해결까지', impactSummary: '영향 요약',
    overrun: (d: string, when: string) => `처음 공지한 종료(${when}) 대비 ${d}`,
  },
  signs: {
    detect: (d: string, from: string, to: string) => `영향이 시작된 ${from}부터 처음 발견한 ${to}까지 ${d}이 걸렸습니다.`,
    untilWindow: (d: string) => `첫 발견에서 점검 시작까지는 ${d}이 걸렸습니다.`,
  },
  chapter: {
    line: (span: string, d: string) => `${span} · ${d}`,
    reason: '사유', announced: '공지한 종료', overrun: (d: string) => `공지한 종료 대비 ${d}`,
    interlude: (a: string, b: string, d: string) => `${a}이 끝나고 ${b}이 시작되기까지 ${d}이 흘렀습니다.`,
    after: (a: string) => `${a}이 끝난 뒤의 기록입니다.`,
    notice: '공지', expectedEnd: (when: string) => `종료 예정 ${when}`,
    moved: (from: string, to: string) => `종료 예정이 ${from}에서 ${to}${directionParticle(to)} 바뀌었습니다.`,
    decided: (chosen: string) => `결정: ${chosen}`,
    noEntries: '이 구간에는 기록된 항목이 없습니다.',
  },
  decision: {
    moment: '시점', options: '검토한 선택지', chosen: '선택', why: '이유', followed: '그 뒤', chosenMark: ' ← 선택',
    notAmong: (c: string) => `선택한 안(‘${c}’)은 선택지 목록에 없습니다.`, none: '기록된 결정이 없습니다.',
  },
  numbers: {
    window: (label: string) => `${label}`, total: '두 점검을 합친 시간', totalOne: '점검 시간', overrun: (label: string) => `${label}이 처음 공지한 종료를 넘긴 시간`,
    moves: (label: string) => `${label} 동안 종료 예정 시각을 바꾼 횟수`, notices: '보낸 공지', detect: '영향 시작부터 발견까지',
    mitigate: '발견부터 완화까지', resolve: '발견부터 해결까지', decisions: '기록된 결정', entries: '타임라인 항목',
    users: '영향받은 사용자 (기록)', gap: (label: string) => `${label} 가장 길었던 공지 공백`, interlude: '두 점검 사이',
    count: (n: number) => `${n}번`, items: (n: number) => `${n}개`, totalMany: (n: number) => `${n}번의 점검을 합친 시간`,
  },
  causes: { scenes: '관련 장면' },
  changes: {
    doneLine: (title: string) => title, owner: '담당', due: '기한', status: '상태',
    skippedLine: (id: string, reason: string) => `${id}: ${reason}`, none: '기록된 후속 조치가 없습니다.',
  },
  comms: {
    count: (n: number) => `점검 동안 사용자와 관계자에게 ${n}번 공지했습니다.`,
    moves: (chain: string) => `공지한 종료 예정: ${chain}`,
    silence: (label: string, d: string, from: string, to: string) => `${label}에서 가장 길었던 공백은 ${from}부터 ${to}까지 ${d}이었습니다.`,
    when: '시각', elapsed: '점검 경과', text: '내용', expected: '종료 예정',
  },
  appendix: {
    time: '시각', tplus: 'T+', elapsed: '점검 경과', kind: '종류', text: '내용', by: '기록', handle: '핸들', name: '이름',
    team: '팀', roles: '역할',
  },
  sre: {
    trigger: (when: string, text: string) => `처음 기록된 징후(${when}): ${text}`,
    resolution: '완화와 해결 기록', detection: (d: string) => `발견까지 걸린 시간: ${d}`,
  },
  gantt: { bars: '점검', marks: '주요 기록' },
  generated: (file: string) => `이 문서는 ${file}에서 생성했습니다. 고치려면 기록을 고친 뒤 다시 생성하십시오.`,
};

export type Strings = typeof ko;

const en: Strings = {
  heading: {
    intro: 'Introduction', glance: 'At a glance', background: 'Background', signs: 'Signs and detection',
    diary: 'The maintenance, chapter by chapter', decisions: 'Why we chose what we chose', numbers: 'Recovery in numbers',
    causes: 'What went wrong', lessons: 'Looking back', changes: 'What changed afterwards', comms: 'Communicating with users',
    appendix: 'Appendix',
    summary: 'Summary', impact: 'Impact', rootCauses: 'Root causes', trigger: 'Trigger', resolution: 'Resolution',
    detection: 'Detection', actionItems: 'Action items', lessonsLearned: 'Lessons learned', timeline: 'Timeline',
    wentWell: 'What went well', wentWrong: 'What went wrong', lucky: 'Where we got lucky', roster: 'People',
    timelineTable: 'Full timeline', interlude: 'After reopening', response: 'The response', done: 'Changed',
    open: 'Still to do', wontfix: 'Decided against', skipped: 'Checklist items skipped', picture: 'On one page',
    notices: 'Notices', announcedMoves: 'How the announced end moved',
  },
  missing: {
    summary: '[summary not recorded]', roles: '[roles not recorded]', impactStart: '[impact start not recorded]',
    impactEnd: '[impact end not recorded]', users: '[users affected not recorded]', dataLoss: '[data loss not recorded]',
    detection: '[no detection recorded]', mitigation: '[no mitigation recorded]', resolution: '[no resolution recorded]',
    why: '[reason not recorded]', options: '[options not recorded]', chosen: '[choice not recorded]',
    windowReason: '[reason for the maintenance not recorded]', announcedEnd: '[announced end not recorded]',
    causes: '[causes not recorded]', lessons: '[not recorded]', owner: '[owner not recorded]', due: '[due date not recorded]',
    text: '[text not recorded]', time: '[time unreadable]', notices: '[no notices recorded]',
    actionItems: '[no action items recorded]', trigger: '[trigger not recorded]', title: '[title not recorded]',
    service: '[service not recorded]', unknownRef: (id: string) => `[no entry "${id}" in the log]`,
  },
  kind: {
    detection: 'detection', escalation: 'escalation', observation: 'observation', decision: 'decision', action: 'action',
    communication: 'notice', mitigation: 'mitigation', 'maintenance-start': 'maintenance start',
    'maintenance-end': 'maintenance end', resolution: 'resolution', note: 'note',
  },
  status: { investigating: 'investigating', identified: 'identified', mitigating: 'mitigating', monitoring: 'monitoring', resolved: 'resolved' },
  role: { commander: 'command', comms: 'communications', scribe: 'the log', ops: 'operations' },
  actionStatus: { open: 'open', 'in-progress': 'in progress', done: 'done', wontfix: "won't fix" },
  title: (service: string, total: string) => `${service}: a retrospective of ${total} of maintenance`,
  titleNoWindow: (service: string) => `${service}: an incident retrospective`,
  stillOpen: ' (still open)',
  subtitle: (chosen: string) => `Why we chose “${chosen}”`,
  into: (d: string) => `${d} into maintenance`,
  afterReopen: (d: string) => `${d} after reopening`,
  windowStart: 'maintenance begins',
  windowLabel: (n: number) => `Maintenance ${n}`,
  sum: (parts: string[], total: string) => (parts.length > 1 ? `${parts.join(' + ')} = ${total}` : total),
  asOf: (when: string, d: string) => `still open · ${d} as of the last entry (${when})`,
  span: (a: string, b: string) => `${a} – ${b}`,
  by: (who: string) => ` (${who})`,
  zoneNote: (zone: string) => `All times are in ${zone}.`,
  intro: {
    roles: 'Who held which role:',
    source: (n: number, people: number) => `This account is woven from the ${n} entries of the incident log, written by ${people} ${people === 1 ? 'person' : 'people'}. Nothing here is invented: where the log is silent, the gap is marked in [ ].`,
    reader: (chapters: string) => `What follows: ${chapters}.`,
  },
  glance: {
    item: 'Item', value: 'Value', impactStart: 'Impact began', impactEnd: 'Impact ended', window: (label: string) => label,
    total: 'Total maintenance', users: 'Users affected', regions: 'Regions', dataLoss: 'Data loss', dataLossNo: 'none',
    dataLossYes: 'yes', detect: 'Time to detect', mitigate: 'Time to mitigate', resolve: 'Time to resolve',
    impactSummary: 'Impact', overrun: (d: string, when: string) => `${d} against the first announced end (${when})`,
  },
  signs: {
    detect: (d: string, from: string, to: string) => `Impact began at ${from}; it was first detected at ${to}, ${d} later.`,
    untilWindow: (d: string) => `From the first detection to the start of maintenance: ${d}.`,
  },
  chapter: {
    line: (span: string, d: string) => `${span} · ${d}`,
    reason: 'Reason', announced: 'Announced end', overrun: (d: string) => `${d} against the announced end`,
    interlude: (a: string, b: string, d: string) => `${d} passed between the end of ${a} and the start of ${b}.`,
    after: (a: string) => `What the log holds after ${a} ended.`,
    notice: 'Notice', expectedEnd: (when: string) => `expected end ${when}`,
    moved: (from: string, to: string) => `The expected end moved from ${from} to ${to}.`,
    decided: (chosen: string) => `Decision: ${chosen}`,
    noEntries: 'No entries were logged in this stretch.',
  },
  decision: {
    moment: 'When', options: 'Options weighed', chosen: 'Chosen', why: 'Why', followed: 'What followed', chosenMark: ' ← chosen',
    notAmong: (c: string) => `The choice (“${c}”) is not among the options listed.`, none: 'No decisions were logged.',
  },
  numbers: {
    window: (label: string) => label, total: 'both maintenances together', totalOne: 'maintenance', overrun: (label: string) => `${label} past its first announced end`,
    moves: (label: string) => `times the expected end of ${label} was moved`, notices: 'notices sent', detect: 'from impact to detection',
    mitigate: 'from detection to mitigation', resolve: 'from detection to resolution', decisions: 'decisions logged',
    entries: 'timeline entries', users: 'users affected (as logged)', gap: (label: string) => `longest silence between notices in ${label}`,
    interlude: 'between the two maintenances', count: (n: number) => `${n}`, items: (n: number) => `${n}`,
    totalMany: (n: number) => `all ${n} maintenances together`,
  },
  causes: { scenes: 'Scenes' },
  changes: {
    doneLine: (title: string) => title, owner: 'owner', due: 'due', status: 'status',
    skippedLine: (id: string, reason: string) => `${id}: ${reason}`, none: 'No action items were logged.',
  },
  comms: {
    count: (n: number) => `${n} notices went to users and stakeholders.`,
    moves: (chain: string) => `Announced end: ${chain}`,
    silence: (label: string, d: string, from: string, to: string) => `The longest silence in ${label} was ${d}, from ${from} to ${to}.`,
    when: 'Time', elapsed: 'Maintenance', text: 'Text', expected: 'Expected end',
  },
  appendix: {
    time: 'Time', tplus: 'T+', elapsed: 'Maintenance', kind: 'Kind', text: 'Text', by: 'By', handle: 'Handle', name: 'Name',
    team: 'Team', roles: 'Roles',
  },
  sre: {
    trigger: (when: string, text: string) => `First sign logged (${when}): ${text}`,
    resolution: 'Mitigation and resolution entries', detection: (d: string) => `Time to detect: ${d}`,
  },
  gantt: { bars: 'maintenance', marks: 'key entries' },
  generated: (file: string) => `Generated from ${file}. To change it, edit the log and generate again.`,
};

export function stringsFor(lang: Lang): Strings { return lang === 'ko' ? ko : en; }

/** A word from one of the tables by a key from the log: own keys only (a log may say `__proto__`). */
export function lookup(table: Record<string, string>, key: string | undefined): string | undefined {
  return key !== undefined && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
