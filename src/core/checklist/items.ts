// The checklist items a log is held to: the spec's built-in minimum, then the team's own from
// `.incident-command.yaml`. The built-ins encode the steps whose skipping cost the seeds' teams
// their worst hours (no snapshot before changing state, no admission limit when 30 hours of
// waiting players returned at once), so a team can add items but not redefine these.
import type { ChecklistItemDef, Config } from '../config';
import { asMap, parseSource, SourceFile } from '../source';
import { listOfMaps, str } from '../model/fields';
import type { Span } from '../text';

export type ChecklistTrigger = ChecklistItemDef['trigger'];

/** The phases in the order an incident goes through them; the tree view groups by these. */
export const PHASES: readonly ChecklistTrigger[] = ['maintenance-start', 'open-window', 'before-end', 'resolved'];

const builtIn = (id: string, trigger: ChecklistTrigger, en: string, ko: string): ChecklistItemDef =>
  ({ id, trigger, text: { en, ko }, builtIn: true });

export const BUILT_IN_ITEMS: readonly ChecklistItemDef[] = [
  builtIn('roles-assigned', 'maintenance-start', 'commander, comms and scribe are named', '지휘자, 공지 담당, 기록 담당을 정했습니까?'),
  builtIn('user-notice', 'maintenance-start', 'users told, with an expected end', '사용자에게 예상 종료 시각과 함께 알렸습니까?'),
  builtIn('state-snapshot', 'maintenance-start', 'state saved before anything is changed (backup, foreground save)', '무엇이든 바꾸기 전에 상태를 저장했습니까? (백업, 포그라운드 저장)'),
  builtIn('vendor-contact', 'maintenance-start', 'support cases opened with the vendors involved', '관련 벤더에 지원 요청을 열었습니까?'),
  builtIn('status-update', 'open-window', 'a `communication` within the cadence', '공지 주기 안에 `communication` 항목을 남겼습니까?'),
  builtIn('announced-end', 'open-window', 'announced end passed: post a new expected end', '공지한 종료 시각이 지났습니다. 새 예상 종료 시각을 공지했습니까?'),
  builtIn('data-verified', 'before-end', 'restored or moved data checked against the source', '복구하거나 옮긴 데이터를 원본과 대조했습니까?'),
  builtIn('capacity-headroom', 'before-end', 'disk, memory and connection headroom for the return surge', '돌아오는 트래픽을 견딜 디스크, 메모리, 연결 여유가 있습니까?'),
  builtIn('replication-caught-up', 'before-end', 'replicas and caches caught up before traffic returns', '트래픽이 돌아오기 전에 복제본과 캐시가 따라잡았습니까?'),
  builtIn('reopen-admission', 'before-end', 'a queue or admission limit for the users who return at once', '한꺼번에 돌아오는 사용자를 위한 대기열이나 입장 제한이 있습니까?'),
  builtIn('monitoring-watch', 'before-end', 'someone is watching dashboards and logs as traffic returns', '트래픽이 돌아오는 동안 대시보드와 로그를 지켜보는 사람이 있습니까?'),
  builtIn('action-items-owned', 'resolved', 'every action item has an owner and a due date', '모든 후속 조치에 담당자와 기한이 있습니까?'),
  builtIn('postmortem-drafted', 'resolved', 'a postmortem exists for this incident', '이 장애의 포스트모템 초안이 있습니까?'),
];

const BUILT_IN_IDS = new Set(BUILT_IN_ITEMS.map((i) => i.id));

/**
 * The items in force for a workspace: built-ins first, then team items in file order. An id
 * defined twice keeps its first definition; the config file reports the second.
 */
export function checklistItems(config: Pick<Config, 'checklists'>): ChecklistItemDef[] {
  const out = [...BUILT_IN_ITEMS];
  const seen = new Set(BUILT_IN_IDS);
  for (const item of config.checklists) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    out.push(item);
  }
  return out;
}

/** Every id a `checklist/<id>` rule id or a `checklist:` record may name. */
export function checklistIds(config: Pick<Config, 'checklists'>): string[] {
  return checklistItems(config).map((i) => i.id);
}

export interface DuplicateDefinition {
  id: string;
  /** The `id` value of the later definition. */
  span: Span;
  /** Where the kept definition is: built in, or the line of the earlier team item. */
  first: { builtIn: true } | { builtIn: false; span: Span };
}

/** Ids defined twice in a config file's `checklists:`, read from its text so each has a place. */
export function duplicateDefinitions(config: SourceFile | string): DuplicateDefinition[] {
  const src = typeof config === 'string' ? parseSource(config, '.incident-command.yaml', 'config') : config;
  const root = asMap(src.doc.contents);
  const firstAt = new Map<string, Span>();
  const out: DuplicateDefinition[] = [];
  for (const { node } of listOfMaps(root, 'checklists')) {
    const id = str(node, 'id');
    if (!id) continue;
    if (BUILT_IN_IDS.has(id.value)) out.push({ id: id.value, span: id.span, first: { builtIn: true } });
    else if (firstAt.has(id.value)) out.push({ id: id.value, span: id.span, first: { builtIn: false, span: firstAt.get(id.value)! } });
    else firstAt.set(id.value, id.span);
  }
  return out;
}

export function isBuiltInId(id: string): boolean { return BUILT_IN_IDS.has(id); }
