// What a person reads about a checklist item: the phase it belongs to and the prompt a
// pending item shows, in both languages.
import type { Lang, LocalText } from '../config';
import type { ChecklistItemResult, ChecklistState } from './evaluate';
import type { ChecklistTrigger } from './items';

export const PHASE_LABELS: Record<ChecklistTrigger, LocalText> = {
  'maintenance-start': { en: 'Maintenance start', ko: '점검 시작' },
  'open-window': { en: 'While the window is open', ko: '점검 중' },
  'before-end': { en: 'Before the window closes', ko: '점검 종료 전' },
  resolved: { en: 'After resolution', ko: '해결 후' },
};

export const STATE_LABELS: Record<ChecklistState, LocalText> = {
  'not-due': { en: 'not due', ko: '아직 아님' },
  pending: { en: 'pending', ko: '대기' },
  done: { en: 'done', ko: '완료' },
  skipped: { en: 'skipped', ko: '건너뜀' },
};

/** The diagnostic on the entry or window that made the item due. */
export function pendingMessage(item: ChecklistItemResult): LocalText {
  const phase = PHASE_LABELS[item.trigger];
  const detail = item.detail ? { en: ` (${item.detail.en})`, ko: ` (${item.detail.ko})` } : { en: '', ko: '' };
  return {
    en: `Checklist, ${phase.en.toLowerCase()}: ${item.text.en}${detail.en}. Record checklist.${item.id} as done, or as skipped with a reason.`,
    ko: `체크리스트(${phase.ko}): ${item.text.ko}${detail.ko} checklist.${item.id}에 완료를 기록하거나, 사유와 함께 건너뜀을 기록하십시오.`,
  };
}

export function localize(t: LocalText, lang: Lang): string { return t[lang]; }
