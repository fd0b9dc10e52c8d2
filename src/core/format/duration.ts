// Durations as people read them in a postmortem or a notice: "30시간 45분" / "30 h 45 m".
// Maintenance clocks are counted in hours ("36시간 점검"), so days are opt-in.
import type { Lang } from '../config';

export interface DurationOptions {
  /** Split off whole days ("1일 6시간 45분" / "1 d 6 h 45 m"); off by default. */
  days?: boolean;
  /** Show seconds too; by default seconds appear only for spans under a minute. */
  seconds?: boolean;
}

const UNITS: Record<Lang, { d: string; h: string; m: string; s: string; sep: string }> = {
  ko: { d: '일', h: '시간', m: '분', s: '초', sep: '' },
  en: { d: 'd', h: 'h', m: 'm', s: 's', sep: ' ' },
};

/**
 * `30시간 45분` / `30 h 45 m`. Truncates toward zero: a clock at 17 h 38 m 59 s still reads
 * "17시간 38분", as the wall clock would. Zero parts in the middle are dropped ("31시간").
 * A negative span gets a leading minus; anything not finite reads as "?".
 */
export function formatDuration(ms: number, lang: Lang, options: DurationOptions = {}): string {
  if (!Number.isFinite(ms)) return '?';
  const u = UNITS[lang] ?? UNITS.en;
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  let hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (options.days && hours >= 24) {
    parts.push(`${Math.floor(hours / 24)}${u.sep}${u.d}`);
    hours %= 24;
  }
  if (hours > 0) parts.push(`${hours}${u.sep}${u.h}`);
  if (minutes > 0) parts.push(`${minutes}${u.sep}${u.m}`);
  if (seconds > 0 && (options.seconds || total < 60)) parts.push(`${seconds}${u.sep}${u.s}`);
  if (parts.length === 0) parts.push(`0${u.sep}${options.seconds ? u.s : u.m}`);
  return sign + parts.join(' ');
}

/** "17시간 38분 경과" / "17 h 38 m elapsed". */
export function formatElapsed(ms: number, lang: Lang): string {
  const d = formatDuration(ms, lang);
  return lang === 'ko' ? `${d} 경과` : `${d} elapsed`;
}

/** The clock the teams counted in: "점검 17시간 38분 경과" / "maintenance, 17 h 38 m elapsed". */
export function formatMaintenanceElapsed(ms: number, lang: Lang): string {
  return lang === 'ko' ? `점검 ${formatElapsed(ms, 'ko')}` : `maintenance, ${formatElapsed(ms, 'en')}`;
}

/**
 * Against an announced end: "4시간 5분 초과" / "4 h 5 m over" when late,
 * "1시간 20분 남음" / "1 h 20 m left" before it, "예정 시각" / "on time" at it.
 */
export function formatOverrun(overrunMs: number, lang: Lang): string {
  if (!Number.isFinite(overrunMs)) return '?';
  if (Math.abs(overrunMs) < 60000) return lang === 'ko' ? '예정 시각' : 'on time';
  const d = formatDuration(Math.abs(overrunMs), lang);
  if (overrunMs > 0) return lang === 'ko' ? `${d} 초과` : `${d} over`;
  return lang === 'ko' ? `${d} 남음` : `${d} left`;
}

/** A running clock, "16:05:12"; hours keep counting past a day ("36:30:00"). */
export function formatStopwatch(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${Math.floor(total / 3600)}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}
