// The language a person reads. `incidentCommand.language` may differ from VS Code's display
// language, so runtime strings can come from our own bundle as well as from vscode.l10n.
// Pure: no `vscode` import, so it is unit-tested.
import type { Lang } from '../core/config';

export type LanguageSetting = 'auto' | 'en' | 'ko';

/** Setting first, then the workspace config's `language`, then the editor's display language. */
export function resolveLanguage(setting: unknown, configLanguage: Lang | undefined, displayLanguage: string): Lang {
  if (setting === 'en' || setting === 'ko') return setting;
  if (configLanguage) return configLanguage;
  return /^ko\b/i.test(displayLanguage) ? 'ko' : 'en';
}

/** Fills `{0}`, `{1}`… and named `{name}` placeholders, as vscode.l10n.t does. */
export function formatMessage(template: string, args: readonly unknown[] | Record<string, unknown>): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, key: string) => {
    const v = Array.isArray(args) ? args[Number(key)] : (args as Record<string, unknown>)[key];
    return v === undefined ? whole : String(v);
  });
}

/** Looks a message up in a bundle (`{ "English": "번역" }`); a missing entry falls back to English. */
export function translate(bundle: Record<string, unknown> | undefined, message: string, args: readonly unknown[]): string {
  const entry = bundle?.[message];
  const text = typeof entry === 'string' ? entry
    : entry && typeof entry === 'object' && typeof (entry as { message?: unknown }).message === 'string' ? (entry as { message: string }).message
      : message;
  return formatMessage(text, args);
}
