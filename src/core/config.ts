// The workspace config, `.incident-command.yaml`. The CLI and the server both resolve it
// through `readConfig`, so the editor says exactly what CI says.
import type { YAMLMap } from 'yaml';
import { isMap } from 'yaml';
import { asMap, getPair, keyName, pairsOf, parseSource, SourceFile, spanOf } from './source';
import { dur, listOfMaps, str, strList } from './model/fields';
import type { Span } from './text';
import { isValidZone } from './time';

export type Level = 'error' | 'warning' | 'info';
export type LevelSetting = Level | 'off';
export type Lang = 'en' | 'ko';

export interface LocalText { en: string; ko: string }

export interface ChecklistItemDef {
  id: string;
  trigger: 'maintenance-start' | 'open-window' | 'before-end' | 'resolved';
  text: LocalText;
  when?: { severity?: string[] };
  builtIn: boolean;
  /** Where a team item is defined, for findings about it. */
  span?: Span;
}

export interface DangerPattern { pattern: RegExp; source: string; why?: string }

export interface Config {
  timezone?: string;
  language?: Lang;
  severities: string[];
  people: Map<string, { name?: string; team?: string; contact?: string }>;
  statusUpdateEveryMs: number;
  checklists: ChecklistItemDef[];
  rules: Map<string, { level: LevelSetting; span?: Span }>;
  dangerousCommands: DangerPattern[];
  postmortem: { style?: 'ndc' | 'sre'; path?: string };
  maxFileSize: number;
  /** The file it was read from, if any. */
  path?: string;
}

export const DEFAULT_SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

export function defaultConfig(): Config {
  return {
    severities: [...DEFAULT_SEVERITIES], people: new Map(), statusUpdateEveryMs: 60 * 60000, checklists: [],
    rules: new Map(), dangerousCommands: [], postmortem: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE,
  };
}

/** Reads a config file's text. Problems in it are reported by linting the file itself (kind `config`). */
export function readConfig(text: string, path?: string): { config: Config; source: SourceFile } {
  const source = parseSource(text, path ?? '.incident-command.yaml', 'config');
  const config = defaultConfig();
  config.path = path;
  const root = asMap(source.doc.contents);
  if (!root) return { config, source };
  const tz = str(root, 'timezone')?.value;
  if (tz && isValidZone(tz)) config.timezone = tz;
  const lang = str(root, 'language')?.value;
  if (lang === 'en' || lang === 'ko') config.language = lang;
  const sev = strList(root, 'severities').map((s) => s.value);
  if (sev.length) config.severities = sev;
  for (const pair of pairsOf(asMap(getPair(root, 'people')?.value))) {
    const handle = keyName(pair);
    const m = isMap(pair.value) ? pair.value : undefined;
    if (handle) config.people.set(handle, { name: str(m, 'name')?.value, team: str(m, 'team')?.value, contact: str(m, 'contact')?.value });
  }
  const cadence = dur(root, 'status_update_every')?.ms;
  if (cadence && cadence > 0) config.statusUpdateEveryMs = cadence;
  for (const { node, span } of listOfMaps(root, 'checklists')) {
    const item = readChecklistItem(node, span);
    if (item) config.checklists.push(item);
  }
  for (const pair of pairsOf(asMap(getPair(root, 'rules')?.value))) {
    const id = keyName(pair);
    const level = str(asMap(root.get('rules', true)), id ?? '')?.value;
    if (id && (level === 'error' || level === 'warning' || level === 'info' || level === 'off')) {
      config.rules.set(id, { level, span: spanOf(pair.key) });
    } else if (id) {
      config.rules.set(id, { level: 'error', span: spanOf(pair.key) });
    }
  }
  for (const { node } of listOfMaps(root, 'dangerous_commands')) {
    const pattern = str(node, 'pattern')?.value;
    const re = pattern ? safeRegExp(pattern) : undefined;
    if (pattern && re) config.dangerousCommands.push({ pattern: re, source: pattern, why: str(node, 'why')?.value });
  }
  const pm = asMap(getPair(root, 'postmortem')?.value);
  const style = str(pm, 'style')?.value;
  if (style === 'ndc' || style === 'sre') config.postmortem.style = style;
  const pmPath = str(pm, 'path')?.value;
  if (pmPath) config.postmortem.path = pmPath;
  const max = getPair(root, 'max_file_size')?.value;
  const maxValue = max && 'value' in max ? (max as { value: unknown }).value : undefined;
  if (typeof maxValue === 'number' && maxValue > 0) config.maxFileSize = maxValue;
  return { config, source };
}

function readChecklistItem(node: YAMLMap, span: Span): ChecklistItemDef | undefined {
  const id = str(node, 'id')?.value;
  const trigger = str(node, 'trigger')?.value;
  if (!id || !trigger || !['maintenance-start', 'open-window', 'before-end', 'resolved'].includes(trigger)) return undefined;
  const plain = str(node, 'text')?.value;
  const local = asMap(getPair(node, 'text')?.value);
  const en = plain ?? str(local, 'en')?.value ?? str(local, 'ko')?.value;
  const ko = plain ?? str(local, 'ko')?.value ?? en;
  if (!en || !ko) return undefined;
  const severity = strList(asMap(getPair(node, 'when')?.value), 'severity').map((s) => s.value);
  return {
    id, trigger: trigger as ChecklistItemDef['trigger'], text: { en, ko }, builtIn: false, span,
    when: severity.length ? { severity } : undefined,
  };
}

/** A user's pattern as a case-insensitive RegExp; undefined when it does not compile. */
export function safeRegExp(pattern: string): RegExp | undefined {
  try { return new RegExp(pattern, 'i'); } catch { return undefined; }
}

/** Overrides from editor settings, laid over the file's rules. */
export function withRuleOverrides(config: Config, overrides: Record<string, string> | undefined): Config {
  if (!overrides || Object.keys(overrides).length === 0) return config;
  const rules = new Map(config.rules);
  for (const [id, level] of Object.entries(overrides)) {
    if (level === 'error' || level === 'warning' || level === 'info' || level === 'off') rules.set(id, { level });
  }
  return { ...config, rules };
}
