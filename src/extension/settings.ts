// Settings and the workspace config as the extension needs them. The config is read through
// vscode.workspace.fs so that it also works in virtual workspaces.
import * as vscode from 'vscode';
import { Config, readConfig } from '../core/config';
import { CONFIG_NAMES } from '../core/workspace';
import { machineZone, pickZone } from './choices';

export const SECTION = 'incidentCommand';

export function setting<T>(key: string, fallback: T, scope?: vscode.ConfigurationScope): T {
  return vscode.workspace.getConfiguration(SECTION, scope).get<T>(key, fallback);
}

/** Every `incidentCommand.*` setting as plain JSON, for the server's initializationOptions. */
export function settingsSnapshot(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(SECTION))) as Record<string, unknown>;
}

/** The workspace config at a folder's root, or undefined when there is none or it is unreadable. */
export async function workspaceConfig(folder: vscode.WorkspaceFolder | undefined): Promise<Config | undefined> {
  if (!folder) return undefined;
  for (const name of CONFIG_NAMES) {
    const uri = vscode.Uri.joinPath(folder.uri, name);
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      return readConfig(text, uri.fsPath).config;
    } catch {
      // not there: try the other name
    }
  }
  return undefined;
}

/** The zone for new text: the file's own (when given), the setting, the workspace config, the machine. */
export function zoneFor(fileZone: string | undefined, config: Config | undefined, scope?: vscode.ConfigurationScope): string {
  return pickZone(fileZone, setting<string>('timezone', '', scope), config?.timezone, machineZone());
}
