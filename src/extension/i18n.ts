// Runtime strings. `incidentCommand.language` set to `en` or `ko` wins over VS Code's display
// language, so a Korean team on an English editor still reads Korean; `auto` is vscode.l10n.
import * as vscode from 'vscode';
import type { Lang } from '../core/config';
import { formatMessage, LanguageSetting, resolveLanguage, translate } from './messages';

let koBundle: Record<string, unknown> | undefined;

/** Loads the Korean bundle once, for when the setting asks for Korean on a non-Korean editor. */
export async function initMessages(extensionUri: vscode.Uri): Promise<void> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'l10n', 'bundle.l10n.ko.json'));
    koBundle = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    koBundle = undefined; // English then, which every message also is
  }
}

export function languageSetting(): LanguageSetting {
  const v = vscode.workspace.getConfiguration('incidentCommand').get<string>('language', 'auto');
  return v === 'en' || v === 'ko' ? v : 'auto';
}

/** A message in the reader's language. `message` is the English text and the bundle key. */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  const setting = languageSetting();
  if (setting === 'en') return formatMessage(message, args);
  if (setting === 'ko') return translate(koBundle, message, args);
  return vscode.l10n.t(message, ...args);
}

/** The language of generated text (scaffolds): setting, then the workspace config, then the editor. */
export function generatedLanguage(configLanguage: Lang | undefined): Lang {
  return resolveLanguage(languageSetting(), configLanguage, vscode.env.language);
}
