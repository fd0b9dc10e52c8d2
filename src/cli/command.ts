// The shape every subcommand exports, so a new command is one file plus one line in main.ts.

export interface Command {
  name: string;
  /** One line for the global help. */
  summary: string;
  /** The full text of `incident-command <name> --help`. */
  usage: string;
  /** Resolves to the process exit code. Throw a UsageError for bad input (exit 2). */
  run(args: string[]): Promise<number>;
}

/** Bad options, a missing file, a broken config: printed as one line, exit code 2, no stack. */
export class UsageError extends Error {}

/** The process-wide language for messages the CLI itself prints (not findings). */
export function envLang(env: NodeJS.ProcessEnv = process.env): 'en' | 'ko' | undefined {
  for (const v of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (v) return v.toLowerCase().startsWith('ko') ? 'ko' : undefined;
  }
  return undefined;
}
