import { d, MapSpec, Spec } from './types';

export const ENTRY_KINDS = ['detection', 'escalation', 'observation', 'decision', 'action', 'communication',
  'mitigation', 'maintenance-start', 'maintenance-end', 'resolution', 'note'] as const;
export const STATUSES = ['investigating', 'identified', 'mitigating', 'monitoring', 'resolved'] as const;
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wontfix'] as const;
export const INCIDENT_ID = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
export const WINDOW_ID = '^[a-z0-9][a-z0-9._-]*$';

const text = (en: string, ko: string): Spec => ({ type: 'string', doc: d(en, ko) });
const ts = (en: string, ko: string): Spec => ({ type: 'string', format: 'timestamp', doc: d(en, ko) });
const handle = (en: string, ko: string): Spec => ({ type: 'string', format: 'handle', doc: d(en, ko) });
const strings = (en: string, ko: string): Spec => ({ type: 'list', items: text('', ''), doc: d(en, ko) });
const refs: Spec = { type: 'list', items: { type: 'string', format: 'id', doc: d('An entry id.', '항목 id.') }, doc: d('Ids of timeline entries this refers to.', '이 항목이 가리키는 타임라인 항목 id 목록.') };

const person: Spec = {
  type: 'map', required: ['name'], doc: d('A person on the roster.', '명단의 한 사람.'),
  fields: { name: text('Full name.', '이름.'), team: text('Team.', '소속 팀.'), contact: text('How to reach them.', '연락처.') },
};

const decisionFields: Record<string, Spec> = {
  options: strings('The options that were weighed.', '검토한 선택지.'),
  chosen: text('The option that was chosen.', '고른 선택지.'),
  why: text('Why that option was chosen.', '그 선택지를 고른 이유.'),
};

export const windowSpec: MapSpec = {
  type: 'map', required: ['id', 'start'], doc: d('A maintenance window: what the clocks count.', '점검 시간대: 시계가 세는 구간.'),
  fields: {
    id: { type: 'string', format: 'id', pattern: WINDOW_ID, doc: d('Window id, e.g. `m1`.', '점검 id (예: `m1`).') },
    title: text('What the window was called.', '점검 이름.'),
    start: ts('When the service went down for maintenance.', '점검이 시작된 시각.'),
    announced_end: ts('The end users were told.', '사용자에게 안내한 종료 예정 시각.'),
    end: ts('When the service reopened; absent while the window is open.', '서비스를 다시 연 시각. 점검 중에는 비워 둡니다.'),
    reason: text('Why the window was needed.', '점검이 필요했던 이유.'),
  },
};

export const entrySpec: MapSpec = {
  type: 'map', required: ['at', 'kind', 'text'], doc: d('A timeline entry.', '타임라인 항목.'),
  fields: {
    at: ts('When it happened.', '일어난 시각.'),
    kind: { type: 'string', enum: ENTRY_KINDS, doc: d('What sort of entry this is.', '항목의 종류.') },
    window: { type: 'string', format: 'id', doc: d('The maintenance window this entry belongs to.', '이 항목이 속한 점검 id.') },
    text: text('What happened, in one or two sentences.', '무슨 일이 있었는지 한두 문장으로.'),
    by: handle('Who did or said it (a roster handle).', '한 사람 (명단의 핸들).'),
    id: { type: 'string', format: 'id', doc: d('An id, needed only to be referenced.', '참조할 때만 필요한 id.') },
    expected_end: ts('On a communication: the end promised to users in this notice.', '공지 항목: 이 공지에서 안내한 종료 예정 시각.'),
    ...decisionFields,
  },
};

const decisionSpec: MapSpec = {
  type: 'map', required: ['text'], doc: d('A decision, told as a dilemma.', '결정: 선택지와 이유.'),
  fields: { at: entrySpec.fields.at, id: entrySpec.fields.id, by: entrySpec.fields.by, text: entrySpec.fields.text, ...decisionFields },
};

const checklistRecord: Spec = {
  type: 'union', doc: d('Done or skipped.', '완료 또는 생략.'),
  of: [
    { type: 'map', required: ['done'], doc: d('Done, with when and by whom.', '완료: 언제, 누가.'),
      fields: { done: ts('When it was done.', '완료한 시각.'), by: handle('Who did it.', '한 사람.'), note: text('A note.', '메모.') } },
    { type: 'map', required: ['skipped'], doc: d('Skipped, with the reason.', '생략: 이유와 함께.'),
      fields: { skipped: text('Why it was skipped.', '생략한 이유.'), by: handle('Who decided.', '결정한 사람.') } },
  ],
};

export const incidentSpec: MapSpec = {
  type: 'map', doc: d('An incident log.', '장애 기록.'),
  required: ['incident', 'title', 'service', 'severity', 'status', 'timeline'],
  fields: {
    incident: { type: 'string', format: 'id', pattern: INCIDENT_ID, doc: d('Incident id, unique in the workspace.', '워크스페이스에서 고유한 장애 id.') },
    title: text('One line.', '한 줄 제목.'),
    service: text('What users saw fail.', '사용자가 장애를 겪은 서비스.'),
    severity: { type: 'string', enumFrom: 'severities', doc: d('SEV1 (worst) to SEV4.', '심각도: SEV1(가장 심각) ~ SEV4.') },
    status: { type: 'string', enum: STATUSES, doc: d('The phase the incident is in.', '장애 대응 단계.') },
    timezone: { type: 'string', format: 'zone', doc: d('IANA zone; timestamps without an offset are read in it.', 'IANA 시간대. 오프셋 없는 시각은 이 시간대로 읽습니다.') },
    language: { type: 'string', enum: ['ko', 'en'], doc: d('Language of the generated postmortem.', '생성할 회고 문서의 언어.') },
    summary: text('A paragraph.', '요약 문단.'),
    people: { type: 'map', fields: {}, values: person, doc: d('Roster: handle → person; merged over the workspace roster.', '명단: 핸들 → 사람. 워크스페이스 명단 위에 합쳐집니다.') },
    roles: { type: 'map', fields: {}, values: handle('A roster handle.', '명단의 핸들.'), doc: d('Role → handle: at least `commander`.', '역할 → 핸들. 최소한 `commander`.') },
    impact: {
      type: 'map', doc: d('What users lost, and when.', '사용자 영향과 그 기간.'),
      fields: {
        start: ts('When users were first affected.', '영향이 시작된 시각.'), end: ts('When users stopped being affected.', '영향이 끝난 시각.'),
        users: { type: 'union', of: [text('', ''), { type: 'number', doc: d('', '') }], doc: d('How many users were affected.', '영향을 받은 사용자 수.') },
        regions: strings('Regions affected.', '영향을 받은 지역.'),
        data_loss: { type: 'union', of: [{ type: 'boolean', doc: d('', '') }, text('', '')], doc: d('Whether data was lost.', '데이터 유실 여부.') },
        summary: text('What users saw.', '사용자가 겪은 일.'),
      },
    },
    maintenance: { type: 'list', items: windowSpec, doc: d('Maintenance windows: what the clocks count.', '점검 시간대 목록: 시계가 세는 구간.') },
    timeline: { type: 'list', items: entrySpec, doc: d('Entries in time order.', '시간순 타임라인 항목.') },
    decisions: { type: 'list', items: decisionSpec, doc: d('Decisions, if not kept as timeline entries.', '타임라인 대신 따로 적은 결정 목록.') },
    causes: { type: 'list', doc: d('Causes, each linked to the entries it explains.', '원인 목록. 각 원인이 설명하는 항목과 연결됩니다.'),
      items: { type: 'map', required: ['text'], fields: { text: text('The cause.', '원인.'), refs }, doc: d('A cause.', '원인.') } },
    lessons: { type: 'map', doc: d('Looking back.', '돌아보며.'), fields: {
      went_well: strings('What went well.', '잘한 것.'), went_wrong: strings('What went wrong.', '아쉬웠던 것.'), lucky: strings('Where we were lucky.', '운이 좋았던 것.') } },
    action_items: { type: 'list', doc: d('Follow-ups.', '후속 조치.'), items: {
      type: 'map', required: ['id', 'title'], doc: d('A follow-up.', '후속 조치.'),
      fields: {
        id: { type: 'string', format: 'id', doc: d('Action item id.', '후속 조치 id.') }, title: text('What will change.', '바뀔 내용.'),
        owner: handle('Who owns it.', '담당자.'), due: { type: 'string', format: 'date', doc: d('Due date.', '기한.') },
        status: { type: 'string', enum: ACTION_STATUSES, doc: d('Progress.', '진행 상태.') }, refs,
      } } },
    checklist: { type: 'map', fields: {}, values: checklistRecord, doc: d('Checklist item id → done or skipped.', '체크리스트 항목 id → 완료 또는 생략.') },
    runbooks: { type: 'list', items: { type: 'string', format: 'path', doc: d('A workspace-relative path.', '워크스페이스 기준 경로.') }, doc: d('Runbooks used.', '사용한 런북.') },
  },
};
