// Command arguments and choices that need no editor.
import * as assert from 'node:assert/strict';
import { ENTRY_KINDS } from '../../src/core/schema/incident';
import { KIND_DESCRIPTIONS, orderedKinds, pickZone, ruleDocCandidates, ruleIdFromArg, targetFolder, titleProblem } from '../../src/extension/choices';

describe('extension: command arguments and choices', () => {
  it('reads a rule id from what a diagnostic link, code action or palette passes', () => {
    assert.equal(ruleIdFromArg('timeline-order'), 'timeline-order');
    assert.equal(ruleIdFromArg(['secret-in-text']), 'secret-in-text');
    assert.equal(ruleIdFromArg({ ruleId: 'schema' }), 'schema');
    assert.equal(ruleIdFromArg({ id: 'checklist/roles-assigned' }), 'checklist/roles-assigned');
    assert.equal(ruleIdFromArg('  placeholder '), 'placeholder');
  });

  it('refuses ids that could reach outside docs/rules', () => {
    for (const bad of ['../../package', 'a/../../b', '/etc/passwd', 'a\\b', 'A-Rule', '', 'a/b/c', 'x.md', undefined, null, 3, {}, [], { ruleId: 7 }]) {
      assert.equal(ruleIdFromArg(bad), undefined, JSON.stringify(bad));
    }
  });

  it('looks for a sub-rule page, then its parent rule page', () => {
    assert.deepEqual(ruleDocCandidates('schema'), [['docs', 'rules', 'schema.md']]);
    assert.deepEqual(ruleDocCandidates('checklist/user-notice'), [['docs', 'rules', 'checklist-user-notice.md'], ['docs', 'rules', 'checklist.md']]);
  });

  it('picks the first valid zone', () => {
    assert.equal(pickZone(undefined, '', 'Asia/Seoul', 'UTC'), 'Asia/Seoul');
    assert.equal(pickZone('Mars/Olympus', ' Europe/Berlin '), 'Europe/Berlin');
    assert.equal(pickZone(null, 'nope'), 'UTC');
  });

  it('puts new files in the preferred folder when it exists', () => {
    assert.equal(targetFolder('/w/', 'incidents', (p) => p === '/w/incidents'), '/w/incidents');
    assert.equal(targetFolder('/w', 'incidents', () => false), '/w');
  });

  it('offers every entry kind, the last used first, each with a description', () => {
    assert.deepEqual(orderedKinds(undefined), [...ENTRY_KINDS]);
    const o = orderedKinds('communication');
    assert.equal(o[0], 'communication');
    assert.deepEqual([...o].sort(), [...ENTRY_KINDS].sort());
    assert.deepEqual(orderedKinds('bogus'), [...ENTRY_KINDS]);
    for (const k of ENTRY_KINDS) assert.ok(KIND_DESCRIPTIONS[k].length > 5, k);
  });

  it('checks titles', () => {
    assert.equal(titleProblem('Checkout returns 502'), undefined);
    assert.ok(titleProblem('   '));
    assert.ok(titleProblem('a\nb'));
    assert.ok(titleProblem('x'.repeat(201)));
  });
});
