// The checklist rule as lint reports it: sub-ids, levels from the config, duplicate item ids
// in the config file, ids known to disable comments and `rules:`.
import * as assert from 'node:assert/strict';
import { readConfig } from '../../src/core/config';
import { analyzeText } from '../../src/core/lint';
import { knownRuleIds } from '../../src/core/rules';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const LOG = `incident: i
title: t
service: s
severity: SEV1
status: monitoring
timezone: Asia/Seoul
roles: { commander: lcw }
maintenance:
  - id: m1
    start: 2021-01-25T16:52
    end: 2021-01-26T23:37
timeline:
  - at: 2021-01-25T16:52
    kind: maintenance-start
    window: m1
    text: down
checklist:
  roles-assigned: { done: 2021-01-25T17:00 }
  user-notice: { done: 2021-01-25T17:00 }
  state-snapshot: { done: 2021-01-25T17:00 }
  vendor-contact: { done: 2021-01-25T17:00 }
  data-verified: { done: 2021-01-26T23:00 }
  capacity-headroom: { done: 2021-01-26T23:00 }
  replication-caught-up: { done: 2021-01-26T23:00 }
  monitoring-watch: { done: 2021-01-26T23:00 }
`;

function lint(text: string, configText = '', fileName = 'x.incident.yaml', lang: 'en' | 'ko' = 'en') {
  const { config } = readConfig(configText, '.incident-command.yaml');
  return analyzeText(text, fileName, config, { lang, now: NOW }).findings.filter((f) => f.ruleId.startsWith('checklist') || f.ruleId === 'unknown-rule');
}

describe('checklist rule', () => {
  it('reports the one pending item of a reopened log as info, on the window end, and nothing once recorded', () => {
    const found = lint(LOG);
    assert.deepEqual(found.map((f) => [f.ruleId, f.level, f.range.start.line + 1]), [['checklist/reopen-admission', 'info', 11]]);
    assert.match(found[0].message, /admission limit/);
    assert.deepEqual(lint(`${LOG}  reopen-admission: { skipped: queue already on }\n`), []);
  });

  it('speaks Korean', () => {
    assert.match(lint(LOG, '', 'x.incident.yaml', 'ko')[0].message, /^체크리스트\(점검 종료 전\): .*checklist\.reopen-admission에 완료를 기록하거나/);
  });

  it('takes its level from the config, per item or for the family', () => {
    assert.equal(lint(LOG, 'rules:\n  checklist: warning\n')[0].level, 'warning');
    assert.equal(lint(LOG, 'rules:\n  checklist/reopen-admission: error\n')[0].level, 'error');
    assert.deepEqual(lint(LOG, 'rules:\n  checklist/reopen-admission: off\n'), []);
    assert.deepEqual(lint(LOG, 'rules:\n  checklist: off\n'), []);
    const back = lint(LOG, 'rules:\n  checklist: off\n  checklist/reopen-admission: warning\n');
    assert.deepEqual(back.map((f) => f.level), ['warning']);
  });

  it('is silenced by a disable comment naming the item, which is a known id', () => {
    const text = LOG.replace('    end: 2021-01-26T23:37\n', '    end: 2021-01-26T23:37 # incident-command-disable-line checklist/reopen-admission\n');
    assert.deepEqual(lint(text), []);
    const typo = LOG.replace('    end: 2021-01-26T23:37\n', '    end: 2021-01-26T23:37 # incident-command-disable-line checklist/reopen-admision\n');
    assert.deepEqual(lint(typo).map((f) => f.ruleId).sort(), ['checklist/reopen-admission', 'unknown-rule']);
  });

  it('knows team item ids as rule ids', () => {
    const { config } = readConfig('checklists:\n  - id: cafe-notice\n    trigger: maintenance-start\n    text: pinned\n');
    const known = knownRuleIds(config);
    assert.ok(known.has('checklist/cafe-notice'));
    assert.ok(known.has('checklist/reopen-admission'));
    assert.ok(!known.has('checklist/nope'));
  });

  it('reports a record naming no item, with the nearest id as a fix', () => {
    const found = lint(`${LOG}  reopen-admision: { done: 2021-01-26T23:00 }\n`);
    const typo = found.find((f) => f.ruleId === 'checklist')!;
    assert.equal(typo.level, 'warning');
    assert.match(typo.message, /Did you mean "reopen-admission"/);
    assert.equal(typo.fixes[0].edits[0].newText, 'reopen-admission');
  });
});

describe('checklist rule in the config file', () => {
  const CONFIG = `checklists:
  - id: cafe-notice
    trigger: maintenance-start
    text: pinned on the cafe
  - id: user-notice # reuses a built-in id
    trigger: resolved
    text: x
  - id: cafe-notice
    trigger: resolved
    text: y
rules:
  checklist/cafe-notice: warning
  checklist/cafe-notise: warning
`;

  it('reports each id defined twice at its second definition, and unknown sub-ids', () => {
    const found = lint(CONFIG, CONFIG, '.incident-command.yaml');
    assert.deepEqual(found.map((f) => [f.ruleId, f.range.start.line + 1, f.level]), [
      ['checklist', 5, 'warning'],
      ['checklist', 8, 'warning'],
      ['unknown-rule', 13, 'warning'],
    ]);
    assert.match(found[0].message, /"user-notice" is defined twice: it is a built-in item/);
    assert.match(found[1].message, /already defined on line 2/);
  });

  it('is quiet for a config whose ids are all distinct', () => {
    const ok = 'checklists:\n  - id: a\n    trigger: resolved\n    text: x\n  - id: b\n    trigger: resolved\n    text: y\n';
    assert.deepEqual(lint(ok, ok, '.incident-command.yaml'), []);
  });
});
