// The per-document pipeline, in one place: resolve settings and workspace config, analyse,
// cache by uri + version, publish. `analyzeDocument` is the seam where analysis happens;
// an incremental re-parse for very long logs replaces that one function.
import * as fs from 'node:fs';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Config, DEFAULT_MAX_FILE_SIZE, Lang, readConfig, withRuleOverrides } from '../core/config';
import { SegmentCache } from '../core/incremental';
import { Analysis, analyzeText } from '../core/lint';
import { fileKindOf, FileKind } from '../core/source';
import type { SourceFile } from '../core/source';
import { isValidZone } from '../core/time';
import type { ServiceInput } from '../core/service';
import type { EditorSettings, SettingsCache } from './settings';
import { uriToPath, WorkspaceConfigs } from './workspace';

export interface DocState {
  uri: string;
  version: number;
  kind: FileKind;
  analysis: Analysis;
  /** What the pure language features take. */
  input: ServiceInput;
  tooLarge: boolean;
}

export interface PipelineHost {
  settings: SettingsCache;
  configs: WorkspaceConfigs;
  publish(state: DocState): void;
  clear(uri: string): void;
  current(uri: string): TextDocument | undefined;
  log(message: string): void;
}

// A very short pause after an edit: enough to merge a burst of changes sent together (they
// may arrive in separate reads), no more. Changes that arrive while an analysis runs queue up
// and are merged anyway, analysis being synchronous; a longer pause would only add latency.
export const DEBOUNCE_MS = 5;
/**
 * While a long log cannot be parsed in parts (a half-typed entry with a YAML error), each check
 * is a whole parse: half a second at 10,000 entries. Checks then wait for a pause in typing, as
 * long as the last one took (at most this), instead of running between every two keystrokes.
 */
export const MAX_WAIT_WHILE_BROKEN_MS = 500;
const SLOW_FULL_PARSE_MS = 100;
/** The pause before the next check of a document whose last check took `took` ms. */
export function waitAfter(took: number, composed: boolean): number {
  return !composed && took > SLOW_FULL_PARSE_MS ? Math.min(MAX_WAIT_WHILE_BROKEN_MS, Math.round(took)) : DEBOUNCE_MS;
}

/** Editing the workspace config re-checks every open document: that waits for a pause in typing. */
export const CONFIG_DEBOUNCE_MS = 250;

/** The document's kind by its name (or path), whatever language id the client gave it. */
export function kindOfUri(uri: string): FileKind | undefined {
  return fileKindOf(uriToPath(uri) ?? decodeURIComponent(uri));
}

/** The seam: one document's text in, its analysis out; the cache makes re-analysis after an edit incremental. */
export function analyzeDocument(text: string, fileName: string, kind: FileKind, config: Config, lang: Lang, cache?: SegmentCache): Analysis {
  return analyzeText(text, fileName, config, { lang, fileExists: fs.existsSync }, kind, cache);
}

/** Settings and workspace config combined into the Config a document is linted with. */
export function effectiveConfig(base: Config, settings: EditorSettings): Config {
  let config = withRuleOverrides(base, settings.rules);
  if (!config.timezone && settings.timezone && isValidZone(settings.timezone)) config = { ...config, timezone: settings.timezone };
  // Editors send the default even when nobody chose it; only a chosen limit beats the workspace's `max_file_size`.
  if (settings.maxFileSize && settings.maxFileSize !== DEFAULT_MAX_FILE_SIZE) config = { ...config, maxFileSize: settings.maxFileSize };
  return config;
}

export class DocumentPipeline {
  private readonly cache = new Map<string, DocState>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inflight = new Map<string, Promise<DocState | undefined>>();
  private readonly segments = new Map<string, SegmentCache>();
  /** Per document, the pause its next check waits for (see waitAfter). */
  private readonly slowWhole = new Map<string, number>();

  constructor(private readonly host: PipelineHost) {}

  /** Validate after a pause; a newer version cancels the pending run. */
  schedule(doc: TextDocument, delay = this.delayFor(doc.uri)): void {
    if (!kindOfUri(doc.uri)) return;
    const old = this.timers.get(doc.uri);
    if (old) clearTimeout(old);
    this.timers.set(doc.uri, setTimeout(() => {
      this.timers.delete(doc.uri);
      void this.validate(doc.uri);
    }, delay));
  }

  /** The pause before checking an edited document (see MAX_WAIT_WHILE_BROKEN_MS). */
  delayFor(uri: string): number {
    return this.slowWhole.get(uri) ?? DEBOUNCE_MS;
  }

  private async validate(uri: string): Promise<void> {
    try {
      const doc = this.host.current(uri);
      if (!doc) return;
      const state = await this.get(doc);
      // Published only if no newer version arrived while settings were fetched.
      if (state && this.host.current(uri)?.version === state.version) this.host.publish(state);
    } catch (e) {
      this.host.log(`validation of ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }

  /** The analysis of this exact version: cached, or computed now (requests must not wait for the debounce). */
  async get(doc: TextDocument): Promise<DocState | undefined> {
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const key = `${doc.uri}@${doc.version}`;
    let p = this.inflight.get(key);
    if (!p) {
      p = this.compute(doc).finally(() => this.inflight.delete(key));
      this.inflight.set(key, p);
    }
    return p;
  }

  private async compute(doc: TextDocument): Promise<DocState | undefined> {
    const kind = kindOfUri(doc.uri);
    if (!kind) return undefined;
    const settings = await this.host.settings.get(doc.uri);
    const lang = this.host.settings.langOf(settings);
    const text = doc.getText();
    const fileName = uriToPath(doc.uri) ?? doc.uri;
    let base: Config;
    let configFile: SourceFile | undefined;
    if (kind === 'config') {
      // The config file is linted with its own levels, read from the text being edited.
      const own = readConfig(text, fileName);
      base = own.config;
      configFile = own.source;
    } else {
      const resolved = this.host.configs.resolve(doc.uri);
      base = resolved.config;
      configFile = resolved.source;
    }
    const config = effectiveConfig(base, settings);
    // The segment cache moves the previous analysis's ranges in place, so it serves only the
    // newest version: an older one that finished waiting for settings late is parsed on its own.
    const isCurrent = this.host.current(doc.uri)?.version === doc.version;
    let segments = this.segments.get(doc.uri);
    if (!segments && isCurrent) this.segments.set(doc.uri, (segments = new SegmentCache()));
    const started = performance.now();
    const analysis = analyzeDocument(text, fileName, kind, config, lang, isCurrent ? segments : undefined);
    const took = performance.now() - started;
    if (isCurrent && segments) this.slowWhole.set(doc.uri, waitAfter(took, segments.lastComposed));
    const tooLarge = text.length > config.maxFileSize;
    const state: DocState = { uri: doc.uri, version: doc.version, kind, analysis, tooLarge, input: { analysis, config, lang, configFile } };
    const newest = this.cache.get(doc.uri);
    if (!newest || newest.version <= doc.version) this.cache.set(doc.uri, state);
    return state;
  }

  /** Re-run every open document, e.g. after a workspace config or a setting changed. */
  revalidateAll(docs: readonly TextDocument[], delay = 0): void {
    for (const d of docs) {
      this.cache.delete(d.uri);
      // Work started with the old config or settings must not be reused.
      for (const key of this.inflight.keys()) if (key.startsWith(`${d.uri}@`)) this.inflight.delete(key);
      this.schedule(d, delay);
    }
  }

  forget(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.cache.delete(uri);
    this.segments.delete(uri);
    this.slowWhole.delete(uri);
    this.host.clear(uri);
  }
}
