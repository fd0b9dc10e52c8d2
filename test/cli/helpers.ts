// Runs the built CLI (dist/cli.js via bin/) in a child process, as a user would.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const BIN = path.join(ROOT, 'bin', 'incident-command.js');
export const GOLDEN = path.join(ROOT, 'test', 'fixtures', 'fix-golden');

export interface RunResult { code: number; stdout: string; stderr: string }

export function cli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, // the default 1 MB would cut long outputs short
    // No colour, a fixed language and "now", whatever the developer's shell has.
    env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', LC_MESSAGES: '', INCIDENT_COMMAND_NOW: '2026-11-22T12:00:00Z', ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temp folder holding the given files (relative path → text). */
export function tempTree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return dir;
}

export const CLEAN_INCIDENT = `incident: 2026-01-05-api
title: API errors after deploy
service: public API
severity: SEV3
status: resolved
timezone: Asia/Seoul
roles:
  commander: oncall
people:
  oncall: { name: On-call engineer }
timeline:
  - at: 2026-01-05T10:00
    kind: detection
    text: Error rate alert.
  - at: 2026-01-05T10:30
    kind: resolution
    text: Deploy rolled back; errors stopped.
checklist:
  action-items-owned: { skipped: no follow-ups, by: oncall }
  postmortem-drafted: { skipped: a one-line deploy rollback, by: oncall }
`;

/** One schema error (a kind typo with a safe fix) and nothing else. */
export const ERROR_INCIDENT = CLEAN_INCIDENT.replace('kind: detection', 'kind: detecton');
/** One unknown-rule warning from a disable comment naming no rule, and nothing else. */
export const WARNING_INCIDENT = CLEAN_INCIDENT.replace('    text: Error rate alert.', '    text: Error rate alert.  # incident-command-disable-line no-such-rule');
