// Editor settings (`incidentCommand.*`), fetched per document with its scopeUri so folder
// settings apply, cached until the client says they changed (vscode-eslint does the same).
import type { Connection } from 'vscode-languageserver/node';
import type { Lang } from '../core/config';

export interface EditorSettings {
  /** Zone for timestamps without an offset when neither the file nor the workspace config names one. */
  timezone?: string;
  /** Rule id → level, laid over the workspace config's `rules`. */
  rules?: Record<string, string>;
  /** Bytes; larger files get one warning and no validation. */
  maxFileSize?: number;
  language: 'auto' | 'en' | 'ko';
  /** `clock.showInlayHints`: false hides the T+ hints. */
  showInlayHints?: boolean;
}

export const SECTION = 'incidentCommand';

/** Accepts whatever a client sends and keeps only well-typed values. */
export function normalizeSettings(raw: unknown): EditorSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: EditorSettings = { language: r.language === 'en' || r.language === 'ko' ? r.language : 'auto' };
  if (typeof r.timezone === 'string' && r.timezone.trim()) out.timezone = r.timezone.trim();
  if (typeof r.maxFileSize === 'number' && r.maxFileSize > 0) out.maxFileSize = r.maxFileSize;
  const clock = r.clock && typeof r.clock === 'object' ? (r.clock as Record<string, unknown>) : {};
  if (typeof clock.showInlayHints === 'boolean') out.showInlayHints = clock.showInlayHints;
  if (r.rules && typeof r.rules === 'object') {
    const rules: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) if (typeof v === 'string') rules[k] = v;
    out.rules = rules;
  }
  return out;
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<EditorSettings>>();
  /** Used when the client cannot answer workspace/configuration: the last didChangeConfiguration payload. */
  private global: EditorSettings = normalizeSettings(undefined);
  pullSupported = false;
  locale: string | undefined;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<EditorSettings> {
    if (!this.pullSupported) return Promise.resolve(this.global);
    let p = this.cache.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION })
        .then(normalizeSettings, () => this.global);
      this.cache.set(uri, p);
    }
    return p;
  }

  /** didChangeConfiguration: drop everything; a pushed payload becomes the fallback. */
  changed(pushed: unknown): void {
    this.cache.clear();
    const section = pushed && typeof pushed === 'object' ? (pushed as Record<string, unknown>)[SECTION] : undefined;
    if (section !== undefined) this.global = normalizeSettings(section);
  }

  /** Settings the client put in initializationOptions: the fallback until it can be asked. */
  initial(options: unknown): void {
    const o = options && typeof options === 'object' ? options as Record<string, unknown> : {};
    if (o.settings !== undefined) this.global = normalizeSettings(o.settings);
    if (!this.locale && typeof o.displayLanguage === 'string') this.locale = o.displayLanguage;
  }

  forget(uri: string): void { this.cache.delete(uri); }

  /** Message language: the setting, else the editor's UI locale. */
  langOf(settings: EditorSettings): Lang {
    if (settings.language !== 'auto') return settings.language;
    return this.locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
  }
}
