// The lint pipeline: parse once, read the model once, run every enabled rule, then apply
// config levels and disable comments. Editor and CLI both call `analyze`.
import type { Config, Lang, Level, LevelSetting } from './config';
import { disableLine, DisabledLines, multilineScalars, readDirectives } from './disable';
import { Incident, readIncident } from './model/incident';
import { readRunbook, Runbook } from './model/runbook';
import { allRules, ruleById, knownRuleIds } from './rules';
import type { Finding, Fix, LintOptions, Report, Rule, RuleContext } from './rules/types';
import type { SegmentCache } from './incremental';
import type { TextEdit } from './text';
import { fileKindOf, FileKind, parseSource, SourceFile } from './source';
import { ruleGuesser, unknownRuleReport } from './rules/common/unknown-rule';

export interface Analysis {
  file: SourceFile;
  incident?: Incident;
  runbook?: Runbook;
  findings: Finding[];
  /** The instant the analysis took as "now"; features computed with it reuse the rules' work. */
  now?: number;
}

export function analyzeText(text: string, fileName: string, config: Config, options: LintOptions = {}, kind?: FileKind, cache?: SegmentCache): Analysis {
  const k = kind ?? fileKindOf(fileName) ?? 'incident';
  if (text.length > config.maxFileSize) {
    const file = parseSource('', fileName, k);
    return { file: { ...file, text }, findings: [tooLarge(text.length, config.maxFileSize, options.lang ?? 'en')] };
  }
  return analyze(parseSource(text, fileName, k, cache), config, options);
}

export function analyze(file: SourceFile, config: Config, options: LintOptions = {}): Analysis {
  const lang: Lang = options.lang ?? 'en';
  const now = options.now ?? Date.now();
  const broken = file.yamlErrors.length > 0;
  const incident = file.kind === 'incident' && !broken ? readIncident(file, config) : undefined;
  const runbook = file.kind === 'runbook' && !broken ? readRunbook(file) : undefined;
  const directives = readDirectives(file.text, file.lines);
  const disabled = new DisabledLines(directives);
  const scalars = directives.length ? multilineScalars(file) : [];
  const findings: Finding[] = [];
  // With a lone CR in the file, the editor's lines and yaml's lines differ (see hasLoneCR): a fix
  // that writes or removes a line break could land inside what yaml reads as one line. Only the
  // fix that replaces those CRs is offered then; fixes within a line stay.
  const loneCR = file.lines.hasLoneCR;
  const fixFits = (rule: Rule, f: Fix): boolean => !loneCR || rule.id === 'yaml-syntax'
    || f.edits.every((e) => !/[\r\n]/.test(e.newText) && !/[\r\n]/.test(file.text.slice(e.span[0], e.span[1])));

  const push = (rule: Rule, r: Report): void => {
    const ruleId = r.ruleId ?? rule.id;
    const level = levelOf(config, ruleId, r.level ?? rule.defaultLevel);
    if (level === 'off') return;
    const range = file.lines.range(r.span);
    if (directives.length && disabled.has(disableLine(scalars, range.start.line), ruleId)) return;
    // Spans may be live node ranges (see spanOf); a finding keeps a copy fixed to this text.
    findings.push({
      ruleId, level, message: r.message[lang], span: [r.span[0], r.span[1]], range,
      fixes: (r.fixes ?? []).filter((f) => fixFits(rule, f)).map((f) => copyFix(f, lang)),
    });
  };

  for (const rule of allRules) {
    if (!rule.appliesTo.includes(file.kind)) continue;
    if (broken && !rule.onBrokenYaml) continue;
    if (levelOf(config, rule.id, rule.defaultLevel) === 'off' && !rule.id.startsWith('checklist')) continue;
    const ctx: RuleContext = { file, config, incident, runbook, now, fileExists: options.fileExists, report: (r) => push(rule, r) };
    try {
      rule.check(ctx);
    } catch (e) {
      // A rule's bug must cost one finding, never the whole file or the server.
      push(rule, { span: [0, 0], level: 'info', message: { en: `Rule ${rule.id} failed: ${String(e)}`, ko: `규칙 ${rule.id} 실행 실패: ${String(e)}` } });
    }
  }

  // Built only for a file with disable comments: most files have none.
  let known: Set<string> | undefined;
  let guess: ((id: string) => string | undefined) | undefined;
  const unknownRule = ruleById('unknown-rule');
  for (const d of directives) {
    for (const { id, span } of d.ids) {
      known ??= knownRuleIds(config);
      guess ??= ruleGuesser(known);
      if (!known.has(id) && unknownRule) push(unknownRule, unknownRuleReport(id, span, known, guess));
    }
  }
  findings.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { file, incident, runbook, findings, now };
}

const copyEdit = (e: TextEdit): TextEdit => ({ span: [e.span[0], e.span[1]] as const, newText: e.newText });

/**
 * A fix fixed to this text. A fix whose edits are a getter is written when first asked for
 * (see timeline-order) and stays lazy here; the state it reads is this analysis's.
 */
function copyFix(f: Fix, lang: Lang): Finding['fixes'][number] {
  if (!Object.getOwnPropertyDescriptor(f, 'edits')?.get) return { title: f.title[lang], safe: f.safe, edits: f.edits.map(copyEdit) };
  let edits: TextEdit[] | undefined;
  return { title: f.title[lang], safe: f.safe, get edits(): TextEdit[] { return (edits ??= f.edits.map(copyEdit)); } };
}

export function levelOf(config: Config, ruleId: string, fallback: Level): LevelSetting {
  const own = config.rules.get(ruleId);
  if (own) return own.level;
  const slash = ruleId.indexOf('/');
  if (slash > 0) {
    const family = config.rules.get(ruleId.slice(0, slash));
    if (family) return family.level;
  }
  return fallback;
}

function tooLarge(size: number, max: number, lang: Lang): Finding {
  const mb = (n: number) => (n / 1048576).toFixed(1);
  const message = lang === 'ko'
    ? `파일이 ${mb(size)} MB로 검사 한도 ${mb(max)} MB보다 커서 검사하지 않았습니다. 설정의 max_file_size로 한도를 바꿀 수 있습니다.`
    : `This file is ${mb(size)} MB, over the ${mb(max)} MB validation limit, so it was not checked. Raise max_file_size to check it.`;
  return { ruleId: 'file-too-large', level: 'warning', message, span: [0, 0], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes: [] };
}
