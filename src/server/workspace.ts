// The workspace config (`.incident-command.yaml`) that applies to each document: the nearest
// one at or above it inside its workspace folder. Cached; an open, edited config counts with
// its live text, so changing a rule level shows up before the file is saved.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Config, defaultConfig, readConfig } from '../core/config';
import type { SourceFile } from '../core/source';
import { findConfigFile } from '../core/workspace';
import * as fs from 'node:fs';

export interface ResolvedConfig { config: Config; source?: SourceFile; path?: string }

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}

export function pathToUri(p: string): string { return pathToFileURL(p).toString(); }

export class WorkspaceConfigs {
  private folders: string[] = [];
  private readonly found = new Map<string, string | null>();
  private readonly parsed = new Map<string, ResolvedConfig>();

  /** `liveText(path)`: the text of an open document at that path, if any. */
  constructor(private readonly liveText: (fsPath: string) => string | undefined) {}

  setFolders(uris: string[]): void {
    this.folders = uris.map(uriToPath).filter((p): p is string => !!p).sort((a, b) => b.length - a.length);
    this.invalidate();
  }

  addFolders(added: string[], removed: string[]): void {
    const gone = new Set(removed.map(uriToPath));
    const current = this.folders.filter((f) => !gone.has(f)).map((f) => pathToUri(f));
    this.setFolders([...current, ...added]);
  }

  folderOf(fsPath: string): string | undefined {
    return this.folders.find((f) => fsPath === f || fsPath.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
  }

  invalidate(): void { this.found.clear(); this.parsed.clear(); }

  resolve(uri: string): ResolvedConfig {
    const fsPath = uriToPath(uri);
    if (!fsPath) return { config: defaultConfig() };
    const dir = path.dirname(fsPath);
    let file = this.found.get(dir);
    if (file === undefined) {
      file = findConfigFile(dir, this.folderOf(fsPath)) ?? null;
      this.found.set(dir, file);
    }
    if (!file) return { config: defaultConfig() };
    let r = this.parsed.get(file);
    if (!r) {
      r = this.read(file);
      this.parsed.set(file, r);
    }
    return r;
  }

  private read(file: string): ResolvedConfig {
    let text = this.liveText(file);
    if (text === undefined) {
      // A config that vanished or cannot be read leaves the defaults; linting that file says why.
      try { text = fs.readFileSync(file, 'utf8'); } catch { return { config: defaultConfig(), path: file }; }
    }
    const { config, source } = readConfig(text, file);
    return { config, source, path: file };
  }
}
