import { d, MapSpec, Spec } from './types';

export const RUNBOOK_KINDS = ['maintenance', 'mitigation', 'recovery', 'routine'] as const;
export const STEP_KINDS = ['action', 'communication', 'check', 'wait'] as const;

const text = (en: string, ko: string): Spec => ({ type: 'string', doc: d(en, ko) });
const duration = (en: string, ko: string): Spec => ({ type: 'string', format: 'duration', doc: d(en, ko) });

export const stepSpec: MapSpec = {
  type: 'map', required: ['id', 'title'], doc: d('A step.', '단계.'),
  fields: {
    id: { type: 'string', format: 'id', doc: d('Step id, unique in the runbook.', '런북 안에서 고유한 단계 id.') },
    title: text('What the step does.', '단계에서 하는 일.'),
    role: { type: 'string', doc: d('The role that carries it out (one of `roles`).', '수행하는 역할 (`roles` 중 하나).') },
    kind: { type: 'string', enum: STEP_KINDS, doc: d('`action` (default), `communication`, `check` or `wait`.', '`action`(기본), `communication`, `check`, `wait`.') },
    run: text('The command to run by hand. Nothing in this product ever runs it.', '손으로 실행할 명령. 이 제품은 절대 실행하지 않습니다.'),
    verify: text('How to tell the step worked.', '단계가 성공했는지 확인하는 방법.'),
    rollback: text('How to undo it.', '되돌리는 방법.'),
    timeout: duration('When to give up and roll back.', '포기하고 되돌릴 시한.'),
    estimate: duration('How long it should take.', '예상 소요 시간.'),
    danger: { type: 'boolean', doc: d('Acknowledges a destructive step.', '파괴적인 단계임을 확인합니다.') },
    approval: { type: 'string', doc: d('The role that must approve it.', '승인해야 하는 역할.') },
    after: { type: 'union', of: [{ type: 'list', items: { type: 'string', format: 'id', doc: d('A step id.', '단계 id.') }, doc: d('', '') }, { type: 'string', format: 'id', doc: d('', '') }],
      doc: d('Steps that must come first.', '먼저 끝나야 하는 단계.') },
    notes: text('Anything else.', '기타 메모.'),
  },
};

export const runbookSpec: MapSpec = {
  type: 'map', required: ['runbook', 'title', 'steps'], doc: d('A runbook.', '런북.'),
  fields: {
    runbook: { type: 'string', format: 'id', pattern: '^[a-z0-9][a-z0-9._-]*$', doc: d('Runbook id.', '런북 id.') },
    title: text('What the runbook is for.', '런북의 목적.'),
    service: text('The service it acts on.', '대상 서비스.'),
    owner: text('Handle or team that keeps it.', '관리하는 사람이나 팀.'),
    kind: { type: 'string', enum: RUNBOOK_KINDS, doc: d('maintenance, mitigation, recovery or routine.', 'maintenance, mitigation, recovery, routine 중 하나.') },
    window: duration('Expected length of the maintenance it needs.', '필요한 점검 시간.'),
    roles: { type: 'list', items: text('A role.', '역할.'), doc: d('Roles the steps may name.', '단계에서 쓸 수 있는 역할.') },
    preconditions: { type: 'list', doc: d('What must hold before starting.', '시작 전 조건.'),
      items: { type: 'map', required: ['text'], doc: d('A precondition.', '사전 조건.'), fields: { text: text('The condition.', '조건.'), verify: text('How to check it.', '확인 방법.') } } },
    steps: { type: 'list', items: stepSpec, doc: d('The steps, in order.', '순서대로 적은 단계.') },
  },
};
