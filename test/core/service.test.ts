// The pure language features over real analyses (core/service), without a server.
import * as assert from 'node:assert/strict';
import { Config, defaultConfig, Lang, readConfig } from '../../src/core/config';
import { analyzeText } from '../../src/core/lint';
import * as service from '../../src/core/service';
import { applyEdits } from '../../src/core/text';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const CONFIG_TEXT = 'timezone: Asia/Seoul\nseverities: [P1, P2]\npeople:\n  hjkim:\n    name: Hajun Kim\n    team: Infra\n';

function input(withCursor: string, fileName = 'a.incident.yaml', lang: Lang = 'en', config?: Config) {
  const offset = withCursor.indexOf('|');
  const text = offset >= 0 ? withCursor.slice(0, offset) + withCursor.slice(offset + 1) : withCursor;
  const { config: cfg, source } = readConfig(CONFIG_TEXT, '/ws/.incident-command.yaml');
  const c = config ?? cfg;
  const analysis = analyzeText(text, fileName, c, { lang, now: NOW });
  return { input: { analysis, config: c, lang, now: NOW, configFile: source }, offset, text };
}

const labels = (withCursor: string, fileName?: string, lang?: Lang): string[] => {
  const { input: i, offset } = input(withCursor, fileName, lang);
  return service.complete(i, offset).map((c) => c.label);
};

const LOG = `incident: x
title: t
service: s
severity: P1
status: resolved
people:
  lcw:
    name: Lee
roles:
  commander: lcw
maintenance:
  - id: m1
    start: 2026-11-01T01:30
timeline:
  - at: 2026-11-01T01:00
    kind: detection
    id: first
    by: lcw
    text: Something broke.
  - at: 2026-11-01T02:00
    kind: action
    window: m1
    by: hjkim
    text: Fixed it.
causes:
  - text: c
    refs: [first]
action_items:
  - id: a1
    title: t
    owner: lcw
checklist:
  roles-assigned:
    done: 2026-11-01T01:40
    by: lcw
`;

describe('service: completion', () => {
  it('offers the missing top-level keys, required ones first, with docs in the reader\'s language', () => {
    const { input: i, offset } = input('incident: x\ntitle: t\n|\n', 'a.incident.yaml', 'ko');
    const items = service.complete(i, offset);
    const names = items.map((c) => c.label);
    assert.ok(!names.includes('incident') && !names.includes('title'));
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((c) => c.label);
    assert.deepEqual(sorted.slice(0, 4).sort(), ['service', 'severity', 'status', 'timeline']);
    assert.equal(items.find((c) => c.label === 'timezone')?.documentation?.value, 'IANA 시간대. 오프셋 없는 시각은 이 시간대로 읽습니다.');
    assert.equal(items.find((c) => c.label === 'timeline')?.textEdit.newText, 'timeline:\n  - ');
  });

  it('offers the workspace severities and the statuses', () => {
    assert.deepEqual(labels('severity: |\n'), ['P1', 'P2']);
    assert.deepEqual(labels('status: |\n'), ['investigating', 'identified', 'mitigating', 'monitoring', 'resolved']);
  });

  it('offers handles from the log and the workspace roster for `by`, `owner` and roles', () => {
    const at = (needle: string) => labels(LOG.replace(needle, `${needle.split(':')[0]}: |`)).sort();
    assert.deepEqual(at('by: hjkim'), ['hjkim', 'lcw']);
    assert.deepEqual(at('owner: lcw'), ['hjkim', 'lcw']);
    assert.deepEqual(at('commander: lcw'), ['hjkim', 'lcw']);
  });

  it('offers entry ids for refs and window ids for window', () => {
    assert.deepEqual(labels(LOG.replace('refs: [first]', 'refs: [|]')), ['first']);
    assert.deepEqual(labels(LOG.replace('window: m1', 'window: |')), ['m1']);
  });

  it('offers "now" in the file\'s zone for timestamps', () => {
    assert.deepEqual(labels(LOG.replace('at: 2026-11-01T02:00', 'at: |')), ['2026-11-22T21:00', '2026-11-22T21:00+09:00']);
  });

  it('completes runbooks: kinds, step kinds, roles and other steps for `after`', () => {
    const rb = 'runbook: r\ntitle: t\nkind: |\nroles: [dba, comms]\nsteps:\n  - id: snap\n    title: s\n  - id: go\n    title: g\n    role: dba\n    after: [snap]\n';
    assert.deepEqual(labels(rb, 'r.runbook.yaml'), ['maintenance', 'mitigation', 'recovery', 'routine']);
    const step = rb.replace('kind: |', 'kind: routine');
    assert.deepEqual(labels(step.replace('role: dba', 'role: |'), 'r.runbook.yaml'), ['dba', 'comms']);
    assert.deepEqual(labels(step.replace('after: [snap]', 'after: [|]'), 'r.runbook.yaml'), ['snap']);
    assert.deepEqual(labels(step.replace('after: [snap]', 'after:\n      - |'), 'r.runbook.yaml'), ['snap']);
    assert.deepEqual(labels(step.replace('role: dba', 'kind: |'), 'r.runbook.yaml'), ['action', 'communication', 'check', 'wait']);
  });

  it('offers rule ids as keys under `rules` in the workspace config', () => {
    const names = labels('rules:\n  |\n', '.incident-command.yaml');
    assert.ok(names.includes('schema') && names.includes('yaml-syntax'));
    assert.deepEqual(labels('rules:\n  schema: |\n', '.incident-command.yaml'), ['error', 'warning', 'info', 'off']);
  });

  it('offers the team\'s checklist ids under `checklist`', () => {
    const cfg = readConfig('checklists:\n  - id: cdn-purged\n    trigger: before-end\n    text: CDN purged\n').config;
    const { input: i, offset } = input('checklist:\n  |\n', 'a.incident.yaml', 'en', cfg);
    assert.ok(service.complete(i, offset).some((c) => c.label === 'cdn-purged'));
  });
});

describe('service: hover', () => {
  const hoverText = (needle: string, delta = 2, lang: Lang = 'en'): string => {
    const { input: i } = input(LOG, 'a.incident.yaml', lang);
    return service.hover(i, LOG.indexOf(needle) + delta)?.contents.value ?? '';
  };

  it('explains a key from the spec in the reader\'s language', () => {
    assert.match(hoverText('window: m1', 1, 'ko'), /이 항목이 속한 점검 id/);
  });

  it('shows a timestamp in the incident zone, in UTC and from the first entry', () => {
    const h = hoverText('2026-11-01T02:00', 3);
    assert.match(h, /2026-11-01 02:00:00\*\* Asia\/Seoul \(UTC\+09:00\)/);
    assert.match(h, /2026-10-31 17:00:00\*\* UTC/);
    assert.match(h, /T\+1h00m/);
  });

  it('says when a wall clock happens twice in a DST zone', () => {
    const text = LOG.replace('status: resolved', 'status: resolved\ntimezone: America/New_York');
    const { input: i } = input(text);
    const h = service.hover(i, text.indexOf('2026-11-01T01:30') + 3)?.contents.value ?? '';
    assert.match(h, /happens twice/);
  });

  it('shows who a handle is', () => {
    assert.match(hoverText('by: hjkim', 5), /Hajun Kim · Infra/);
  });
});

describe('service: symbols and folding', () => {
  it('outlines a runbook as its steps', () => {
    const { input: i } = input('runbook: r\ntitle: Grow the cache\nsteps:\n  - id: snap\n    title: Save state\n  - id: go\n    title: Grow\n', 'r.runbook.yaml');
    const [root] = service.documentSymbols(i);
    assert.equal(root.name, 'r');
    assert.deepEqual(root.children?.[0].children?.map((s) => s.name), ['snap: Save state', 'go: Grow']);
  });

  it('folds sections and each item', () => {
    const { input: i } = input(LOG);
    const folds = service.foldingRanges(i).map((f) => `${f.startLine}-${f.endLine}`);
    assert.ok(folds.includes('10-12'), folds.join(' '));
    assert.ok(folds.includes('11-12'));
    assert.ok(folds.includes('13-23'));
    assert.ok(folds.includes('14-18'));
  });
});

describe('service: definition, references, rename', () => {
  it('links a handle from `by`, `owner`, roles and checklist `by` to the roster', () => {
    const { input: i } = input(LOG);
    const refs = service.references(i, LOG.indexOf('commander: lcw') + 12, true);
    assert.equal(refs.length, 5);
    const defs = service.definition(i, LOG.indexOf('owner: lcw') + 8);
    assert.deepEqual(defs.map((d) => d.range.start.line), [6]);
  });

  it('points a workspace handle at the config file, and refuses to rename it here', () => {
    const { input: i } = input(LOG);
    const defs = service.definition(i, LOG.indexOf('by: hjkim') + 5);
    assert.deepEqual(defs, [{ path: '/ws/.incident-command.yaml', range: { start: { line: 3, character: 2 }, end: { line: 3, character: 7 } } }]);
    assert.ok('error' in (service.prepareRename(i, LOG.indexOf('by: hjkim') + 5) ?? {}));
  });

  it('renames an entry id with its refs and keeps quotes', () => {
    const text = LOG.replace('refs: [first]', 'refs: ["first"]');
    const { input: i } = input(text);
    const r = service.rename(i, text.indexOf('id: first') + 5, 'start');
    assert.ok(r && 'edits' in r);
    const lines = r.edits.map((e) => e.range.start.line);
    assert.deepEqual(lines, [16, 26]);
    assert.equal(r.edits[1].range.start.character, 12);
  });

  it('refuses invalid and taken names', () => {
    const { input: i } = input(LOG);
    assert.ok('error' in (service.rename(i, LOG.indexOf('id: m1') + 4, 'M 1') ?? {}));
    const same = service.rename(i, LOG.indexOf('id: first') + 4, 'first');
    assert.ok(same && 'edits' in same);
    const two = LOG.replace('kind: action\n', 'kind: action\n    id: second\n');
    const { input: j } = input(two);
    assert.ok('error' in (service.rename(j, two.indexOf('id: first') + 4, 'second') ?? {}));
  });

  it('renames step ids in `after`', () => {
    const rb = 'runbook: r\ntitle: t\nsteps:\n  - id: snap\n    title: s\n  - id: go\n    title: g\n    after: snap\n';
    const { input: i } = input(rb, 'r.runbook.yaml');
    const r = service.rename(i, rb.indexOf('after: snap') + 8, 'save');
    assert.ok(r && 'edits' in r);
    const file = i.analysis.file;
    assert.equal(applyEdits(rb, r.edits.map((e) => ({ span: [file.lines.offset(e.range.start), file.lines.offset(e.range.end)] as const, newText: e.newText }))),
      rb.replace(/snap/g, 'save'));
  });

  it('finds nothing on text that is not a name', () => {
    const { input: i } = input(LOG);
    assert.deepEqual(service.references(i, LOG.indexOf('Something'), true), []);
    assert.equal(service.prepareRename(i, LOG.indexOf('Something')), undefined);
  });
});

describe('service: disable comments', () => {
  it('completes rule ids after a disable directive, and nothing else in comments', () => {
    const ids = labels('incident: x\n# incident-command-disable-next-line sch|\ntitle: t\n');
    assert.ok(ids.includes('schema') && ids.includes('yaml-syntax'));
    assert.ok(labels('incident: x\n# incident-command-disable-line schema, |\n').includes('yaml-syntax'));
    assert.deepEqual(labels('incident: x\n  # a note about |\n'), []);
  });

  it('explains a rule id in a directive', () => {
    const text = 'incident: x\n# incident-command-disable-next-line schema\ntitle: t\n';
    const { input: i } = input(text);
    const h = service.hover(i, text.indexOf('schema') + 2);
    assert.match(h?.contents.value ?? '', /\*\*schema\*\*: Missing required key/);
    assert.match(h?.contents.value ?? '', /docs\/rules\/schema\.md/);
  });
});

describe('service: broken input', () => {
  it('answers every feature on YAML that does not parse', () => {
    const text = 'incident: [\ntimeline:\n  - at: "x\n\t- : :\n';
    for (let offset = 0; offset <= text.length; offset++) {
      const { input: i } = input(text);
      service.complete(i, offset);
      service.hover(i, offset);
      service.definition(i, offset);
      service.prepareRename(i, offset);
    }
    const { input: i } = input(text, 'a.incident.yaml', 'en', defaultConfig());
    service.documentSymbols(i);
    service.foldingRanges(i);
  });
});
