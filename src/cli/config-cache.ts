// Resolves the config for each linted file once per directory: the nearest
// .incident-command.yaml above it, or the one given with --config.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Config, defaultConfig, readConfig } from '../core/config';
import { findConfigFile } from '../core/workspace';
import { UsageError } from './command';

/** Which config a file gets: `key` names it to lint workers (DEFAULT_CONFIG_KEY: no config file). */
export interface ResolvedConfig { key: number; config: Config }

/** A config as read, so a lint worker can build the very same Config with readConfig. */
export interface ConfigSource { key: number; path: string; text: string }

export const DEFAULT_CONFIG_KEY = -1;

export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, ResolvedConfig & { text: string }>();
  private readonly loaded: ResolvedConfig[] = [];
  private readonly fixed?: ResolvedConfig;
  // Shared by every file without a config: nothing downstream writes to a Config.
  private readonly defaults: ResolvedConfig = { key: DEFAULT_CONFIG_KEY, config: defaultConfig() };

  constructor(private readonly cwd: string, explicit?: string) {
    if (explicit !== undefined) this.fixed = this.load(path.resolve(cwd, explicit));
  }

  /** The config given this key by resolve. */
  byKey(key: number): Config {
    if (key === DEFAULT_CONFIG_KEY) return this.defaults.config;
    const entry = this.loaded[key];
    if (!entry) throw new Error(`no config with key ${key}`);
    return entry.config;
  }

  forFile(file: string): Config {
    return this.resolve(file).config;
  }

  resolve(file: string): ResolvedConfig {
    if (this.fixed) return this.fixed;
    const dir = path.dirname(path.resolve(file));
    let found = this.byDir.get(dir);
    if (found === undefined && !this.byDir.has(dir)) {
      found = findConfigFile(dir);
      this.byDir.set(dir, found);
    }
    return found ? this.load(found) : this.defaults;
  }

  /** Every config read so far, with its text. */
  sources(): ConfigSource[] {
    return [...this.byFile].map(([p, { key, text }]) => ({ key, path: p, text }));
  }

  /** Reads a config; unreadable or unparsable YAML is a usage error, since every result would be wrong. */
  private load(file: string): ResolvedConfig {
    const cached = this.byFile.get(file);
    if (cached) return cached;
    const shown = path.relative(this.cwd, file) || file;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `config ${shown} does not exist.` : `cannot read config ${shown} (${code ?? String(e)}).`);
    }
    const { config, source } = readConfig(text, file);
    const err = source.yamlErrors[0];
    if (err) {
      const pos = source.lines.position(err.span[0]);
      throw new UsageError(`config ${shown}:${pos.line + 1}:${pos.character + 1} is not valid YAML: ${err.message}`);
    }
    const entry = { key: this.loaded.length, config, text };
    this.byFile.set(file, entry);
    this.loaded.push(entry);
    return entry;
  }
}
