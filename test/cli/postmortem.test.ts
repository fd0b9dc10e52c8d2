// `incident-command postmortem` as a user runs it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, tempTree } from './helpers';

const LOG = `incident: 2022-02-16-ac
title: Cooling failure in the region
service: game servers
severity: SEV1
status: resolved
timezone: Asia/Seoul
language: ko
maintenance:
  - id: m1
    start: 2022-02-16T09:00
    end: 2022-02-17T05:00
timeline:
  - at: 2022-02-16T09:00
    kind: maintenance-start
    window: m1
    text: servers down
  - at: 2022-02-17T02:38
    kind: decision
    window: m1
    text: use the undocumented command
    options: [restore from backup, unsafe-remove-dead-replica]
    chosen: unsafe-remove-dead-replica
    why: the backup would take two more days
`;

describe('cli postmortem', () => {
  it('writes <name>.postmortem.md beside the log, then says it is up to date', () => {
    const dir = tempTree({ 'a.incident.yaml': LOG });
    const r = cli(['postmortem', 'a.incident.yaml'], dir);
    assert.equal(r.code, 0, r.stderr);
    const text = fs.readFileSync(path.join(dir, 'a.postmortem.md'), 'utf8');
    assert.match(text, /^<!-- incident-command:postmortem sha256=/);
    assert.ok(text.includes('점검 17시간 38분 경과'));
    assert.ok(text.includes('**이유:** the backup would take two more days'));
    assert.equal(cli(['postmortem', 'a.incident.yaml'], dir).stdout, 'a.postmortem.md is up to date.\n');
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temp file left');
  });

  it('refuses to overwrite a file edited since, and --force replaces it', () => {
    const dir = tempTree({ 'a.incident.yaml': LOG });
    cli(['postmortem', 'a.incident.yaml'], dir);
    const target = path.join(dir, 'a.postmortem.md');
    const edited = fs.readFileSync(target, 'utf8') + '\nOur own notes.\n';
    fs.writeFileSync(target, edited);
    const r = cli(['postmortem', 'a.incident.yaml', '--lang', 'en'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /was edited since it was generated; not overwriting/);
    assert.equal(fs.readFileSync(target, 'utf8'), edited);
    assert.equal(cli(['postmortem', 'a.incident.yaml', '--lang', 'en', '--force'], dir).code, 0);
    assert.ok(fs.readFileSync(target, 'utf8').includes('17 h 38 m into maintenance'));
  });

  it('refuses a file it did not write', () => {
    const dir = tempTree({ 'a.incident.yaml': LOG, 'a.postmortem.md': '# written by hand\n' });
    assert.equal(cli(['postmortem', 'a.incident.yaml'], dir).code, 1);
    assert.equal(fs.readFileSync(path.join(dir, 'a.postmortem.md'), 'utf8'), '# written by hand\n');
  });

  it('prints with --stdout, writes to --out, picks the style, and follows the config path', () => {
    const dir = tempTree({ 'logs/a.incident.yaml': LOG, '.incident-command.yaml': 'postmortem:\n  path: docs/pm\n' });
    const out = cli(['postmortem', 'logs/a.incident.yaml', '--stdout', '--style', 'sre'], dir);
    assert.equal(out.code, 0);
    assert.match(out.stdout, /^## 근본 원인$/m);
    assert.equal(cli(['postmortem', 'logs/a.incident.yaml'], dir).code, 0);
    assert.ok(fs.existsSync(path.join(dir, 'docs', 'pm', 'a.postmortem.md')));
    assert.equal(cli(['postmortem', 'logs/a.incident.yaml', '--out', 'x/y.md'], dir).code, 0);
    assert.ok(fs.existsSync(path.join(dir, 'x', 'y.md')));
  });

  it('gives the same bytes on every run', () => {
    const dir = tempTree({ 'a.incident.yaml': LOG });
    const a = cli(['postmortem', 'a.incident.yaml', '--stdout'], dir, { INCIDENT_COMMAND_NOW: '2022-01-01T00:00:00Z' });
    const b = cli(['postmortem', 'a.incident.yaml', '--stdout'], dir, { INCIDENT_COMMAND_NOW: '2030-01-01T00:00:00Z' });
    assert.equal(a.stdout, b.stdout);
  });

  it('exits 2 on bad usage and broken logs', () => {
    const dir = tempTree({ 'a.incident.yaml': LOG, 'b.incident.yaml': 'timeline: [\n' });
    assert.equal(cli(['postmortem', 'a.incident.yaml', '--lang', 'fr'], dir).code, 2);
    assert.equal(cli(['postmortem', 'a.incident.yaml', '--style', 'x'], dir).code, 2);
    assert.equal(cli(['postmortem', 'a.incident.yaml', '--stdout', '--out', 'x'], dir).code, 2);
    assert.equal(cli(['postmortem', 'missing.incident.yaml'], dir).code, 2);
    const broken = cli(['postmortem', 'b.incident.yaml'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /b\.incident\.yaml:\d+:\d+ is not valid YAML/);
  });
});
