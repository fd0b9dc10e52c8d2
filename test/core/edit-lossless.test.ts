// Every edit builder on generated logs (comments everywhere, quoted, block and flow values, LF
// and CR LF): untouched lines stay byte for byte, comments survive, the result parses, line
// breaks stay the file's own, and the model reads exactly the change that was asked for.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isSeq } from 'yaml';
import { defaultConfig } from '../../src/core/config';
import { ChecklistMark, recordChecklistItem } from '../../src/core/edit/checklist-record';
import { insertEntries, InsertEntry } from '../../src/core/edit/insert-entries';
import { endMaintenanceWindow, listWindows, nextWindowId, startMaintenanceWindow } from '../../src/core/edit/maintenance-window';
import { insertKeyLine } from '../../src/core/edit/map';
import { incidentScaffold, runbookScaffold } from '../../src/core/edit/scaffold';
import { appendTimelineEntry, NewEntry } from '../../src/core/edit/timeline';
import { readIncident } from '../../src/core/model/incident';
import { parseSource } from '../../src/core/source';
import { parseTimestamp } from '../../src/core/time';
import { incidentLogs } from './log-gen';
import { checkWrite, comments, toJS } from './lossless';

type Obj = Record<string, unknown>;
const RUNS = { numRuns: 150 };
const TEXTS = ['x: y # z', 'Replica lag 40s', '점검을 마쳤습니다', "it's done", '- starts with a dash', '"quoted"', '#hash', 'yes', '123', ' leading space', 'two\nlines', '{ not: a map }'];
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const withTimeline = (js: Obj, entry: Obj): Obj => ({ ...js, timeline: [...list(js.timeline), entry] });

describe('edit builders keep every other byte (generated logs)', function () {
  this.timeout(120_000);

  it('Log Entry Now appends exactly the entry', () => {
    const entry = fc.record({
      at: fc.constantFrom('2026-11-22T21:05+09:00', '2026-11-22T21:05:30+09:00'), kind: fc.constantFrom('note', 'decision'),
      text: fc.constantFrom(...TEXTS), window: fc.option(fc.constantFrom('m1'), { nil: undefined }),
    });
    fc.assert(fc.property(incidentLogs, entry, ({ text }, e) => {
      const ne: NewEntry = { ...e, ...(e.kind === 'decision' ? { extra: [['why', 'faster: less risk']] } : {}) };
      const r = appendTimelineEntry(text, ne);
      assert.ok(r.ok, `refused (${!r.ok && r.problem}):\n${text}`);
      const after = checkWrite(text, [r.edit], { insertOnly: r.edit.span[0] === r.edit.span[1] });
      const want: Obj = { at: e.at, kind: e.kind, ...(e.window ? { window: e.window } : {}), text: e.text, ...(e.kind === 'decision' ? { why: 'faster: less risk' } : {}) };
      assert.deepEqual(toJS(after), withTimeline(toJS(text), want));
    }), RUNS);
  });

  it('a key goes into the map it was asked for', () => {
    const where = fc.constantFrom<[string[], string, string]>([[], 'lessons', 'none yet'], [['roles'], 'scribe', 'bo'], [[], 'summary', 'x: y # z'], [['people', 'bo'], 'team', 'DB 팀']);
    fc.assert(fc.property(incidentLogs, where, ({ text }, [path, key, value]) => {
      const r = insertKeyLine(text, path, key, value);
      const before = toJS(text);
      let target: unknown = before;
      for (const p of path) target = (target as Obj | undefined)?.[p];
      if (!r.ok) {
        // Only a missing parent or a key already there may refuse.
        assert.ok(r.problem === 'no-path' || (r.problem === 'exists' && (target as Obj)[key] !== undefined) || target === undefined, `${r.problem}:\n${text}`);
        return;
      }
      const after = checkWrite(text, [r.edit], { insertOnly: r.edit.span[0] === r.edit.span[1] });
      const want = structuredClone(before);
      let at: Obj = want;
      for (const p of path) at = (at[p] ??= {}) as Obj;
      at[key] = value;
      assert.deepEqual(toJS(after), want);
    }), RUNS);
  });

  it('a checklist mark writes that record and nothing else', () => {
    const mark = fc.oneof(
      fc.record({ done: fc.constant('2026-11-22T21:05:00+09:00'), by: fc.option(fc.constantFrom('ann'), { nil: undefined }), note: fc.option(fc.constantFrom('x: y # z', '메모'), { nil: undefined }) }, { requiredKeys: ['done'] }),
      fc.record({ skipped: fc.constantFrom('not needed', 'vendor: none # really'), by: fc.option(fc.constantFrom('bo'), { nil: undefined }) }, { requiredKeys: ['skipped'] }),
    );
    fc.assert(fc.property(incidentLogs, fc.constantFrom('user-notice', 'status-update', 'vendr-contact'), mark, ({ text }, id, m) => {
      const r = recordChecklistItem(text, id, m as ChecklistMark);
      assert.ok(r.ok, `refused (${!r.ok && r.problem}):\n${text}`);
      const after = checkWrite(text, [r.edit]);
      const before = toJS(text);
      const old = ((before.checklist ?? {}) as Obj)[id] as Obj | undefined;
      const rec: Obj = 'done' in m
        ? { done: m.done, ...(m.by ? { by: m.by } : {}), ...((m.note ?? old?.note) ? { note: m.note ?? old?.note } : {}) }
        : { skipped: m.skipped, ...(m.by ? { by: m.by } : {}) };
      assert.deepEqual(toJS(after), { ...before, checklist: { ...((before.checklist ?? {}) as Obj), [id]: rec } });
    }), RUNS);
  });

  it('Start Maintenance Window adds the window and its entry', () => {
    fc.assert(fc.property(incidentLogs, fc.boolean(), fc.constantFrom(...TEXTS), ({ text }, full, entryText) => {
      const src = parseSource(text, 'x.incident.yaml');
      const id = nextWindowId(src);
      const w = { id, start: '2026-11-22T21:00+09:00', entryText, ...(full ? { title: 'DB: 2차', announcedEnd: '2026-11-23T01:00+09:00' } : {}) };
      const r = startMaintenanceWindow(text, w);
      assert.ok(r.ok, `refused (${!r.ok && r.problem}):\n${text}`);
      const after = checkWrite(text, [r.edit]);
      const before = toJS(text);
      const win: Obj = { id, ...(full ? { title: 'DB: 2차' } : {}), start: w.start, ...(full ? { announced_end: w.announcedEnd } : {}) };
      const want = withTimeline({ ...before, maintenance: [...list(before.maintenance), win] }, { at: w.start, kind: 'maintenance-start', window: id, text: entryText });
      assert.deepEqual(toJS(after), want);
    }), RUNS);
  });

  it('End Maintenance Window writes its end and its entry', () => {
    fc.assert(fc.property(incidentLogs, fc.constantFrom(...TEXTS), ({ text }, entryText) => {
      const open = listWindows(parseSource(text, 'x.incident.yaml')).filter((w) => w.open);
      for (const w of open) {
        const end = '2026-11-22T23:59+09:00';
        const r = endMaintenanceWindow(text, { window: w.index, end, entryText });
        assert.ok(r.ok, `refused (${!r.ok && r.problem}):\n${text}`);
        const after = checkWrite(text, [r.edit]);
        const before = toJS(text);
        const maintenance = structuredClone(list(before.maintenance)) as Obj[];
        maintenance[w.index].end = end;
        assert.deepEqual(toJS(after), withTimeline({ ...before, maintenance }, { at: end, kind: 'maintenance-end', ...(w.id ? { window: w.id } : {}), text: entryText }));
      }
    }), RUNS);
  });

  it('chat import puts each entry in, at its time, and moves nothing', () => {
    const chat = fc.array(fc.record({ minute: fc.integer({ min: 0, max: 70 }), text: fc.constantFrom(...TEXTS), by: fc.option(fc.constantFrom('ann'), { nil: undefined }) }), { minLength: 1, maxLength: 3 });
    fc.assert(fc.property(incidentLogs, chat, ({ text }, msgs) => {
      const entries: InsertEntry[] = msgs.map((m, i) => {
        const at = `2026-11-22T${String(9 + Math.floor(m.minute / 60)).padStart(2, '0')}:${String(m.minute % 60).padStart(2, '0')}+09:00`;
        const t = parseTimestamp(at, 'Asia/Seoul');
        assert.ok(t.ok);
        return { ms: t.time.ms, at, kind: 'communication', text: `chat ${i}: ${m.text}`, ...(m.by ? { by: m.by } : {}) };
      });
      const r = insertEntries(text, entries, 'x.incident.yaml', defaultConfig());
      assert.ok(r.ok, `refused (${!r.ok && r.problem}):\n${text}`);
      if (!r.edits.length) return;
      const after = checkWrite(text, r.edits);
      assert.equal(r.text, after);
      const before = toJS(text);
      const got = list(toJS(after).timeline) as Obj[];
      const isNew = (e: Obj) => typeof e?.text === 'string' && /^chat \d+: /.test(e.text);
      assert.deepEqual(got.filter((e) => !isNew(e)), list(before.timeline), 'an existing entry moved or changed');
      for (const e of entries) {
        assert.deepEqual(got.find((x) => x?.text === e.text), { at: e.at, kind: e.kind, ...(e.by ? { by: e.by } : {}), text: e.text });
      }
      // In a list of block entries each goes before the first later entry, so none before it is later.
      const tl = parseSource(text, 'x.incident.yaml').doc.get('timeline');
      if (!isSeq(tl) || tl.flow || !tl.items.length || !tl.items.every((i) => isMap(i) && !i.flow)) return;
      let latest = -Infinity;
      for (const e of readIncident(parseSource(after, 'x.incident.yaml'), defaultConfig()).timeline) {
        const ms = e.at?.time?.ms;
        if (ms === undefined) continue;
        if (isNew({ text: e.text?.value })) assert.ok(latest <= ms, `${e.text?.value} out of place:\n${after}`);
        else latest = Math.max(latest, ms);
      }
    }), RUNS);
  });

  it('a new log or runbook parses clean, in its own line breaks, and takes an entry', () => {
    const title = fc.constantFrom('DB: read-only', "it's down", '점검 중 장애 # 1', '- dash', '"quoted"', 'yes');
    fc.assert(fc.property(title, fc.constantFrom('\n', '\r\n'), fc.constantFrom<('en' | 'ko')>('en', 'ko'), (t, eol, lang) => {
      const log = incidentScaffold({ id: '2026-11-22-db', title: t, nowMs: Date.parse('2026-11-22T12:00:00Z'), zone: 'Asia/Seoul', lang, eol });
      const rb = runbookScaffold({ id: 'db', title: t, lang, eol });
      for (const [text, name] of [[log, 'x.incident.yaml'], [rb, 'x.runbook.yaml']]) {
        assert.deepEqual(parseSource(text, name).yamlErrors, []);
        assert.equal(toJS(text).title, t);
        assert.equal(text.split(eol).join('').includes('\n') || (eol === '\n' && text.includes('\r')), false, 'mixed line breaks');
        assert.ok(comments(text).length > 0);
      }
      const r = appendTimelineEntry(log, { at: '2026-11-22T21:05+09:00', kind: 'note', text: 'x' });
      assert.ok(r.ok);
      checkWrite(log, [r.edit], { insertOnly: true });
    }), { numRuns: 60 });
  });
});
