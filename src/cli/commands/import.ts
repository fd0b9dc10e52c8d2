// `incident-command import CHAT --into LOG`: a chat export (Slack JSON, KakaoTalk text, plain
// lines) becomes timeline entries at their original times, in time order among the entries
// already there. The log is rewritten only by inserting lines, atomically, and only if it did
// not change on disk while the import was being prepared.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { CHAT_FORMATS, ChatFormat, EntryKind, lastEntryDate, parseChat, planEntries, readDay } from '../../core/chat';
import { insertEntriesIn } from '../../core/edit/insert-entries';
import { isValidZone } from '../../core/time';
import { writeIfUnchanged as writeFileIfUnchanged, WriteOutcome } from '../../core/write-file';
import { Command, UsageError } from '../command';
import { loadLog } from './timeline';

const KINDS: readonly EntryKind[] = ['note', 'communication', 'decision', 'observation'];

const USAGE = `Usage: incident-command import CHAT --into LOG [options]

Inserts the messages of a chat export into an incident log's timeline, each at its
original time (read in the log's timezone), in time order among the existing entries.
Comments and every other line of the log stay as they are. CHAT may be - for stdin.

Formats (detected unless --from is given):
  slack   a Slack export's JSON (one channel-day file) or an API response with "messages"
  kakao   a KakaoTalk export, PC or mobile, Korean or English
  lines   plain lines: "[16:52] name: text", "16:52 name: text",
          "2021-01-25 16:52 name: text"; lines without a date take the previous
          line's date (past midnight when the time goes back), else --date

Options:
  --into <log>          The incident log to insert into (required)
  --from <format>       slack, kakao or lines
  --date <YYYY-MM-DD>   Date of messages written without one (default: the date of
                        the log's latest entry)
  --map <name=handle>   Chat name to roster handle (repeatable); "name=" keeps the
                        name in the text instead. Names that match a handle or a
                        roster name are mapped without this.
  --kind <kind>         Kind for every entry (note, communication, decision,
                        observation); default: guessed from the words, see
                        docs/chat-import.md
  --zone <zone>         IANA zone, only for a log with no timezone (file or config)
  --dry-run             Print the entries, write nothing
  --config <file>       Use this config (default: the nearest .incident-command.yaml)
  -h, --help            Show this help

Exit codes: 0 inserted (or nothing to insert), 2 bad usage, unreadable or unparsable
input, or the log changed on disk during the import.
`;

/** Chat files are UTF-8 (KakaoTalk on Windows adds a BOM); a UTF-16 export is read too. */
export function decodeChat(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return bytes.toString('utf8').replace(/^\ufeff/, '');
}

/**
 * Writes `next` over a file that must still hold `original`: a temp file beside it, then a
 * rename. Throws a UsageError, writing nothing, when someone saved the log in the meantime.
 */
export function writeIfUnchanged(filePath: string, original: string, next: string): void {
  let outcome: WriteOutcome;
  try {
    outcome = writeFileIfUnchanged(filePath, original, next);
  } catch (e) {
    throw new UsageError(`cannot write ${filePath} (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
  if (outcome === 'changed') throw new UsageError(`${path.basename(filePath)} changed on disk since it was read; nothing was written. Run the import again.`);
}

function readMaps(list: string[] | undefined): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const item of list ?? []) {
    const eq = item.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--map takes name=handle, not "${item}".`);
    const handle = item.slice(eq + 1).trim();
    out.set(item.slice(0, eq).trim(), handle === '' ? null : handle);
  }
  return out;
}

export async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      into: { type: 'string' }, from: { type: 'string' }, date: { type: 'string' }, map: { type: 'string', multiple: true },
      kind: { type: 'string' }, zone: { type: 'string' }, 'dry-run': { type: 'boolean' }, config: { type: 'string', short: 'c' },
    },
  });
  if (positionals.length !== 1) throw new UsageError(`import takes one chat file (or -), got ${positionals.length}. Run "incident-command import --help".`);
  if (!values.into) throw new UsageError('--into LOG is required: the incident log to insert into.');
  const from = values.from as ChatFormat | undefined;
  if (from !== undefined && !CHAT_FORMATS.includes(from)) throw new UsageError(`--from must be one of ${CHAT_FORMATS.join(', ')}, not "${from}".`);
  if (values.date !== undefined && !readDay(values.date)) throw new UsageError(`--date must be a date like 2021-01-25, not "${values.date}".`);
  const kind = values.kind as EntryKind | undefined;
  if (kind !== undefined && !KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}, not "${kind}".`);
  if (values.zone !== undefined && !isValidZone(values.zone)) throw new UsageError(`--zone "${values.zone}" is not an IANA zone such as Asia/Seoul.`);
  const senders = readMaps(values.map);

  const cwd = process.cwd();
  const chatArg = positionals[0];
  let chatBytes: Buffer;
  try {
    chatBytes = chatArg === '-' ? fs.readFileSync(0) : fs.readFileSync(path.resolve(cwd, chatArg));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${chatArg} does not exist.` : `cannot read ${chatArg} (${code ?? String(e)}).`);
  }
  const log = loadLog(values.into, cwd, values.config);
  const zone = log.incident.zone ?? values.zone;
  if (!zone) throw new UsageError(`${values.into} has no timezone (in the file or the workspace config): add "timezone:" or pass --zone.`);
  const date = values.date ?? lastEntryDate(log.incident, zone);
  const parsed = parseChat(decodeChat(chatBytes), from, { date });
  if (parsed.undated > 0) {
    throw new UsageError(`${parsed.undated} message(s) in ${chatArg} have a time but no date, and the log has no entry to take one from: pass --date YYYY-MM-DD.`);
  }
  if (parsed.messages.length === 0) throw new UsageError(`no messages found in ${chatArg} (read as ${parsed.format}). Check --from.`);
  const plan = planEntries(parsed.messages, log.incident, { zone, senders, kind });
  for (const d of plan.dropped) process.stderr.write(`incident-command: skipped message on line ${d.message.line}: ${d.reason === 'no-date' ? 'no date' : `"${d.message.local}" is not a time in ${zone}`}.\n`);
  if (plan.unknownSenders.length) {
    process.stderr.write(`incident-command: no roster handle for ${plan.unknownSenders.map((s) => `"${s}"`).join(', ')}; their names are kept in the text. Map them with --map "name=handle".\n`);
  }
  if (parsed.skipped.length) process.stderr.write(`incident-command: ${parsed.skipped.length} line(s) before the first message were not read (first: line ${parsed.skipped[0].line}).\n`);
  const result = insertEntriesIn(log.source, plan.entries, log.config);
  if (!result.ok) {
    const why = result.problem === 'lone-cr'
      ? 'it has lone CR line breaks, which YAML does not read as line breaks; save it with LF or CRLF line endings'
      : 'the timeline must be a YAML list';
    throw new UsageError(`cannot insert into ${values.into} (${result.problem}): ${why}.`);
  }
  const summary = plan.entries.map((e) => `${e.at}  ${e.kind.padEnd(13)}  ${(e.by ?? '-').padEnd(8)}  ${e.text.split('\n')[0]}`);
  if (!values['dry-run'] && plan.entries.length) writeIfUnchanged(log.filePath, log.text, result.text);
  const verb = values['dry-run'] ? 'Would insert' : 'Inserted';
  process.stdout.write(`${verb} ${plan.entries.length} entr${plan.entries.length === 1 ? 'y' : 'ies'} from ${parsed.format} into ${values.into}:\n${summary.map((l) => `  ${l}\n`).join('')}`);
  return 0;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Insert a chat export (Slack, KakaoTalk, plain lines) into a timeline at its times',
  usage: USAGE,
  run: runImport,
};
