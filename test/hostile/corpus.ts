// Hostile inputs for incidents and runbooks: what a tired responder, a bad paste, a broken
// disk or a malicious file can put in front of the parser and the rules. Each case builds its
// text when asked (the 100 MB one must never sit in the repository), deterministically, so a
// worker and the test that checks its answer see the same bytes.

export interface HostileCase {
  name: string;
  fileName: string;
  make(): string;
  /** A finding must start on this 0-based line (the place of the problem), optionally of this rule. */
  line?: number;
  rule?: string;
  /** Text that no message may repeat. */
  secrets?: string[];
  /** Too big to send around or to re-check in the test process; only the finding is checked. */
  huge?: boolean;
  /**
   * The hang bound for a big file whose honest analysis takes seconds (KILL_AFTER_MS when not
   * given). Still far below what a pass quadratic in its items would take on it.
   */
  killAfterMs?: number;
}

export const INCIDENT = [
  'incident: 2026-11-20-cache',
  'title: Cache cluster out of memory',
  'service: Guilds',
  'severity: SEV2',
  'status: resolved',
  'timezone: Asia/Seoul',
  'people:',
  '  hjkim: {name: Hajun Kim}',
  'roles:',
  '  commander: hjkim',
  'timeline:',
  '  - at: 2026-11-20T21:31',
  '    kind: detection',
  '    id: oom',
  '    by: hjkim',
  '    text: Writes fail.',
  '  - at: 2026-11-20T22:10',
  '    kind: resolution',
  '    text: Resolved.',
  '',
].join('\n');

export const RUNBOOK = [
  'runbook: cache-restart',
  'title: Restart one cache node',
  'service: guild-cache',
  'owner: dwjung',
  'kind: mitigation',
  'roles: [ops]',
  'steps:',
  '  - id: memory',
  '    title: Record memory use',
  '    role: ops',
  '    kind: check',
  '    run: redis-cli INFO memory',
  '    verify: numbers pasted into the log',
  '    timeout: 2m',
  '',
].join('\n');

/** A small seeded generator: the same bytes on every run and in every process. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bytes decoded as the server decodes a file: UTF-8, invalid sequences become U+FFFD. */
const utf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

function randomBytes(n: number, seed: number): Uint8Array {
  const r = random(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(r() * 256);
  return out;
}

const lines = (text: string): string[] => text.split('\n');
/** The incident with line `at` replaced (or, with `insert`, lines put before it). */
function incidentWith(at: number, replacement: string[], insert = false): string {
  const l = lines(INCIDENT);
  l.splice(at, insert ? 0 : 1, ...replacement);
  return l.join('\n');
}
function runbookStep(run: string): string { return RUNBOOK.replace('run: redis-cli INFO memory', `run: ${JSON.stringify(run)}`); }

/** 9 lists of 9 references per level: expanding it would build 9^10 strings. */
function aliasBomb(): string {
  const out = ['incident: bomb', 'title: &l0 "lol"'];
  for (let i = 1; i <= 10; i++) out.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  out.push('summary: *l10', 'timeline:', '  - at: 2026-11-20T21:31', '    kind: note', '    text: *l10', '');
  return out.join('\n');
}

/** 100 MB of plausible timeline, built by doubling so it costs little to make. */
function hundredMegabytes(): string {
  const entry = '  - at: 2026-11-20T21:31\n    kind: note\n    text: still waiting for the copy to finish\n';
  const target = 100 * 1024 * 1024;
  let body = entry;
  while (body.length * 2 < target) body += body;
  return `${INCIDENT}${body}${body.slice(0, target - body.length)}`;
}

/** 5,000 entries, each after a comment that silences one rule on it. */
function disableLines(n: number): string {
  const out = [...lines(INCIDENT).slice(0, 11)];
  for (let i = 0; i < n; i++) out.push('  - at: 2026-11-20T21:31', `    # incident-command-disable-next-line ${i % 2 ? 'schema' : `rule${i}`}`, '    kind: bogus', '    text: x');
  return `${out.join('\n')}\n`;
}

/** The timeline as one flow sequence of `n` flow maps, on one line or one item a line. */
function flowTimeline(n: number, separator: string, item = (i: number) => `{at: ${new Date(Date.UTC(2026, 10, 20, 1) + i * 1000).toISOString().slice(0, 19)}, kind: note, text: step ${i}}`): string {
  return `${lines(INCIDENT).slice(0, 10).join('\n')}\ntimeline: [${Array.from({ length: n }, (_, i) => item(i)).join(separator)}]\n`;
}

function deepBlockMap(depth: number): string {
  const out = ['incident: deep', 'summary:'];
  for (let i = 1; i <= depth; i++) out.push(`${' '.repeat(i)}k${i}:`);
  out.push(`${' '.repeat(depth + 1)}leaf`, '');
  return out.join('\n');
}

// Numbers, dates and unknown tags are read as the text written, so only the others are findings.
const SCALARS: [string, string, boolean][] = [
  ['null', 'null', true], ['tilde', '~', true], ['true', 'true', true], ['float', '1e9', false], ['hex', '0x1F', false],
  ['inf', '.inf', false], ['date', '2021-01-25', false], ['binary', '!!binary aGVsbG8=', true], ['custom-tag', '!foo bar', false],
  ['empty-map', '{}', true], ['list', '[a, b]', true],
];

// Credentials in the shapes people paste. None is real; each is built from parts so this
// file itself does not look like a leaked key to a scanner.
const AWS_ID = ['AKIA', 'Q3ZPNH7T', 'XW4RK2LM'].join('');
const AWS_SECRET = ['wJalrXUtnFEMI', 'K7MDENGbPxRfiCY', 'Zq9tb3kLm2Vp'].join('');
const BEARER = ['eyJhbGciOi', 'JIUzI1NiJ9x', 'Qk7pL2mN9vR4tZ'].join('');
const GITHUB = ['ghp_', 'A1b2C3d4E5f6G7h8', 'I9j0K1l2M3n4O5p6Q7r8'].join('');
const SLACK = ['xoxb-', '123456789012-', 'AbCdEfGhIjKl'].join('');
const PASSWORD = ['Tr0ub4dor', '&3horse'].join('');
const KEY_BODY = ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 'BKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj', 'MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3S'].join('\n      ');
const PRIVATE_KEY = `-----BEGIN RSA ${'PRIVATE'} KEY-----\n      ${KEY_BODY}\n      -----END RSA ${'PRIVATE'} KEY-----`;

function secretEntry(text: string): string {
  return incidentWith(19, ['  - at: 2026-11-20T22:20', '    kind: note', `    text: ${text}`, ''], true);
}

export const CORPUS: readonly HostileCase[] = [
  { name: 'billion laughs (anchors nested 10 deep)', fileName: 'bomb.incident.yaml', make: aliasBomb },
  { name: '100 MB file', fileName: 'huge.incident.yaml', make: hundredMegabytes, huge: true, line: 0, rule: 'file-too-large' },
  { name: 'flow nesting 10,000 deep', fileName: 'deep-flow.incident.yaml', make: () => `incident: deep\nsummary: ${'['.repeat(10000)}${']'.repeat(10000)}\n` },
  { name: 'flow nesting 10,000 deep, unclosed', fileName: 'deep-open.incident.yaml', make: () => `incident: deep\nsummary: ${'['.repeat(10000)}\n`, line: 1, rule: 'yaml-syntax' },
  { name: 'block sequence nesting 10,000 deep', fileName: 'deep-seq.incident.yaml', make: () => `incident: deep\ntimeline:\n${'- '.repeat(10000)}x\n` },
  { name: 'block map nesting 2,000 deep', fileName: 'deep-map.incident.yaml', make: () => deepBlockMap(2000) },
  { name: 'random binary bytes', fileName: 'binary.incident.yaml', make: () => utf8(randomBytes(64 * 1024, 1)) },
  { name: 'random binary bytes in a runbook', fileName: 'binary.runbook.yaml', make: () => utf8(randomBytes(64 * 1024, 2)) },
  {
    name: 'invalid UTF-8 in a value', fileName: 'utf8.incident.yaml',
    make: () => {
      const [before, after] = INCIDENT.split('fail.');
      return utf8(Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from(`fail.${after}`)]));
    },
  },
  { name: 'NUL bytes', fileName: 'nul.incident.yaml', make: () => INCIDENT.replace('Writes fail.', 'Writes\0fail.').replace('title: Cache', 'title: \0Cache') },
  { name: 'CRLF everywhere', fileName: 'crlf.incident.yaml', make: () => INCIDENT.replace(/\n/g, '\r\n') },
  { name: 'lone CR line breaks', fileName: 'cr.incident.yaml', make: () => INCIDENT.replace(/\n/g, '\r') },
  { name: 'BOM', fileName: 'bom.incident.yaml', make: () => `\ufeff${INCIDENT}` },
  { name: 'BOM and CRLF in a runbook', fileName: 'bom.runbook.yaml', make: () => `\ufeff${RUNBOOK.replace(/\n/g, '\r\n')}` },
  { name: 'tab as indentation', fileName: 'tab.incident.yaml', make: () => incidentWith(12, ['\t  kind: detection']), line: 12, rule: 'yaml-syntax' },
  { name: 'duplicate key at the top', fileName: 'dup-top.incident.yaml', make: () => incidentWith(4, ['status: open'], true), line: 5, rule: 'yaml-syntax' },
  { name: 'duplicate key in a map', fileName: 'dup-map.incident.yaml', make: () => incidentWith(8, ['  hjkim: {name: Other}'], true), line: 8, rule: 'yaml-syntax' },
  { name: 'duplicate key in an entry', fileName: 'dup-entry.incident.yaml', make: () => incidentWith(15, ['    by: hjkim'], true), line: 15, rule: 'yaml-syntax' },
  { name: 'duplicate key in a flow map', fileName: 'dup-flow.incident.yaml', make: () => incidentWith(7, ['  hjkim: {name: A, name: B}']), line: 7, rule: 'yaml-syntax' },
  ...SCALARS.map(([name, value, flagged]): HostileCase => ({ name: `${name} where a string is expected (title)`, fileName: `scalar-${name}.incident.yaml`, make: () => incidentWith(1, [`title: ${value}`]), line: flagged ? 1 : undefined })),
  ...SCALARS.map(([name, value, flagged]): HostileCase => ({ name: `${name} where a string is expected (entry text)`, fileName: `text-${name}.incident.yaml`, make: () => incidentWith(15, [`    text: ${value}`]), line: flagged ? 15 : undefined })),
  ...SCALARS.map(([name, value, flagged]): HostileCase => ({ name: `${name} where a string is expected (run)`, fileName: `run-${name}.runbook.yaml`, make: () => RUNBOOK.replace('run: redis-cli INFO memory', `run: ${value}`), line: flagged ? 11 : undefined })),
  { name: '1 MB single line', fileName: 'long-line.incident.yaml', make: () => incidentWith(15, [`    text: ${'a'.repeat(1024 * 1024)}`]) },
  { name: '1 MB single line of dotted words', fileName: 'long-dots.incident.yaml', make: () => incidentWith(15, [`    text: ${'a.'.repeat(512 * 1024)}`]) },
  { name: '1 MB single line in a run', fileName: 'long-run.runbook.yaml', make: () => runbookStep(`rm ${'-r '.repeat(350000)}`) },
  {
    name: '50,000-item flow sequence', fileName: 'flow-seq.incident.yaml',
    make: () => `${lines(INCIDENT).slice(0, 10).join('\n')}\ntimeline: [${Array(50000).fill('x').join(', ')}]\n`,
  },
  { name: '50,000 plain items in a list', fileName: 'roles-seq.runbook.yaml', make: () => RUNBOOK.replace('roles: [ops]', `roles: [${Array(50000).fill('ops').join(', ')}]`) },
  { name: 'unterminated double quote', fileName: 'quote2.incident.yaml', make: () => incidentWith(1, ['title: "Cache cluster out of memory']), line: 1, rule: 'yaml-syntax' },
  { name: 'unterminated single quote at the end', fileName: 'quote1.incident.yaml', make: () => `${INCIDENT}notes: 'never closed`, line: 19, rule: 'yaml-syntax' },
  { name: 'second document', fileName: 'multi.incident.yaml', make: () => `${INCIDENT}---\nincident: other\n`, line: 19, rule: 'yaml-syntax' },
  { name: 'documents and directives', fileName: 'directive.runbook.yaml', make: () => `%YAML 1.2\n---\n${RUNBOOK}...\n---\n${RUNBOOK}`, line: 17, rule: 'yaml-syntax' },
  { name: 'a map as a key', fileName: 'map-key.incident.yaml', make: () => incidentWith(4, ['? {a: 1}', ': b'], true), line: 4 },
  { name: 'a map as a key in an entry', fileName: 'map-key-entry.incident.yaml', make: () => incidentWith(15, ['    [x, y]: z'], true), line: 15 },
  { name: 'absurd year', fileName: 'year.incident.yaml', make: () => incidentWith(16, ['  - at: 99999-01-01T00:00']), line: 16 },
  { name: 'year zero and month 13', fileName: 'year0.incident.yaml', make: () => incidentWith(16, ['  - at: 0000-13-01T25:61']), line: 16 },
  { name: 'zone name that is a path', fileName: 'zone.incident.yaml', make: () => incidentWith(5, ['timezone: ../../etc/passwd']), line: 5 },
  { name: 'zone suffix that is a path', fileName: 'zone-at.incident.yaml', make: () => incidentWith(16, ['  - at: 2026-11-20T22:10 ../../../etc/passwd']), line: 16 },
  {
    name: 'regex metacharacters in a disable comment', fileName: 'disable.incident.yaml',
    make: () => incidentWith(1, ['title: Cache # incident-command-disable-line (a+)+$, .*, [, schema|*, \\1, ^(?=x)']), line: 1, rule: 'unknown-rule',
  },
  { name: 'a disable comment with 1,000 ids', fileName: 'disable-many.incident.yaml', make: () => incidentWith(1, [`title: Cache # incident-command-disable-line ${Array.from({ length: 1000 }, (_, i) => `rule${i}`).join(', ')}`]), line: 1, rule: 'unknown-rule' },
  { name: 'a disable comment with 5,000 ids', fileName: 'disable-5000.incident.yaml', make: () => incidentWith(1, [`title: Cache # incident-command-disable-line ${Array.from({ length: 5000 }, (_, i) => `rule${i}`).join(', ')}`]), line: 1, rule: 'unknown-rule' },
  { name: '5,000 disable comments', fileName: 'disable-lines.incident.yaml', make: () => disableLines(5000), line: 12, rule: 'unknown-rule' },
  { name: '50,000 timeline entries as one flow sequence on one line', fileName: 'flow-timeline.incident.yaml', make: () => flowTimeline(50000, ', '), killAfterMs: 60000 },
  { name: '50,000 timeline entries as one flow sequence, an entry a line', fileName: 'flow-timeline-lines.incident.yaml', make: () => flowTimeline(50000, ',\n  '), killAfterMs: 60000 },
  { name: '20,000 flow entries with one id', fileName: 'flow-dup-ids.incident.yaml', make: () => flowTimeline(20000, ', ', () => '{at: 2026-11-20T21:31, kind: note, id: oom, text: again}'), line: 10, rule: 'duplicate-id', killAfterMs: 30000 },
  { name: 'run of 50,000 spaces', fileName: 'spaces.runbook.yaml', make: () => runbookStep(`rm${' '.repeat(50000)}x`) },
  { name: 'rm and 50,000 dashes', fileName: 'dashes.runbook.yaml', make: () => runbookStep(`rm -${'-'.repeat(50000)}`) },
  { name: 'rm and 40 long flags', fileName: 'rm-flags.runbook.yaml', make: () => runbookStep(`rm ${'--a '.repeat(40)}x`) },
  { name: 'rm and a 20,000-letter flag', fileName: 'rm-letters.runbook.yaml', make: () => runbookStep(`rm -${'r'.repeat(20000)}`) },
  { name: 'rm -r 6,000 times', fileName: 'rm-r.runbook.yaml', make: () => runbookStep(`rm ${'-r '.repeat(6000)}`) },
  { name: 'kubectl and 40 long flags', fileName: 'kubectl.runbook.yaml', make: () => runbookStep(`kubectl ${'--a '.repeat(40)}get pods`) },
  { name: 'long DELETE FROM without WHERE', fileName: 'delete.runbook.yaml', make: () => runbookStep(`DELETE FROM t${' x'.repeat(25000)}`), line: 11, rule: 'dangerous-command' },
  { name: 'many DELETE FROM', fileName: 'deletes.runbook.yaml', make: () => runbookStep('DELETE FROM "t '.repeat(5000)) },
  { name: 'shutdown 5,000 times', fileName: 'shutdown.runbook.yaml', make: () => runbookStep('shutdown '.repeat(5000)) },
  { name: 'JWT-like words 10,000 times', fileName: 'jwt.incident.yaml', make: () => secretEntry('eyJa-'.repeat(10000)) },
  { name: 'scheme-like words 50,000 times', fileName: 'scheme.incident.yaml', make: () => secretEntry('a.'.repeat(50000)) },
  { name: 'an AWS access key id', fileName: 'aws.incident.yaml', make: () => secretEntry(`key ${AWS_ID} leaked`), line: 21, rule: 'secret-in-text', secrets: [AWS_ID] },
  { name: 'an AWS secret key', fileName: 'aws-secret.runbook.yaml', make: () => runbookStep(`aws configure set aws_secret_access_key=${AWS_SECRET}`), line: 11, rule: 'secret-in-text', secrets: [AWS_SECRET] },
  { name: 'a bearer token', fileName: 'bearer.runbook.yaml', make: () => runbookStep(`curl -H 'Authorization: Bearer ${BEARER}' https://api`), line: 11, rule: 'secret-in-text', secrets: [BEARER] },
  { name: 'a private key block', fileName: 'pem.incident.yaml', make: () => incidentWith(15, ['    text: |', ...PRIVATE_KEY.split('\n').map((l) => `      ${l.trim()}`)]), line: 16, rule: 'secret-in-text', secrets: KEY_BODY.split('\n').map((l) => l.trim()) },
  { name: 'password= in a command', fileName: 'password.runbook.yaml', make: () => runbookStep(`mysql --host db password=${PASSWORD}`), line: 11, rule: 'secret-in-text', secrets: [PASSWORD] },
  { name: 'a password key', fileName: 'password-key.incident.yaml', make: () => incidentWith(15, [`    password: ${JSON.stringify(PASSWORD)}`], true), line: 15, rule: 'secret-in-text', secrets: [PASSWORD] },
  { name: 'a GitHub token', fileName: 'github.incident.yaml', make: () => secretEntry(`token ${GITHUB}`), line: 21, rule: 'secret-in-text', secrets: [GITHUB] },
  { name: 'a Slack token', fileName: 'slack.incident.yaml', make: () => secretEntry(`bot ${SLACK}`), line: 21, rule: 'secret-in-text', secrets: [SLACK] },
  { name: 'a password in a connection string', fileName: 'dsn.runbook.yaml', make: () => runbookStep(`psql postgres://admin:${PASSWORD}@db/prod`), line: 11, rule: 'secret-in-text', secrets: [PASSWORD] },
  { name: 'a secret in a key name', fileName: 'secret-key.incident.yaml', make: () => incidentWith(15, [`    ${AWS_ID}: x`], true), line: 15, rule: 'secret-in-text', secrets: [AWS_ID] },
];

export function caseNamed(name: string): HostileCase {
  const c = CORPUS.find((x) => x.name === name);
  if (!c) throw new Error(`no hostile case "${name}"`);
  return c;
}
