// Links in an incident log: each `runbooks:` path that names an existing file opens it. A path
// that names nothing is left plain; the `runbook-missing` rule reports it.
import * as fs from 'node:fs';
import type { DocumentLink } from 'vscode-languageserver/node';
import type { Incident } from '../core/model/incident';
import { runbookCandidates } from '../core/rules/incident/runbook-missing';
import { pathToUri } from './workspace';

export function runbookLinks(incident: Incident | undefined, configPath: string | undefined, exists: (p: string) => boolean = fs.existsSync): DocumentLink[] {
  if (!incident) return [];
  const links: DocumentLink[] = [];
  for (const r of incident.runbooks) {
    const rel = r.value.trim();
    if (!rel || /^[a-z][a-z0-9+.-]*:\/\//i.test(rel)) continue;
    const target = runbookCandidates(rel, incident.file.fileName, configPath).find((p) => { try { return exists(p); } catch { return false; } });
    if (!target) continue;
    const quoted = /^["']/.test(incident.file.text[r.span[0]] ?? '');
    const span = quoted ? [r.span[0] + 1, r.span[1] - 1] as const : r.span;
    links.push({ range: incident.file.lines.range(span), target: pathToUri(target), tooltip: rel });
  }
  return links;
}
