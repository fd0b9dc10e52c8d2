// Workspace symbols (Ctrl+T): every incident, maintenance window, timeline entry and runbook
// step in the workspace's files, open or not. Files are read from disk (open documents with
// their live text) and indexed once per modification time, so a query is a filter over memory.
import * as fs from 'node:fs';
import * as path from 'node:path';
import tinyglobby = require('tinyglobby');
import type { SymbolInformation } from 'vscode-languageserver/node';
import { defaultConfig } from '../core/config';
import type { Config } from '../core/config';
import { readIncident } from '../core/model/incident';
import { readRunbook } from '../core/model/runbook';
import { fileKindOf, parseSource } from '../core/source';
import { SymbolKind } from '../core/service/types';
import type { Span } from '../core/text';
import { pathToUri } from './workspace';

const PATTERNS = ['**/*.incident.yaml', '**/*.incident.yml', '**/*.runbook.yaml', '**/*.runbook.yml'];
const IGNORE = ['**/node_modules/**', '**/.git/**'];
const MAX_FILES = 5000;
const MAX_RESULTS = 1000;

interface Indexed { stamp: string; symbols: SymbolInformation[] }

const clip = (s: string, n = 80): string => { const one = s.replace(/\s+/g, ' ').trim(); return one.length > n ? `${one.slice(0, n - 1)}…` : one; };

/** The symbols of one file's text. */
export function fileSymbols(fsPath: string, text: string, config: Config = defaultConfig()): SymbolInformation[] {
  const kind = fileKindOf(fsPath);
  if (kind !== 'incident' && kind !== 'runbook') return [];
  const src = parseSource(text, fsPath, kind);
  if (src.yamlErrors.length) return [];
  const uri = pathToUri(fsPath);
  const loc = (span: Span) => ({ uri, range: src.lines.range(span) });
  const out: SymbolInformation[] = [];
  if (kind === 'incident') {
    const inc = readIncident(src, config);
    const name = inc.id?.value ?? path.basename(fsPath);
    out.push({ name: inc.title ? `${name}: ${clip(inc.title.value)}` : name, kind: SymbolKind.Namespace, location: loc(inc.id?.span ?? [0, 0]) });
    for (const w of inc.windows) {
      const label = w.id?.value ?? `#${w.index + 1}`;
      out.push({ name: w.title ? `${label}: ${clip(w.title.value)}` : label, kind: SymbolKind.Event, location: loc(w.span), containerName: name });
    }
    for (const e of [...inc.timeline, ...inc.decisions]) {
      const head = [e.at?.value, e.standaloneDecision ? 'decision' : e.kind?.value].filter(Boolean).join(' ');
      const body = e.id ? `${e.id.value} ${e.text ? clip(e.text.value, 60) : ''}` : e.text ? clip(e.text.value, 60) : '';
      out.push({ name: `${head}${body ? ` ${body}` : ''}`.trim() || `#${e.index + 1}`, kind: SymbolKind.Key, location: loc(e.span), containerName: name });
    }
  } else {
    const rb = readRunbook(src);
    const name = rb.id?.value ?? path.basename(fsPath);
    out.push({ name: rb.title ? `${name}: ${clip(rb.title.value)}` : name, kind: SymbolKind.Module, location: loc(rb.id?.span ?? [0, 0]) });
    rb.steps.forEach((s, i) => {
      const label = s.id?.value ?? `#${i + 1}`;
      out.push({ name: s.title ? `${label}: ${clip(s.title.value)}` : label, kind: SymbolKind.Function, location: loc(s.span), containerName: name });
    });
  }
  return out;
}

/** VS Code's rule for workspace symbol queries: the query's characters appear in order, ignoring case. */
export function matchesQuery(name: string, query: string): boolean {
  const n = name.toLowerCase();
  let i = 0;
  for (const ch of query.toLowerCase()) {
    if (ch === ' ') continue;
    i = n.indexOf(ch, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

export class WorkspaceSymbols {
  private readonly cache = new Map<string, Indexed>();

  constructor(
    private readonly liveText: (fsPath: string) => { text: string; version: number } | undefined,
    private readonly configFor: (fsPath: string) => Config,
  ) {}

  query(folders: readonly string[], query: string): SymbolInformation[] {
    const files = new Set<string>();
    for (const dir of folders) {
      try {
        for (const f of tinyglobby.globSync(PATTERNS, { cwd: dir, ignore: IGNORE, absolute: true, caseSensitiveMatch: false })) {
          if (files.size < MAX_FILES) files.add(path.resolve(f));
        }
      } catch { /* an unreadable folder has no symbols */ }
    }
    for (const known of this.cache.keys()) if (!files.has(known)) this.cache.delete(known);
    const out: SymbolInformation[] = [];
    for (const f of [...files].sort()) {
      for (const s of this.symbolsOf(f)) {
        if (matchesQuery(s.name, query)) out.push(s);
        if (out.length >= MAX_RESULTS) return out;
      }
    }
    return out;
  }

  private symbolsOf(fsPath: string): SymbolInformation[] {
    const live = this.liveText(fsPath);
    let stamp: string;
    let text: string | undefined = live?.text;
    if (live) stamp = `v${live.version}:${live.text.length}`;
    else {
      try { const st = fs.statSync(fsPath); stamp = `m${st.mtimeMs}:${st.size}`; } catch { return []; }
    }
    const hit = this.cache.get(fsPath);
    if (hit && hit.stamp === stamp) return hit.symbols;
    if (text === undefined) {
      try { text = fs.readFileSync(fsPath, 'utf8'); } catch { return []; }
    }
    let symbols: SymbolInformation[] = [];
    try { symbols = fileSymbols(fsPath, text, this.configFor(fsPath)); } catch { symbols = []; }
    this.cache.set(fsPath, { stamp, symbols });
    return symbols;
  }
}
