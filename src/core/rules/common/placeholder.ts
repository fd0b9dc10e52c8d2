// Words left to fill in later: TODO, TBD, FIXME, `<reason>`, xxx. In a runbook they are the step
// nobody finished writing, found at 3 a.m. Fixes elsewhere insert `<...>` placeholders on purpose
// so that this rule keeps asking for them until a person writes the real text.
import { spanInScalar } from '../../danger';
import type { Rule } from '../types';
import { ScanMemo, scanScalars } from './scan';

const WORDS = /\b(?:TODO|TBD|FIXME|XXX|xxx)\b|<[^<>\s](?:[^<>\n]{0,78}[^<>\s])?>/g;
// `password=<from vault>` says where the secret lives: that is the point, not a gap.
const SECRET_BEFORE = /(?:password|passwd|pwd|pass|secret|token|api[_-]?key)\s*[=:]\s*["']?$/i;

const NONE: readonly { start: number; end: number; word: string }[] = Object.freeze([]);

/** Placeholders in one string, as offsets into it. */
export function findPlaceholders(text: string): readonly { start: number; end: number; word: string }[] {
  let out: { start: number; end: number; word: string }[] | undefined;
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(text); m; m = WORDS.exec(text)) {
    const word = m[0];
    if (word.startsWith('<')) {
      // Addresses (`<ops@example.com>`, `<https://...>`) and shell or SQL operators are not gaps.
      if (/[@]|:\/\//.test(word) || /^<[=<-]/.test(word)) continue;
      if (SECRET_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    }
    (out ??= []).push({ start: m.index, end: m.index + word.length, word });
  }
  // Nearly every value has none: no array for those.
  return out ?? NONE;
}

const memo = new ScanMemo();

export const placeholder: Rule = {
  id: 'placeholder',
  appliesTo: ['incident', 'runbook'],
  defaultLevel: 'warning',
  fixable: false,
  description: { en: 'TODO, TBD, FIXME, `<...>` or xxx left in a value.', ko: '값에 남은 TODO, TBD, FIXME, `<...>`, xxx.' },
  check({ file, report }) {
    scanScalars(file.doc.contents, memo, (node, isKey, _pair, out) => {
      if (isKey || typeof node.value !== 'string') return;
      for (const p of findPlaceholders(node.value)) {
        out({
          span: spanInScalar(file.text, node, node.value, p.start, p.end),
          message: {
            en: `"${p.word}" is a placeholder left to fill in. Write the real text before this file is relied on.`,
            ko: `"${p.word}"은(는) 아직 채우지 않은 자리 표시입니다. 이 파일에 의지하기 전에 실제 내용을 적으십시오.`,
          },
        });
      }
    }, report);
  },
};
