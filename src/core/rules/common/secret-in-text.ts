// Credentials pasted into a log or a runbook under pressure ("here's the DSN, try it"). Files
// like these are committed, shared and turned into postmortems, so a secret in one is leaked.
// The message names the kind of secret and never repeats it.
import { isScalar } from 'yaml';
import type { Node, Scalar } from 'yaml';
import type { LocalText } from '../../config';
import { spanInScalar } from '../../danger';
import { keyName } from '../../source';
import { ScanMemo, scanScalars } from './scan';
import type { Span } from '../../text';
import type { Rule } from '../types';

interface Detector { kind: LocalText; re: RegExp; group?: number; accept?: (secret: string, m: RegExpExecArray) => boolean }

const k = (en: string, ko: string): LocalText => ({ en, ko });
const notExample = (s: string): boolean => !/EXAMPLE/i.test(s);

// Each expression may start at many places of a 1 MB line, so none may scan far from a start
// that fails: JWTs start a word (not `\b`, which `-` satisfies), schemes are short.
const DETECTORS: Detector[] = [
  { kind: k('a private key', '개인 키'), re: /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----(?:[\s\S]*?-----END \1PRIVATE KEY-----|[\s\S]*$)/g,
    accept: (s) => (s.replace(/-----[^-]+-----/g, '').match(/[A-Za-z0-9+/=]/g) ?? []).length >= 40 },
  { kind: k('an AWS access key id', 'AWS 액세스 키 ID'), re: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, accept: notExample },
  { kind: k('an AWS secret access key', 'AWS 비밀 액세스 키'), re: /\baws_?secret(?:_?access)?_?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi, group: 1, accept: notExample },
  { kind: k('a GitHub token', 'GitHub 토큰'), re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/g },
  { kind: k('a Slack token', 'Slack 토큰'), re: /\bxox[baprs]-[A-Za-z0-9-]{10,}/g },
  { kind: k('a Google API key', 'Google API 키'), re: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: k('a bearer token', 'Bearer 토큰'), re: /\bbearer\s+([A-Za-z0-9._~+/-]{20,}=*)/gi, group: 1, accept: (s) => /\d/.test(s) || (/[a-z]/.test(s) && /[A-Z]/.test(s)) },
  { kind: k('a JSON Web Token', 'JWT 토큰'), re: /(?<![\w-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { kind: k('a password in a connection string', '접속 문자열 안의 비밀번호'), re: /\b[a-z][a-z0-9+.-]{0,31}:\/\/[^\s:/@'"]+:([^\s@/'"]+)@/gi, group: 1, accept: (s) => !isPlaceholderSecret(s) },
  { kind: k('a password', '비밀번호'), re: /\b(?:password|passwd|pwd|pass|secret|api[_-]?key|access[_-]?token|auth[_-]?token)\s*([=:])(\s*)(<[^<>\n]*>|\$\{[^}\n]*\}|\{\{[^}\n]*\}\}|"[^"\n]*"|'[^'\n]*'|[^\s,;&'"]+)/gi, group: 3,
    accept: (s, m) => {
      const v = s.replace(/^["']|["']$/g, '');
      if (v.length < 3 || isPlaceholderSecret(v)) return false;
      // `password: rotated yesterday` is prose; a secret has a digit, a symbol or mixed case.
      if (m[1] === ':' && m[2] && /^[\p{Ll}\p{Lo}]+$/u.test(v)) return false;
      return true;
    } },
];

const SECRET_KEYS = /^(?:password|passwd|pwd|secret|api[_-]?key|token|access[_-]?token|auth[_-]?token|client[_-]?secret|private[_-]?key)$/i;

/** `<from vault>`, `${DB_PASSWORD}`, `$PW`, `{{ pw }}`, `****`, `xxx`, `redacted`: not a secret. */
export function isPlaceholderSecret(value: string): boolean {
  const v = value.trim().replace(/^["']|["']$/g, '');
  return /^(?:<[^<>]*>|\$\{[^}]*\}|\$[A-Za-z_]\w*|\{\{[^}]*\}\}|%\([^)]*\)s|\*+|•+|x+|X+|\.{3,}|…|-+|\[[^\]]*\])$/.test(v)
    || /^(?:changeme|redacted|hidden|masked|secret|password|example|none|null|empty|unset|n\/a)$/i.test(v)
    || /EXAMPLE/.test(v);
}

export interface SecretHit { start: number; end: number; kind: LocalText }

// Every detector needs one of these words; one search for them rules out almost every string
// of a log, where running each detector on it cost most of the analysis of a first open.
const MAYBE_SECRET = /-----BEGIN|AKIA|ASIA|aws_?secret|gh[pousr]_|github_pat_|xox[baprs]-|AIza|bearer|eyJ|:\/\/|pwd|pass|secret|api[_-]?key|access[_-]?token|auth[_-]?token/i;
const NONE: readonly SecretHit[] = Object.freeze([]);

/** Secrets in one string, as offsets into it, without overlaps (the first detector wins). */
export function findSecrets(text: string): readonly SecretHit[] {
  if (!MAYBE_SECRET.test(text)) return NONE;
  const hits: SecretHit[] = [];
  for (const d of DETECTORS) {
    d.re.lastIndex = 0;
    for (let m = d.re.exec(text); m; m = d.re.exec(text)) {
      if (m[0].length === 0) { d.re.lastIndex++; continue; }
      const secret = d.group ? m[d.group] : m[0];
      if (secret === undefined || (d.accept && !d.accept(secret, m))) continue;
      const start = d.group ? m.index + m[0].lastIndexOf(secret) : m.index;
      const end = start + secret.length;
      if (hits.some((h) => start < h.end && h.start < end)) continue;
      hits.push({ start, end, kind: d.kind });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

const memo = new ScanMemo();

export const secretInText: Rule = {
  id: 'secret-in-text',
  appliesTo: ['incident', 'runbook'],
  defaultLevel: 'error',
  fixable: false,
  description: { en: 'Something that looks like a credential (cloud keys, tokens, passwords).', ko: '자격 증명으로 보이는 값 (클라우드 키, 토큰, 비밀번호).' },
  check({ file, report }) {
    let emit = report;
    const say = (span: Span, kind: LocalText): void => emit({
      span,
      message: {
        en: `This looks like ${kind.en}. Treat it as leaked: rotate it, delete it from this file, and reference a secret store instead (e.g. \${DB_PASSWORD} or <from vault>).`,
        ko: `${kind.ko}로 보이는 값이 있습니다. 이미 유출된 것으로 보고 교체(rotate)한 뒤 파일에서 지우고, 대신 비밀 저장소를 가리키십시오 (예: \${DB_PASSWORD}, <from vault>).`,
      },
    });
    const reported = new Set<Scalar>();
    scanScalars(file.doc.contents, memo, (node, isKey, pair, out) => {
      emit = out;
      if (typeof node.value !== 'string' || reported.has(node)) return;
      const name = !isKey && pair ? keyName(pair) : undefined;
      if (name && SECRET_KEYS.test(name)) {
        const value = node.value.trim();
        // A sentence ("kept in vault") is a note about the secret, not the secret.
        if (!(value.length < 3 || /\s/.test(value) || isPlaceholderSecret(value) || findSecrets(node.value).length)) {
          const r = (node as Node).range;
          if (r) { reported.add(node); say([r[0], r[1]], k('a password', '비밀번호')); return; }
        }
      }
      for (const hit of findSecrets(node.value)) say(spanInScalar(file.text, node, node.value, hit.start, hit.end), hit.kind);
    }, report);
  },
};
