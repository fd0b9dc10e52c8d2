// Entry point of the `incident-command` binary: global options, then dispatch to a command.
import { version } from '../../package.json';
import type { Command } from './command';
import { UsageError } from './command';
import { lintCommand } from './commands/lint';
import { clockCommand } from './commands/clock';
import { postmortemCommand } from './commands/postmortem';
import { importCommand } from './commands/import';
import { timelineCommand } from './commands/timeline';
import { checklistCommand } from './commands/checklist';

// Add a command here (one line) after writing src/cli/commands/<name>.ts.
const COMMANDS: readonly Command[] = [
  lintCommand,
  clockCommand,
  postmortemCommand,
  checklistCommand,
  importCommand,
  timelineCommand,
];

export function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: incident-command <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     Show help (also after a command: incident-command lint --help)',
    '  -v, --version  Show the version',
    '',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const cmd = first === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    process.stdout.write(cmd ? cmd.usage : globalHelp());
    return 0;
  }
  if (first === '-v' || first === '--version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === first);
  if (!cmd) throw new UsageError(`unknown command "${first}". Run "incident-command --help" for the list.`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(cmd.usage);
    return 0;
  }
  return cmd.run(rest);
}

function fail(e: unknown): number {
  if (e instanceof UsageError) {
    process.stderr.write(`incident-command: ${e.message}\n`);
    return 2;
  }
  // parseArgs throws TypeErrors with a code for unknown or malformed options.
  const code = (e as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`incident-command: ${firstLine(String((e as Error).message))}\n`);
    return 2;
  }
  // A bug of ours: still one line by default, the stack only on request.
  const detail = process.env.INCIDENT_COMMAND_DEBUG ? (e as Error)?.stack ?? String(e) : firstLine(String((e as Error)?.message ?? e));
  process.stderr.write(`incident-command: internal error: ${detail}\n`);
  return 2;
}

function firstLine(s: string): string { return s.split('\n')[0]; }

// Runs on load: this module is only ever the bundle's entry (dist/cli.js, required by bin/).
// exitCode rather than process.exit() so piped output is flushed first.
main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => { process.exitCode = fail(e); });
