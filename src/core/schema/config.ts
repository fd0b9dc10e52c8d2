import { d, MapSpec, Spec } from './types';
import { incidentSpec } from './incident';

export const RULE_LEVELS = ['error', 'warning', 'info', 'off'] as const;
export const TRIGGERS = ['maintenance-start', 'open-window', 'before-end', 'resolved'] as const;

const text = (en: string, ko: string): Spec => ({ type: 'string', doc: d(en, ko) });
const localized: Spec = {
  type: 'union', doc: d('Text, or `{en, ko}`.', '문구, 또는 `{en, ko}`.'),
  of: [text('', ''), { type: 'map', fields: { en: text('English.', '영어.'), ko: text('Korean.', '한국어.') }, doc: d('', '') }],
};

export const checklistItemSpec: MapSpec = {
  type: 'map', required: ['id', 'trigger', 'text'], doc: d('A team checklist item.', '팀 체크리스트 항목.'),
  fields: {
    id: { type: 'string', format: 'id', pattern: '^[a-z0-9][a-z0-9._-]*$', doc: d('Item id, recorded under `checklist:`.', '`checklist:`에 기록되는 항목 id.') },
    trigger: { type: 'string', enum: TRIGGERS, doc: d('When the item becomes due.', '항목이 필요해지는 시점.') },
    text: { ...localized, doc: d('The prompt.', '안내 문구.') },
    when: { type: 'map', doc: d('Conditions.', '조건.'), fields: {
      severity: { type: 'list', items: { type: 'string', enumFrom: 'severities', doc: d('', '') }, doc: d('Only for these severities.', '이 심각도에서만.') } } },
  },
};

export const configSpec: MapSpec = {
  type: 'map', doc: d('Workspace configuration for Incident Command.', 'Incident Command 워크스페이스 설정.'),
  fields: {
    timezone: { type: 'string', format: 'zone', doc: d('Default IANA zone for timestamps without an offset.', '오프셋 없는 시각에 쓸 기본 IANA 시간대.') },
    language: { type: 'string', enum: ['ko', 'en'], doc: d('Default postmortem language.', '회고 문서 기본 언어.') },
    severities: { type: 'list', items: text('A severity name.', '심각도 이름.'), doc: d('Severity names, worst first.', '심각도 이름 (심각한 순).') },
    people: { ...incidentSpec.fields.people, doc: d('Workspace roster.', '워크스페이스 명단.') },
    status_update_every: { type: 'string', format: 'duration', doc: d('Cadence of `communication` entries in an open window.', '점검 중 공지(`communication`) 주기.') },
    checklists: { type: 'list', items: checklistItemSpec, doc: d('Team checklist items.', '팀 체크리스트 항목.') },
    rules: { type: 'map', fields: {}, values: { type: 'string', enum: RULE_LEVELS, doc: d('Severity, or `off`.', '심각도, 또는 `off`.') }, doc: d('Severity per rule id.', '규칙별 심각도.') },
    dangerous_commands: { type: 'list', doc: d('Extra dangerous-command patterns.', '추가 위험 명령 패턴.'), items: {
      type: 'map', required: ['pattern'], doc: d('A pattern.', '패턴.'),
      fields: { pattern: text('A regular expression, matched case-insensitively.', '정규식 (대소문자 무시).'), why: text('Why it is dangerous.', '위험한 이유.') } } },
    postmortem: { type: 'map', doc: d('Postmortem output.', '회고 문서 출력.'), fields: {
      style: { type: 'string', enum: ['ndc', 'sre'], doc: d('Template style.', '템플릿 스타일.') },
      path: text('Output path pattern; `{name}` is the log name without `.incident.yaml`.', '출력 경로 패턴. `{name}`은 로그 이름입니다.') } },
    max_file_size: { type: 'number', doc: d('Files larger than this many bytes are not validated.', '이보다 큰 파일(바이트)은 검사하지 않습니다.') },
  },
};
