// The default output, after ESLint's "stylish": a file path, then one aligned row per finding,
// then a summary. Colour only when asked (the caller checks TTY and NO_COLOR).
import * as path from 'node:path';
import type { Lang, Level } from '../../core/config';
import type { FileResult } from '../lint-file';

export interface StylishOptions {
  color: boolean;
  lang: Lang;
  /** Paths are shown relative to this when they lie below it. */
  cwd: string;
  /** Set when --max-warnings was exceeded, to say so under the summary. */
  maxWarningsExceeded?: { max: number; found: number };
}

const MESSAGE_COLUMN_MAX = 72;
const ANSI = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1, underline: 4 } as const;
type Paint = (style: keyof typeof ANSI, s: string) => string;

const LEVEL_NAME: Record<Lang, Record<Level, string>> = {
  en: { error: 'error', warning: 'warning', info: 'info' },
  ko: { error: '오류', warning: '경고', info: '정보' },
};

/** Display width: Hangul and other wide characters take two terminal cells. */
export function displayWidth(s: string): number {
  // Every wide character and every surrogate pair lies at U+1100 or above.
  if (!NOT_NARROW.test(s)) return s.length;
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
      || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
      || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

const NOT_NARROW = /[\u1100-\uffff]/;
const pad = (s: string, width: number, has = displayWidth(s)): string => (has >= width ? s : s + ' '.repeat(width - has));

export function shownPath(filePath: string, cwd: string): string {
  const rel = path.relative(cwd, filePath);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : filePath;
}

export function formatStylish(results: readonly FileResult[], opts: StylishOptions): string {
  const paint: Paint = opts.color ? (style, s) => `\u001b[${ANSI[style]}m${s}\u001b[0m` : (_style, s) => s;
  const names = LEVEL_NAME[opts.lang];
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, fixableErrors: 0, fixableWarnings: 0 };
  for (const r of results) {
    if (!r.findings.length) continue;
    out.push('', paint('underline', shownPath(r.filePath, opts.cwd)));
    const rows = r.findings.map((f) => {
      const message = oneLine(f.message);
      return { pos: `${f.range.start.line + 1}:${f.range.start.character + 1}`, level: f.level, message, width: displayWidth(message), rule: f.ruleId };
    });
    let wPos = 0;
    let wLevel = 0;
    let wMsg = 0;
    for (const x of rows) {
      wPos = Math.max(wPos, x.pos.length);
      wLevel = Math.max(wLevel, displayWidth(names[x.level]));
      wMsg = Math.max(wMsg, x.width);
    }
    // Long messages would push every rule id off screen; past this width they just run on.
    wMsg = Math.min(MESSAGE_COLUMN_MAX, wMsg);
    for (const x of rows) {
      const colour = x.level === 'error' ? 'red' : x.level === 'warning' ? 'yellow' : 'cyan';
      out.push(`  ${paint('dim', x.pos.padStart(wPos))}  ${paint(colour, pad(names[x.level], wLevel))}  ${pad(x.message, wMsg, x.width)}  ${paint('dim', x.rule)}`);
    }
    for (const f of r.findings) {
      counts[f.level]++;
      if (f.fixes.some((fx) => fx.safe)) {
        if (f.level === 'error') counts.fixableErrors++;
        else if (f.level === 'warning') counts.fixableWarnings++;
      }
    }
  }
  const total = counts.error + counts.warning + counts.info;
  if (total > 0) {
    const colour = counts.error ? 'red' : counts.warning ? 'yellow' : 'cyan';
    out.push('', paint(colour, paint('bold', summary(counts, opts.lang))));
    if (counts.fixableErrors || counts.fixableWarnings) out.push(paint(colour, paint('bold', fixableLine(counts, opts.lang))));
  }
  if (opts.maxWarningsExceeded) {
    const { max, found } = opts.maxWarningsExceeded;
    out.push('', paint('red', opts.lang === 'ko'
      ? `경고가 너무 많습니다: ${found}개 (허용 최대 ${max}개).`
      : `Too many warnings: ${found} (maximum: ${max}).`));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

function oneLine(s: string): string { return s.includes('\n') ? s.replace(/\s*\r?\n\s*/g, ' ') : s; }

function summary(c: { error: number; warning: number; info: number }, lang: Lang): string {
  const total = c.error + c.warning + c.info;
  if (lang === 'ko') {
    const parts = [`오류 ${c.error}개`, `경고 ${c.warning}개`];
    if (c.info) parts.push(`정보 ${c.info}개`);
    return `✖ 문제 ${total}개 (${parts.join(', ')})`;
  }
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const parts = [n(c.error, 'error'), n(c.warning, 'warning')];
  if (c.info) parts.push(`${c.info} info`);
  return `✖ ${n(total, 'problem')} (${parts.join(', ')})`;
}

function fixableLine(c: { fixableErrors: number; fixableWarnings: number }, lang: Lang): string {
  if (lang === 'ko') return `  오류 ${c.fixableErrors}개와 경고 ${c.fixableWarnings}개는 \`--fix\` 옵션으로 고칠 수 있습니다.`;
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  return `  ${n(c.fixableErrors, 'error')} and ${n(c.fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`;
}
