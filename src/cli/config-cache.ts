// Resolves the config for each linted file once per directory: the nearest
// .incident-command.yaml above it, or the one given with --config.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Config, defaultConfig, readConfig } from '../core/config';
import { findConfigFile } from '../core/workspace';
import { UsageError } from './command';

export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, Config>();
  private readonly fixed?: Config;

  constructor(private readonly cwd: string, explicit?: string) {
    if (explicit !== undefined) this.fixed = this.load(path.resolve(cwd, explicit));
  }

  forFile(file: string): Config {
    if (this.fixed) return this.fixed;
    const dir = path.dirname(path.resolve(file));
    if (!this.byDir.has(dir)) this.byDir.set(dir, findConfigFile(dir));
    const found = this.byDir.get(dir);
    return found ? this.load(found) : defaultConfig();
  }

  /** Reads a config; unreadable or unparsable YAML is a usage error, since every result would be wrong. */
  private load(file: string): Config {
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
    this.byFile.set(file, config);
    return config;
  }
}
