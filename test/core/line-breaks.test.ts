// Lone CR line breaks: the editor (LSP, VS Code) ends a line at CR LF, LF or a lone CR, while the
// yaml package reads a lone CR as an ordinary character. Positions follow the editor; what the
// document holds follows yaml; nothing writes lines into a file where the two disagree.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig } from '../../src/core/config';
import { recordChecklistItem } from '../../src/core/edit/checklist-record';
import { insertEntries } from '../../src/core/edit/insert-entries';
import { endMaintenanceWindow, startMaintenanceWindow } from '../../src/core/edit/maintenance-window';
import { insertKeyLine } from '../../src/core/edit/map';
import { appendTimelineEntry } from '../../src/core/edit/timeline';
import { SegmentCache } from '../../src/core/incremental';
import { analyzeText } from '../../src/core/lint';
import { parseSource } from '../../src/core/source';
import { linePathAt } from '../../src/core/service/path';
import { applyEdits, hasLoneCR, LineIndex } from '../../src/core/text';
import { disableEdit } from '../../src/server/codeActions';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const lint = (text: string, name = 'x.incident.yaml', cache?: SegmentCache) =>
  analyzeText(text, name, defaultConfig(), { lang: 'en', now: NOW }, undefined, cache);

describe('LineIndex: CR LF, LF and lone CR', () => {
  it('ends a line at each of the three', () => {
    const text = 'a\rbb\r\nccc\nd\r\r\n';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 6);
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((l) => lines.lineText(l)), ['a', 'bb', 'ccc', 'd', '', '']);
    assert.deepEqual(lines.position(text.indexOf('ccc') + 1), { line: 2, character: 1 });
    assert.equal(lines.offset({ line: 1, character: 99 }), text.indexOf('bb') + 2, 'a column past the end stops before the CR LF');
    assert.equal(lines.offset({ line: 0, character: 5 }), 1, 'and before a lone CR');
  });

  it('agrees with the LSP TextDocument on every offset and position', () => {
    const texts = fc.array(fc.constantFrom('a', 'é', '\r', '\n', '\r\n', ' ', '\uD83D\uDE00'), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(fc.property(texts, (text) => {
      const lines = new LineIndex(text);
      const doc = TextDocument.create('file:///x', 'yaml', 1, text);
      assert.equal(lines.lineCount, doc.lineCount);
      for (let o = 0; o <= text.length; o++) {
        // The LF of a CR LF pair is no place an editor can name; both sides agree elsewhere.
        if (text[o] === '\n' && text[o - 1] === '\r') continue;
        assert.deepEqual(lines.position(o), doc.positionAt(o), `offset ${o} of ${JSON.stringify(text)}`);
      }
      for (let l = 0; l < lines.lineCount; l++) {
        for (let c = 0; c < 6; c++) assert.equal(lines.offset({ line: l, character: c }), doc.offsetAt({ line: l, character: c }), `${l}:${c} of ${JSON.stringify(text)}`);
      }
    }), { numRuns: 300 });
  });

  it('finds a lone CR and nothing else', () => {
    assert.equal(hasLoneCR('a\r\nb\n'), false);
    assert.equal(hasLoneCR('a\rb'), true);
    assert.equal(hasLoneCR('a\r'), true);
    assert.equal(hasLoneCR('a\r\r\n'), true);
  });
});

// Two comment lines joined by a lone CR: yaml reads one comment, the editor shows two lines.
const MIXED = [
  '# head\r# second head line', 'incident: x', 'title: t', 'service: s', 'severity: SEV9', 'status: mitigating', 'timezone: Asia/Seoul',
  'roles:', '  commander: ann', 'people:', '  ann: {name: Ann}', 'timeline:', '  - at: 2026-11-22T10:00', '    kind: detection', '    text: found', '',
].join('\r\n');

describe('findings in files with lone CR line breaks', () => {
  it('land on the line the editor shows', () => {
    const { findings } = lint(MIXED);
    const severity = findings.find((f) => f.ruleId === 'schema' && /SEV9/.test(f.message));
    assert.ok(severity, JSON.stringify(findings.map((f) => f.message)));
    assert.equal(severity.range.start.line, 5, 'the editor shows "severity:" on line 6');
    assert.equal(new LineIndex(MIXED).lineText(severity.range.start.line), 'severity: SEV9');
  });

  it('report the first lone CR, with a fix to the file\'s own line break', () => {
    const { findings } = lint(MIXED);
    const cr = findings.find((f) => f.ruleId === 'yaml-syntax');
    assert.ok(cr);
    assert.deepEqual(cr.range.start, { line: 0, character: '# head'.length });
    assert.equal(cr.fixes.length, 1);
    assert.equal(cr.fixes[0].safe, false, 'what YAML reads changes, so lint --fix leaves it');
    const fixed = applyEdits(MIXED, cr.fixes[0].edits);
    assert.equal(fixed, MIXED.replace('\r#', '\r\n#'), 'a CR LF file gets a CR LF, nothing else moves');
    assert.equal(lint(fixed).findings.some((f) => f.ruleId === 'yaml-syntax'), false);
  });

  it('show what yaml reads: a key after a lone CR in a comment is not there', () => {
    const text = 'incident: x # note\rtitle: t\n';
    const file = parseSource(text, 'x.incident.yaml');
    assert.equal(file.doc.get('title'), undefined);
    const loneCR = (t: string) => lint(t).findings.find((f) => f.ruleId === 'yaml-syntax' && /lone CR/.test(f.message));
    assert.deepEqual(loneCR(text)?.range.start, { line: 0, character: 'incident: x # note'.length });
    // An old Mac file, every line ended by CR: fixed with LF, since it has no LF to copy.
    const mac = 'incident: x\rtitle: t\r';
    assert.equal(applyEdits(mac, loneCR(mac)!.fixes[0].edits), 'incident: x\ntitle: t\n');
    assert.match(loneCR(mac)!.message, /2 of them/);
  });

  it('are silenced by a disable comment on the line the editor shows above', () => {
    const text = MIXED.replace('severity: SEV9', '# incident-command-disable-next-line schema\r\nseverity: SEV9');
    assert.equal(lint(text).findings.some((f) => f.ruleId === 'schema' && /SEV9/.test(f.message)), false);
  });

  it('offer no fix that writes lines, only fixes within a line', () => {
    const runbook = '# head\r# more\nrunbook: r\ntitle: t\nkind: maintenance\nwindow: 2h\nroles: [ops]\nsteps:\n  - id: a\n    title: A\n    role: opz\n  - id: b\n    title: B\n';
    const { findings } = lint(runbook, 'x.runbook.yaml');
    const all = findings.flatMap((f) => f.fixes.map((x) => ({ rule: f.ruleId, x })));
    assert.ok(all.some(({ rule }) => rule === 'unknown-role'), 'a rename within the line is still offered');
    for (const { rule, x } of all) {
      if (rule === 'yaml-syntax') continue;
      for (const e of x.edits) assert.doesNotMatch(e.newText + runbook.slice(e.span[0], e.span[1]), /[\r\n]/, `${rule}: ${x.title}`);
    }
    // The same runbook with its line break repaired gets the line-adding fixes back.
    const repaired = lint(runbook.replace('\r', '\n'), 'x.runbook.yaml').findings;
    assert.ok(repaired.some((f) => f.ruleId === 'role-missing' && f.fixes.length > 0));
    assert.ok(findings.some((f) => f.ruleId === 'role-missing' && f.fixes.length === 0));
  });

  it('are the same with the segment cache, which leaves such a text to a full parse', () => {
    const cache = new SegmentCache();
    const long = MIXED + Array.from({ length: 60 }, (_, i) => `  - at: 2026-11-22T10:${String(i).padStart(2, '0')}\r\n    kind: note\r\n    text: n${i}\r\n`).join('');
    assert.ok(cache.compose(long.replace(/\r(?!\n)/g, '\r\n')), 'the repaired text composes');
    assert.equal(cache.compose(long), undefined);
    const strip = (a: ReturnType<typeof lint>) => a.findings.map((f) => [f.ruleId, f.span, f.range, f.message]);
    assert.deepEqual(strip(lint(long, 'x.incident.yaml', cache)), strip(lint(long)));
  });

  it('get no disable comment inserted, which yaml would read as swallowing the next line', () => {
    const lines = new LineIndex(MIXED);
    assert.equal(disableEdit(MIXED, lines, 5, 'schema'), undefined);
    const clean = MIXED.replace('\r#', '\r\n#');
    assert.ok(disableEdit(clean, new LineIndex(clean), 5, 'schema'));
  });

  it('give paths by the editor\'s lines', () => {
    const file = parseSource(MIXED, 'x.incident.yaml');
    const at = MIXED.indexOf('kind: detection') + 2;
    assert.deepEqual(linePathAt(file, at).path, ['timeline', 0, 'kind']);
  });
});

describe('edits refuse a file with a lone CR', () => {
  const text = MIXED.replace('people:', 'checklist: {}\r\nmaintenance:\r\n  - id: m1\r\n    start: 2026-11-22T09:00\r\npeople:');
  it('every builder says why', () => {
    const entry = { at: '2026-11-22T11:00', kind: 'note', text: 'n' };
    assert.deepEqual(appendTimelineEntry(text, entry), { ok: false, problem: 'lone-cr' });
    assert.deepEqual(insertKeyLine(text, [], 'lessons', 'x'), { ok: false, problem: 'lone-cr' });
    assert.deepEqual(recordChecklistItem(text, 'user-notice', { done: '2026-11-22T11:00' }), { ok: false, problem: 'lone-cr' });
    assert.deepEqual(startMaintenanceWindow(text, { id: 'm2', start: '2026-11-22T11:00', entryText: 's' }), { ok: false, problem: 'lone-cr' });
    assert.deepEqual(endMaintenanceWindow(text, { window: 'm1', end: '2026-11-22T11:00', entryText: 'e' }), { ok: false, problem: 'lone-cr' });
    assert.deepEqual(insertEntries(text, [{ ms: Date.parse('2026-11-22T02:00Z'), ...entry }]), { ok: false, problem: 'lone-cr' });
    // Repaired, the same edits go through.
    const clean = text.replace('\r#', '\r\n#');
    assert.equal(appendTimelineEntry(clean, entry).ok, true);
    assert.equal(endMaintenanceWindow(clean, { window: 'm1', end: '2026-11-22T11:00', entryText: 'e' }).ok, true);
  });
});
