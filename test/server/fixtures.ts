// A temporary workspace for the server tests: a config with a roster and a zone, one log
// with a known typo, and one log with half-typed lines for completion.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CONFIG = `timezone: Asia/Seoul
people:
  hjkim:
    name: Hajun Kim
    team: Infra
  yjchoi:
    name: Yujin Choi
`;

export const LOG = `incident: 2026-11-20-test
title: Cache cluster out of memory
service: Guilds
severity: SEV2
status: resolvd
people:
  lcw:
    name: Lee
roles:
  commander: hjkim
maintenance:
  - id: m1
    title: First window
    start: 2026-11-20T22:00
    end: 2026-11-21T01:00
  - id: m2
    start: 2026-11-21T03:00
    end: 2026-11-21T04:00
timeline:
  - at: 2026-11-20T21:31
    kind: detection
    id: oom
    by: hjkim
    text: Writes fail.
  - at: 2026-11-20T22:00
    kind: maintenance-start
    window: m1
    by: lcw
    text: Down for maintenance.
  - at: 2026-11-21T01:00
    kind: maintenance-end
    window: m1
    text: Back up.
  - at: 2026-11-21T03:00
    kind: maintenance-start
    window: m2
    text: Down again.
  - at: 2026-11-21T04:00
    kind: resolution
    window: m2
    text: Resolved.
causes:
  - text: Memory ran out
    refs: [oom]
`;

export const TYPING = `incident: 2026-11-20-typing
title: Typing
service: Guilds
severity: SEV2
status: monitoring
maintenance:
  - id: m1
    start: 2026-11-20T22:00
timeline:
  - at: 2026-11-20T21:31
    kind: detection
    id: first
    text: Started.
  - at: 2026-11-20T22:10
    kind: 
    by: 
    window: 
    text: Half typed.
  - 
`;

export function makeWorkspace(): { dir: string; config: string; log: string; typing: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-server-'));
  const config = path.join(dir, '.incident-command.yaml');
  const log = path.join(dir, 'incidents', '2026-11-20-test.incident.yaml');
  const typing = path.join(dir, 'incidents', 'typing.incident.yaml');
  fs.mkdirSync(path.dirname(log));
  fs.writeFileSync(config, CONFIG);
  fs.writeFileSync(log, LOG);
  fs.writeFileSync(typing, TYPING);
  return { dir, config, log, typing };
}
