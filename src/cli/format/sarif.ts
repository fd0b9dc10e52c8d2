// `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it (upload with
// github/codeql-action/upload-sarif). Paths are relative to the checkout, under %SRCROOT%.
import * as path from 'node:path';
import type { Lang, Level } from '../../core/config';
import { docsUrl } from '../../core/rules/types';
import type { Rule } from '../../core/rules/types';
import type { FileResult } from '../lint-file';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/incident-command/incident-command';

export interface SarifOptions {
  cwd: string;
  version: string;
  lang: Lang;
  rules: readonly Pick<Rule, 'id' | 'description' | 'defaultLevel'>[];
}

const LEVEL: Record<Level, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

// Findings the engine itself reports, outside any rule's registry entry.
const ENGINE_RULES: Pick<Rule, 'id' | 'description' | 'defaultLevel'>[] = [{
  id: 'file-too-large', defaultLevel: 'warning',
  description: { en: 'A file over the validation size limit (max_file_size), not checked.', ko: '검사 한도(max_file_size)보다 커서 검사하지 않은 파일.' },
}];

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function artifactUri(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, filePath);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  const abs = path.resolve(filePath).split(path.sep).map(encodeURIComponent).join('/');
  return { uri: `file://${abs.startsWith('/') ? '' : '/'}${abs}` };
}

export function toSarif(results: readonly FileResult[], opts: SarifOptions): object {
  const rules: SarifRule[] = [];
  const index = new Map<string, number>();
  const addRule = (id: string, r: Pick<Rule, 'description' | 'defaultLevel'>): number => {
    const known = index.get(id);
    if (known !== undefined) return known;
    const text = r.description[opts.lang];
    rules.push({ id, shortDescription: { text }, fullDescription: { text }, helpUri: docsUrl(id), defaultConfiguration: { level: LEVEL[r.defaultLevel] } });
    index.set(id, rules.length - 1);
    return rules.length - 1;
  };
  const catalogue = new Map<string, Pick<Rule, 'id' | 'description' | 'defaultLevel'>>();
  for (const r of [...opts.rules, ...ENGINE_RULES]) {
    if (!catalogue.has(r.id)) catalogue.set(r.id, r);
    addRule(r.id, r);
  }

  const sarifResults = results.flatMap((r) => {
    const artifactLocation = artifactUri(r.filePath, opts.cwd);
    return r.findings.map((f) => {
      // A sub-id (checklist/user-notice) is described by its parent rule.
      const slash = f.ruleId.indexOf('/');
      const parent = catalogue.get(slash < 0 ? f.ruleId : f.ruleId.slice(0, slash));
      const ruleIndex = addRule(f.ruleId, parent ?? { description: { en: f.ruleId, ko: f.ruleId }, defaultLevel: f.level });
      return {
        ruleId: f.ruleId,
        ruleIndex,
        level: LEVEL[f.level],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation,
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        }],
      };
    });
  });

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'incident-command', informationUri: INFORMATION_URI, version: opts.version, rules } },
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToUri(opts.cwd)}/` } },
      results: sarifResults,
    }],
  };
}

function pathToUri(dir: string): string {
  const abs = path.resolve(dir).split(path.sep).map(encodeURIComponent).join('/');
  return `file://${abs.startsWith('/') ? '' : '/'}${abs}`.replace(/\/$/, '');
}

export function formatSarif(results: readonly FileResult[], opts: SarifOptions): string {
  return `${JSON.stringify(toSarif(results, opts), null, 2)}\n`;
}
