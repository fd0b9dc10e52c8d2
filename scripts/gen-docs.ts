// Fills the generated block of each docs/rules/<id>.md from rule metadata, writes a stub for a
// rule with no page, and writes the index docs/rules/README.md: `npm run docs`.
// test/core/docs.test.ts fails when a page or the index differs from what this would write.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../src/core/rules';
import type { Rule } from '../src/core/rules/types';
import { repoRoot } from './gen-schemas';

export const BEGIN = '<!-- generated -->';
export const END = '<!-- /generated -->';
/** The hand-written sections every rule page needs, in this order. */
export const HAND_SECTIONS = ['What it finds', 'Why it matters in an incident', 'Bad', 'Good'];
export const STUB_TEXT = '_To be written._';

const KIND_NAMES: Record<string, { en: string; ko: string }> = {
  incident: { en: 'incident logs', ko: '장애 기록' },
  runbook: { en: 'runbooks', ko: '런북' },
  config: { en: 'workspace config', ko: '워크스페이스 설정' },
};

const appliesTo = (rule: Rule, lang: 'en' | 'ko'): string => rule.appliesTo.map((k) => KIND_NAMES[k][lang]).join(', ');

const KIND_FILES: Record<string, string> = { incident: '`*.incident.yaml`', runbook: '`*.runbook.yaml`', config: '`.incident-command.yaml`' };
const exampleFiles = (rule: Rule): string => rule.appliesTo.map((k) => KIND_FILES[k]).join(', ');

/** The block between the markers, markers included. */
export function generatedBlock(rule: Rule): string {
  const other = rule.defaultLevel === 'error' ? 'warning' : 'error';
  const fixable = rule.fixable
    ? 'Yes: the editor offers quick fixes; `incident-command lint --fix` applies the safe ones.'
    : 'No.';
  const fixableKo = rule.fixable
    ? '예. 편집기에서 빠른 수정을 제안하며, `incident-command lint --fix`는 안전한 수정을 적용합니다.'
    : '아니요.';
  const lines = [
    BEGIN,
    '',
    `> ${rule.description.en}`,
    '>',
    `> ${rule.description.ko}`,
    '',
    '| | |',
    '|---|---|',
    `| Rule id | \`${rule.id}\` |`,
    `| Applies to / 대상 | ${appliesTo(rule, 'en')} / ${appliesTo(rule, 'ko')} |`,
    `| Default level / 기본 수준 | ${rule.defaultLevel} |`,
    `| Fixable / 자동 수정 | ${fixable}<br>${fixableKo} |`,
    '',
    '### Configure / 설정',
    '',
    'Change the level, or turn the rule off, in `.incident-command.yaml` (levels: `error`, `warning`, `info`, `off`).',
    '`.incident-command.yaml`에서 수준을 바꾸거나 규칙을 끌 수 있습니다 (`error`, `warning`, `info`, `off`).',
    '',
    '```yaml',
    'rules:',
    `  ${rule.id}: ${other}`,
    '```',
    '',
    'Silence one finding with a comment on the line before it, or at the end of its line:',
    '한 곳만 끄려면 바로 윗줄이나 그 줄 끝에 주석을 답니다.',
    '',
    '```yaml',
    `# incident-command-disable-next-line ${rule.id}`,
    '<the line with the finding>',
    `<the line with the finding>  # incident-command-disable-line ${rule.id}`,
    '```',
    '',
    `Files this applies to / 적용 파일: ${exampleFiles(rule)}.`,
    '',
    END,
  ];
  return lines.join('\n');
}

/** A new page: the generated block and the hand-written sections still to be filled in. */
export function stubPage(rule: Rule): string {
  const sections = HAND_SECTIONS.flatMap((h) => [`## ${h}`, '', STUB_TEXT, '']);
  return [`# \`${rule.id}\``, '', generatedBlock(rule), '', ...sections].join('\n');
}

/** The page with its generated block replaced; undefined when the markers are missing or out of order. */
export function withGeneratedBlock(page: string, rule: Rule): string | undefined {
  const start = page.indexOf(BEGIN);
  const end = page.indexOf(END, start + BEGIN.length);
  if (start < 0 || end < 0) return undefined;
  // Keep the page's own line breaks: a CRLF page stays CRLF.
  const eol = page.includes('\r\n') ? '\r\n' : '\n';
  return page.slice(0, start) + generatedBlock(rule).replace(/\n/g, eol) + page.slice(end + END.length);
}

/** Hand-written sections that are missing, or still hold only the stub text. */
export function missingSections(page: string): string[] {
  const outside = page.replace(new RegExp(`${BEGIN}[\\s\\S]*?${END}`), '');
  return HAND_SECTIONS.filter((h) => {
    const m = new RegExp(`^##\\s+${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$([\\s\\S]*?)(?=^##\\s|(?![\\s\\S]))`, 'mi').exec(outside);
    if (!m) return true;
    const body = m[1].trim();
    return body === '' || body === STUB_TEXT;
  });
}

export function indexPage(rules: readonly Rule[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const row = (r: Rule) =>
    `| [\`${r.id}\`](${r.id}.md) | ${appliesTo(r, 'en')} | ${r.defaultLevel} | ${r.fixable ? 'yes' : ''} | ${esc(r.description.en)} | ${esc(r.description.ko)} |`;
  return [
    '# Rules / 규칙',
    '',
    '<!-- Written by `npm run docs` from rule metadata; edit the rules, not this file. -->',
    '',
    'Every rule can be set to `error`, `warning`, `info` or `off` under `rules:` in `.incident-command.yaml`,',
    'and silenced for one line with `# incident-command-disable-next-line <rule-id>`.',
    '',
    '모든 규칙은 `.incident-command.yaml`의 `rules:`에서 `error`, `warning`, `info`, `off`로 바꿀 수 있고,',
    '`# incident-command-disable-next-line <rule-id>` 주석으로 한 줄만 끌 수 있습니다.',
    '',
    '| Rule | Applies to | Level | Fixable | Description | 설명 |',
    '|---|---|---|---|---|---|',
    ...rules.map(row),
    '',
  ].join('\n');
}

export function docsDir(): string { return path.join(repoRoot(), 'docs', 'rules'); }

function main(): void {
  const dir = docsDir();
  fs.mkdirSync(dir, { recursive: true });
  const write = (file: string, text: string, what: string): void => {
    const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (old === text) return;
    fs.writeFileSync(file, text);
    console.log(`${what} ${path.relative(repoRoot(), file)}`);
  };
  let problems = 0;
  for (const rule of allRules) {
    const file = path.join(dir, `${rule.id}.md`);
    if (!fs.existsSync(file)) { write(file, stubPage(rule), 'created stub'); continue; }
    const page = fs.readFileSync(file, 'utf8');
    const next = withGeneratedBlock(page, rule);
    if (next === undefined) {
      console.error(`${path.relative(repoRoot(), file)}: no ${BEGIN} … ${END} block; add the two markers where the generated part goes.`);
      problems++;
      continue;
    }
    write(file, next, 'updated');
  }
  write(path.join(dir, 'README.md'), indexPage(allRules), 'wrote');
  if (problems) process.exitCode = 1;
}

if (require.main === module) main();
