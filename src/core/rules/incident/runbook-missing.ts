// A `runbooks:` path that names no file: the runbook a responder would open from the log is
// not where the log says, which is found out at the worst moment. Paths are workspace-relative
// (the folder of `.incident-command.yaml`); a path relative to the log's own folder is accepted
// too. The file system is reached only through `ctx.fileExists`, so core stays pure; without
// it (a virtual workspace) the rule says nothing.
import type { Rule } from '../types';
import { msg } from '../types';
import { q } from './helpers';

const dirOf = (p: string): string => p.replace(/[\\/][^\\/]*$/, '') || p;
const isAbsolute = (p: string): boolean => /^([\\/]|[A-Za-z]:[\\/])/.test(p);
const join = (dir: string, rel: string): string => (isAbsolute(rel) ? rel : `${dir.replace(/[\\/]+$/, '')}/${rel}`);

/** Where a `runbooks:` path may point: under the workspace root (the config's folder), then beside the log. */
export function runbookCandidates(rel: string, logFile: string, configPath: string | undefined): string[] {
  const roots = [configPath ? dirOf(configPath) : undefined, dirOf(logFile)].filter((d): d is string => !!d);
  return [...new Set(roots.map((r) => join(r, rel)))];
}

export const runbookMissing: Rule = {
  id: 'runbook-missing',
  appliesTo: ['incident'],
  defaultLevel: 'warning',
  fixable: false,
  description: msg('A `runbooks:` path with no file at it (paths are relative to the workspace root).',
    '가리키는 파일이 없는 `runbooks:` 경로(경로는 워크스페이스 루트 기준).'),
  check({ incident, config, file, fileExists, report }) {
    if (!incident || !fileExists) return;
    for (const r of incident.runbooks) {
      const rel = r.value.trim();
      if (!rel || /^[a-z][a-z0-9+.-]*:\/\//i.test(rel)) continue; // a URL is not a workspace file
      const found = runbookCandidates(rel, file.fileName, config.path).some((p) => { try { return fileExists(p); } catch { return false; } });
      if (found) continue;
      report({
        span: r.span,
        message: msg(
          `No file at ${q(rel)}. Paths in runbooks: are relative to the workspace root (the folder of .incident-command.yaml); correct the path or add the runbook.`,
          `${q(rel)}에 파일이 없습니다. runbooks:의 경로는 워크스페이스 루트(.incident-command.yaml이 있는 폴더) 기준입니다. 경로를 고치거나 런북을 추가하십시오.`),
      });
    }
  },
};
