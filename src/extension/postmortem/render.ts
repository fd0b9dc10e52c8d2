// What the editor's postmortem commands share: the options a log is rendered with (log,
// settings, workspace config, in that order) and where the file goes.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Config, defaultConfig, Lang } from '../../core/config';
import { FromText, isStyle, postmortemFromText, StyleId } from '../../core/postmortem';
import { postmortemPathFor } from '../../core/postmortem-file';
import { generatedLanguage } from '../i18n';
import { SECTION, workspaceConfig } from '../settings';

export interface Rendered { result: FromText; config: Config; folder?: vscode.WorkspaceFolder }

/** A setting only when someone set it; otherwise the workspace config decides. */
function explicitSetting<T>(key: string, scope: vscode.ConfigurationScope): T | undefined {
  const i = vscode.workspace.getConfiguration(SECTION, scope).inspect<T>(key);
  return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
}

export async function renderDocument(doc: vscode.TextDocument): Promise<Rendered> {
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  const config = (await workspaceConfig(folder)) ?? defaultConfig();
  const styleSetting = explicitSetting<string>('postmortem.style', doc.uri);
  const style: StyleId | undefined = isStyle(styleSetting) ? styleSetting : undefined;
  const text = doc.getText();
  let result = postmortemFromText(text, doc.fileName, config, { style });
  // The log's own `language:` wins; without it, the reader's language setting and editor.
  if (result.ok && !isLang(result.postmortem.facts.incident.language?.value)) {
    const lang: Lang = generatedLanguage(config.language);
    if (lang !== result.postmortem.lang) result = postmortemFromText(text, doc.fileName, config, { style, lang });
  }
  return { result, config, folder };
}

const isLang = (v: unknown): v is Lang => v === 'ko' || v === 'en';

/** The setting (relative to the workspace folder) first, then the config's `postmortem.path`, else beside the log. */
export function targetPath(doc: vscode.TextDocument, r: Rendered): string {
  const setting = vscode.workspace.getConfiguration(SECTION, doc.uri).get<string>('postmortem.path', '').trim();
  const folderPath = r.folder?.uri.fsPath;
  if (setting) return postmortemPathFor(doc.fileName, setting, folderPath);
  const configDir = r.config.path ? path.dirname(r.config.path) : folderPath;
  return postmortemPathFor(doc.fileName, r.config.postmortem.path, configDir);
}
