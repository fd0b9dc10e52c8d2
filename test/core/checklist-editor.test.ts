// The server's checklist features over a real analysis: quick fixes on `checklist/<id>`
// diagnostics, the view the tree shows, the CodeLens, and the recheck that re-publishes only
// when time changed what is pending.
import * as assert from 'node:assert/strict';
import type { CodeActionParams } from 'vscode-languageserver/node';
import { defaultConfig } from '../../src/core/config';
import { analyzeText } from '../../src/core/lint';
import { applyEdits } from '../../src/core/text';
import { checklistCodeActions, checklistEdits, checklistLenses, checklistView, evaluate } from '../../src/server/checklist';
import type { DocState } from '../../src/server/documents';

const LOG = `incident: i
title: t
service: s
severity: SEV1
status: mitigating
timezone: Asia/Seoul
roles: { commander: lcw }
maintenance: # m1 is still open
  - id: m1
    start: 2026-11-22T16:00
timeline:
  - at: 2026-11-22T16:00
    kind: maintenance-start
    window: m1
    text: down
checklist:
  roles-assigned: { done: 2026-11-22T16:01 }
  user-notice: { done: 2026-11-22T16:01 }
  state-snapshot: { done: 2026-11-22T15:59 }
  vendor-contact: { skipped: none }
`;

function state(text: string, now: number, lang: 'en' | 'ko' = 'en'): DocState {
  const config = defaultConfig();
  const analysis = analyzeText(text, '/w/a.incident.yaml', config, { lang, now });
  return { uri: 'file:///w/a.incident.yaml', version: 1, kind: 'incident', analysis, tooLarge: false, input: { analysis, config, lang } } as DocState;
}

const at = (s: string) => Date.parse(s);

describe('checklist in the editor (server side)', () => {
  const now = at('2026-11-22T08:30Z'); // 17:30 KST: the window has run 90 minutes with no notice
  const s = state(LOG, now);

  it('offers "Mark done now" with the edit, and "Skip with reason..." as the client command', () => {
    const f = s.analysis.findings.find((x) => x.ruleId === 'checklist/status-update')!;
    const params = { textDocument: { uri: s.uri }, range: f.range, context: { diagnostics: [] } } as unknown as CodeActionParams;
    const actions = checklistCodeActions(s, params, now);
    assert.deepEqual(actions.map((a) => a.title), ['Mark status-update done now', 'Skip status-update with reason...']);
    const edit = actions[0].edit!.changes![s.uri][0];
    assert.equal(edit.newText, '\n  status-update: { done: 2026-11-22T17:30:00+09:00 }');
    assert.deepEqual(actions[1].command!.arguments, [s.uri, 'status-update']);
  });

  it('records a skip with its reason through the edit request, keeping the comment on maintenance:', () => {
    const [e] = checklistEdits(s, { id: 'announced-end', mark: 'skip', reason: 'no end was announced' }, now)!;
    const lines = s.analysis.file.lines;
    const text = applyEdits(LOG, [{ span: [lines.offset(e.range.start), lines.offset(e.range.end)], newText: e.newText }]);
    assert.ok(text.includes('maintenance: # m1 is still open\n'));
    assert.ok(text.endsWith('  vendor-contact: { skipped: none }\n  announced-end: { skipped: no end was announced }\n'));
  });

  it('gives the tree its items by phase, in the reader\'s language, with the cause range', () => {
    const v = checklistView(state(LOG, now, 'ko'), now)!;
    assert.equal(v.pending, 1);
    assert.equal(v.phases[1].label, '점검 중');
    const su = v.items.find((i) => i.id === 'status-update')!;
    assert.equal(su.state, 'pending');
    assert.equal(su.cause!.start.line, 9);
    assert.match(su.text, /습니까\?$/);
  });

  it('puts a CodeLens with the pending count over maintenance: and timeline:', () => {
    const lenses = checklistLenses(s, now);
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command!.title]), [[7, '$(checklist) Checklist: 1 pending'], [10, '$(checklist) Checklist: 1 pending']]);
  });

  it('sees the prompt appear as time passes, without an edit', () => {
    const early = at('2026-11-22T07:30Z');
    const before = evaluate(state(LOG, early), early)!;
    assert.equal(before.items.find((i) => i.id === 'status-update')!.state, 'not-due');
    const later = evaluate(state(LOG, early), now)!;
    assert.equal(later.items.find((i) => i.id === 'status-update')!.state, 'pending');
  });
});
