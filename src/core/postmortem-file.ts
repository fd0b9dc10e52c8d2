// The generated postmortem on disk. Its first line is a marker holding a hash of what was
// generated; when the rest of the file no longer matches it, a person has edited the file and
// nothing may overwrite it. Pure: callers read and write the files.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { eolOf } from './text';

const MARKER = /^<!-- incident-command:postmortem sha256=([0-9a-f]{64})(?: [^\n]*?)? -->\r?\n/;

/** Line endings do not count as an edit (git may convert them on checkout). */
function hashOf(body: string): string {
  return createHash('sha256').update(body.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

export interface MarkerInfo { source: string; style: string; lang: string }

/** The file's full text: the marker line, then the Markdown. */
export function withMarker(markdown: string, info: MarkerInfo): string {
  // Only names that cannot close the comment or break the line go into it.
  const safe = (s: string) => s.replace(/[^\w.@+-]/g, '_');
  return `<!-- incident-command:postmortem sha256=${hashOf(markdown)} source=${safe(info.source)} style=${safe(info.style)} lang=${safe(info.lang)} -->\n${markdown}`;
}

/** The marker's hash and the text after it; undefined when the file has no marker. */
export function readMarker(text: string): { hash: string; body: string } | undefined {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const m = MARKER.exec(t);
  return m ? { hash: m[1], body: t.slice(m[0].length) } : undefined;
}

/** True when the file is exactly what the generator wrote (a marker whose hash matches the rest). */
export function isUntouched(text: string): boolean {
  const m = readMarker(text);
  return m !== undefined && hashOf(m.body) === m.hash;
}

/**
 * - `create`: no file yet. `unchanged`: the file already holds exactly this.
 * - `overwrite`: the file is an untouched earlier generation (or `force`).
 * - `edited`: generated, then changed by a person. `foreign`: not written by the generator.
 */
export type WriteDecision = 'create' | 'unchanged' | 'overwrite' | 'edited' | 'foreign';

export function decideWrite(existing: string | undefined, next: string, force = false): WriteDecision {
  if (existing === undefined) return 'create';
  if (existing.replace(/\r\n/g, '\n') === next.replace(/\r\n/g, '\n')) return 'unchanged';
  if (force) return 'overwrite';
  const m = readMarker(existing);
  if (!m) return 'foreign';
  return hashOf(m.body) === m.hash ? 'overwrite' : 'edited';
}

export const mayWrite = (d: WriteDecision) => d === 'create' || d === 'overwrite';

/** The new text in the line breaks of the file it replaces (git may have checked that out with CR LF). */
export function inLineBreaksOf(next: string, existing: string | undefined): string {
  return existing !== undefined && eolOf(existing) === '\r\n' ? next.replace(/\r?\n/g, '\r\n') : next;
}

/** `2021-01-25-kingdom-db` from `…/2021-01-25-kingdom-db.incident.yaml`. */
export function incidentBaseName(logPath: string): string {
  return path.basename(logPath).replace(/\.incident\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');
}

/**
 * Where the postmortem of a log goes: beside it by default; `configured` (the setting or the
 * config's `postmortem.path`, relative to `baseDir`) is a folder, or a path with `{name}`.
 */
export function postmortemPathFor(logPath: string, configured?: string, baseDir?: string): string {
  const name = incidentBaseName(logPath);
  const file = `${name}.postmortem.md`;
  const value = configured?.trim();
  if (!value) return path.join(path.dirname(logPath), file);
  const abs = path.resolve(baseDir ?? path.dirname(logPath), value.replace(/\{name\}/g, name));
  return value.includes('{name}') ? abs : path.join(abs, file);
}

/** `x.postmortem-2.md`, `-3`, …: the first name `exists` says is free. */
export function freshPath(target: string, exists: (p: string) => boolean): string {
  const m = /^(.*?)(\.postmortem)?(\.md)$/i.exec(target);
  const stem = m ? `${m[1]}${m[2] ?? ''}` : target;
  const ext = m ? m[3] : '';
  for (let i = 2; i < 10000; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!exists(candidate)) return candidate;
  }
  return `${stem}-${Date.now()}${ext}`;
}
