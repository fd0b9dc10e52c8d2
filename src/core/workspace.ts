// Finding and reading the workspace config. The only part of core that touches the file
// system, so the CLI and the server resolve config with the same code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Config, defaultConfig, readConfig } from './config';

export const CONFIG_NAMES = ['.incident-command.yaml', '.incident-command.yml'];

/** The nearest config at or above `dir`, not climbing past `stopAt` (the workspace root). */
export function findConfigFile(dir: string, stopAt?: string): string | undefined {
  let cur = path.resolve(dir);
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = path.join(cur, name);
      if (fs.existsSync(p)) return p;
    }
    const parent = path.dirname(cur);
    if (parent === cur || cur === stop) return undefined;
    cur = parent;
  }
}

export class ConfigError extends Error {}

/** Reads a config file; a missing or unreadable file is a ConfigError with a one-line message. */
export function loadConfigFile(file: string): Config {
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (e) {
    throw new ConfigError(`cannot read config ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return readConfig(text, file).config;
}

/** The config that applies to a file: the nearest one above it, or the defaults. */
export function configFor(filePath: string, stopAt?: string): Config {
  const found = findConfigFile(path.dirname(filePath), stopAt);
  return found ? loadConfigFile(found) : defaultConfig();
}
