// Fixes of the runbook rules, applied and compared as whole texts (LF, CRLF, with comments),
// plus behaviour the fixtures cannot show: messages in both languages, and no crash on any input.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig } from '../../src/core/config';
import type { Config } from '../../src/core/config';
import { analyzeText } from '../../src/core/lint';
import { runbookRules } from '../../src/core/rules/runbook';
import { applyEdits } from '../../src/core/text';

const lint = (text: string, lang: 'en' | 'ko' = 'en', config: Config = defaultConfig()) =>
  analyzeText(text, 'x.runbook.yaml', config, { lang, now: Date.parse('2026-11-22T12:00:00Z') }).findings;

/** Applies the first fix of the one finding of `ruleId` and returns the new text. */
function fixed(text: string, ruleId: string, which = 0): string {
  const f = lint(text).filter((x) => x.ruleId === ruleId);
  assert.ok(f[which], `no ${ruleId} finding in:\n${text}`);
  assert.ok(f[which].fixes.length > 0, `${ruleId} offers no fix`);
  return applyEdits(text, f[which].fixes[0].edits);
}

const lines = (...ls: string[]) => ls.join('\n') + '\n';

describe('runbook rules: fixes', () => {
  it('step-verify-missing inserts verify after the last key, at the step indentation, keeping comments', () => {
    const text = lines(
      'runbook: r # the id',
      'title: T',
      'steps:',
      '  - id: grow   # add nodes',
      '    title: Add nodes',
      '    run: ./add.sh 3 # three more',
      '    timeout: 1h  # then roll back',
      '  # between steps',
      '  - id: next',
      '    title: Next',
      '    kind: check');
    assert.equal(fixed(text, 'step-verify-missing'), lines(
      'runbook: r # the id',
      'title: T',
      'steps:',
      '  - id: grow   # add nodes',
      '    title: Add nodes',
      '    run: ./add.sh 3 # three more',
      '    timeout: 1h  # then roll back',
      '    verify: <how to tell it worked>',
      '  # between steps',
      '  - id: next',
      '    title: Next',
      '    kind: check'));
  });

  it('step-verify-missing fills an empty verify: instead of adding a second one', () => {
    const text = lines('runbook: r', 'title: T', 'steps:', '  - id: a', '    title: A', '    run: ./a.sh', '    verify:   # later', '    timeout: 5m');
    assert.equal(fixed(text, 'step-verify-missing'),
      lines('runbook: r', 'title: T', 'steps:', '  - id: a', '    title: A', '    run: ./a.sh', '    verify: <how to tell it worked>   # later', '    timeout: 5m'));
  });

  it('dangerous-command adds danger, approval and rollback on a CRLF file, after a block scalar', () => {
    const text = [
      'runbook: r', 'title: T', 'steps:',
      '  - id: save', '    title: Snapshot', '    kind: check',
      '  - id: flush', '    title: Flush', '    run: |', '      redis-cli FLUSHALL', '      echo done', '',
      '  - id: after', '    title: After', '    kind: check', ''].join('\r\n');
    const expected = [
      'runbook: r', 'title: T', 'steps:',
      '  - id: save', '    title: Snapshot', '    kind: check',
      '  - id: flush', '    title: Flush', '    run: |', '      redis-cli FLUSHALL', '      echo done',
      '    danger: true', '    approval: <role>', '    rollback: <how to undo>', '',
      '  - id: after', '    title: After', '    kind: check', ''].join('\r\n');
    assert.equal(fixed(text, 'dangerous-command'), expected);
  });

  it('dangerous-command turns danger: false into true and adds only what is missing', () => {
    const text = lines('runbook: r', 'title: T', 'steps:', '  - id: save', '    title: Back up', '    kind: check',
      '  - title: Drop', '    id: drop', '    run: psql -c "DROP TABLE t"', '    danger: false # not yet reviewed', '    approval: dba');
    assert.equal(fixed(text, 'dangerous-command'), lines('runbook: r', 'title: T', 'steps:', '  - id: save', '    title: Back up', '    kind: check',
      '  - title: Drop', '    id: drop', '    run: psql -c "DROP TABLE t"', '    danger: true # not yet reviewed', '    approval: dba', '    rollback: <how to undo>'));
  });

  it('after the dangerous-command fix, the rule is quiet and placeholder asks for the blanks', () => {
    const text = lines('runbook: r', 'title: T', 'steps:', '  - id: save', '    title: Back up', '    kind: check',
      '  - id: flush', '    title: Flush', '    run: redis-cli FLUSHALL', '    verify: DBSIZE is 0', '    timeout: 5m');
    const after = lint(fixed(text, 'dangerous-command')).map((f) => f.ruleId);
    assert.deepEqual(after, ['placeholder', 'placeholder']);
  });

  it('the range of dangerous-command is the matched command, inside quotes too', () => {
    const text = lines('runbook: r', 'title: T', 'steps:', '  - id: save', '    title: Back up', '    kind: check',
      '  - id: d', '    title: D', `    run: "psql -c 'TRUNCATE TABLE sessions'"`, '    verify: v', '    timeout: 5m');
    const f = lint(text).find((x) => x.ruleId === 'dangerous-command')!;
    assert.equal(text.slice(f.span[0], f.span[1]), 'TRUNCATE TABLE sessions');
    assert.match(f.message, /SQL TRUNCATE/);
    assert.match(f.message, /every row/);
  });

  it('rollback-missing and role-missing insert their keys', () => {
    const text = lines('runbook: r', 'title: T', 'roles: [ops]', 'steps:', '  - id: save', '    title: Back up', '    kind: check', '    role: ops',
      '  - id: wipe', '    title: Wipe', '    danger: true', '    approval: ops');
    assert.equal(fixed(text, 'rollback-missing'), lines('runbook: r', 'title: T', 'roles: [ops]', 'steps:', '  - id: save', '    title: Back up', '    kind: check', '    role: ops',
      '  - id: wipe', '    title: Wipe', '    danger: true', '    approval: ops', '    rollback: <how to undo>'));
    assert.equal(fixed(text, 'role-missing'), lines('runbook: r', 'title: T', 'roles: [ops]', 'steps:', '  - id: save', '    title: Back up', '    kind: check', '    role: ops',
      '  - id: wipe', '    title: Wipe', '    danger: true', '    approval: ops', '    role: <role>'));
  });

  it('no-user-notice inserts a communication step above the first action, with a free id', () => {
    const text = lines('runbook: r', 'title: T', 'kind: maintenance', 'steps:', '# first we check', '- id: user-notice', '  title: Check', '  kind: check',
      '- id: go', '  title: Go', '  kind: wait', '- id: act', '  title: Act');
    assert.equal(fixed(text, 'no-user-notice'), lines('runbook: r', 'title: T', 'kind: maintenance', 'steps:', '# first we check', '- id: user-notice', '  title: Check', '  kind: check',
      '- id: go', '  title: Go', '  kind: wait',
      '- id: user-notice-2', '  title: <tell users what stops and the expected end>', '  kind: communication',
      '- id: act', '  title: Act'));
  });

  it('unknown-step-ref and unknown-role offer the near id or role', () => {
    const text = lines('runbook: r', 'title: T', 'roles: [commander, dba]', 'steps:', '  - id: snapshot', '    title: S', '    kind: check', '    role: dbaa',
      '  - id: b', '    title: B', '    kind: check', '    role: dba', '    after: [snapsht]');
    assert.match(fixed(text, 'unknown-step-ref'), /after: \[snapshot\]/);
    assert.equal(fixed(text, 'unknown-role'), text.replace('role: dbaa', 'role: dba'));
    assert.match(lint(text).find((f) => f.ruleId === 'unknown-role')!.message, /Did you mean "dba"/);
  });

  it('offers no line-inserting fix for flow-style steps, and still reports them', () => {
    const text = lines('runbook: r', 'title: T', 'steps:', '  - {id: a, title: A, run: ./a.sh, timeout: 5m}');
    const f = lint(text).find((x) => x.ruleId === 'step-verify-missing')!;
    assert.deepEqual(f.fixes, []);
  });
});

describe('runbook rules: behaviour', () => {
  it('every runbook rule has both descriptions, and reports in Korean with lang ko', () => {
    for (const r of runbookRules) assert.ok(r.description.en && /[가-힣]/.test(r.description.ko), r.id);
    const text = lines('runbook: r', 'title: T', 'kind: maintenance', 'window: 1h', 'roles: [ops]', 'steps:',
      '  - id: a', '    title: A', '    run: redis-cli FLUSHALL', '    role: opz', '    estimate: 2h', '    after: [zz]');
    const ko = lint(text, 'ko').filter((f) => f.ruleId !== 'schema');
    assert.ok(ko.length >= 6, ko.map((f) => f.ruleId).join());
    for (const f of ko) assert.match(f.message, /[가-힣]/, `${f.ruleId}: ${f.message}`);
  });

  it('estimate-exceeds-window names both figures', () => {
    const text = lines('runbook: r', 'title: T', 'window: 2h', 'steps:', '  - id: a', '    title: A', '    kind: wait', '    estimate: 90m',
      '  - id: b', '    title: B', '    kind: wait', '    estimate: 1h');
    const f = lint(text).find((x) => x.ruleId === 'estimate-exceeds-window')!;
    assert.match(f.message, /2h30m/);
    assert.match(f.message, /2h00m/);
    assert.equal(text.slice(f.span[0], f.span[1]), '2h');
  });

  it('destructive-before-backup follows the after chain transitively', () => {
    const text = lines('runbook: r', 'title: T', 'steps:', '  - id: dump', '    title: pg_dump the game database', '    kind: wait',
      '  - id: other', '    title: Unrelated', '    kind: wait', '  - id: mid', '    title: Middle', '    kind: wait', '    after: dump',
      '  - id: drop', '    title: Drop', '    run: psql -c "DROP DATABASE old"', '    danger: true', '    approval: dba', '    rollback: restore the dump',
      '    verify: v', '    timeout: 5m', '    after: [mid]');
    assert.deepEqual(lint(text).map((f) => f.ruleId), []);
    const broken = text.replace('    after: dump\n', '');
    assert.deepEqual(lint(broken).map((f) => f.ruleId), ['destructive-before-backup']);
  });

  it('turning dangerous-command off moves a missing rollback to rollback-missing', () => {
    const text = lines('runbook: r', 'title: T', 'steps:', '  - id: save', '    title: SAVE', '    kind: check',
      '  - id: f', '    title: F', '    run: redis-cli FLUSHDB', '    verify: v', '    timeout: 5m');
    assert.deepEqual(lint(text).map((f) => f.ruleId), ['dangerous-command']);
    const config = defaultConfig();
    config.rules.set('dangerous-command', { level: 'off' });
    assert.deepEqual(lint(text, 'en', config).map((f) => f.ruleId), ['rollback-missing']);
  });

  it('no rule crashes on arbitrary runbook text', () => {
    const pieces = ['runbook: r\n', 'steps:\n', '  - id: a\n', '    run: rm -rf /\n', '    after: [a, b]\n', '    danger: true\n',
      '  - {id: b, run: "DROP TABLE t"}\n', 'window: 1h\n', 'kind: maintenance\n', 'roles: [x]\n', '    estimate: 2h\n', '  -\n', '    run: |\n      x\n'];
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 12 })), { maxLength: 14 }), (parts) => {
      const findings = lint(parts.join(''));
      for (const f of findings) assert.doesNotMatch(f.message, /^Rule .* failed/, f.message);
    }), { numRuns: 300 });
  });
});
