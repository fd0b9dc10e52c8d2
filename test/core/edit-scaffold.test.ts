// New files: ids, file names and the scaffolds themselves.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { freeFileName, incidentId, incidentScaffold, runbookId, runbookScaffold, slugify } from '../../src/core/edit/scaffold';
import { parseSource } from '../../src/core/source';
import { readIncident } from '../../src/core/model/incident';
import { defaultConfig } from '../../src/core/config';

const NOW = Date.parse('2026-11-22T15:30:00Z');

describe('core/edit: ids and file names', () => {
  it('slugs titles to ASCII words', () => {
    assert.equal(slugify('Cache cluster OOM!'), 'cache-cluster-oom');
    assert.equal(slugify('  Café -- déjà vu  '), 'cafe-deja-vu');
    assert.equal(slugify('길드 캐시 장애'), '');
    assert.equal(slugify('Redis 메모리 OOM'), 'redis-oom');
    const long = slugify('the database cluster refused reads for most of the evening shift');
    assert.ok(long.length <= 40 && !long.endsWith('-'), long);
  });

  it('dates incident ids in the zone, with the time when the title has no ASCII', () => {
    assert.equal(incidentId('Cache OOM', NOW, 'Asia/Seoul'), '2026-11-23-cache-oom');
    assert.equal(incidentId('Cache OOM', NOW, 'UTC'), '2026-11-22-cache-oom');
    assert.equal(incidentId('길드 캐시 장애', NOW, 'Asia/Seoul'), '2026-11-23-0030');
    assert.equal(incidentId('x', NOW, 'No/Zone'), '2026-11-22-x');
    assert.match(incidentId('x', NOW, 'Asia/Seoul'), /^[A-Za-z0-9][A-Za-z0-9._-]*$/);
  });

  it('builds runbook ids that match the runbook id pattern', () => {
    assert.equal(runbookId('Move the DB cluster', NOW, 'UTC'), 'move-the-db-cluster');
    assert.equal(runbookId('점검', NOW, 'Asia/Seoul'), 'runbook-20261123-0030');
  });

  it('finds a free file name', () => {
    const taken = new Set(['a.incident.yaml', 'a-2.incident.yaml']);
    assert.equal(freeFileName('a', '.incident.yaml', (n) => taken.has(n)), 'a-3.incident.yaml');
    assert.equal(freeFileName('b', '.incident.yaml', (n) => taken.has(n)), 'b.incident.yaml');
  });
});

describe('core/edit: scaffolds', () => {
  it('writes an incident log that parses and reads back', () => {
    for (const lang of ['en', 'ko'] as const) {
      const text = incidentScaffold({ id: '2026-11-23-cache-oom', title: 'Cache: OOM', nowMs: NOW, zone: 'Asia/Seoul', lang });
      const src = parseSource(text, 'x.incident.yaml');
      assert.deepEqual(src.yamlErrors, []);
      const data = parse(text);
      assert.equal(data.incident, '2026-11-23-cache-oom');
      assert.equal(data.title, 'Cache: OOM');
      assert.equal(data.timezone, 'Asia/Seoul');
      assert.equal(data.status, 'investigating');
      assert.equal(data.timeline[0].at, '2026-11-23T00:30+09:00');
      assert.equal(data.timeline[0].kind, 'detection');
      const model = readIncident(src, defaultConfig());
      assert.ok(model, 'reads as an incident');
    }
    assert.match(incidentScaffold({ id: 'a', title: 'b', nowMs: NOW, zone: 'UTC', lang: 'ko' }), /장애를 선언했습니다/);
  });

  it('uses the line break it is given', () => {
    const text = incidentScaffold({ id: 'a', title: 'b', nowMs: NOW, zone: 'UTC', lang: 'en', eol: '\r\n' });
    assert.ok(!/[^\r]\n/.test(text));
  });

  it('writes a runbook whose steps are ordered and name their roles', () => {
    for (const lang of ['en', 'ko'] as const) {
      const text = runbookScaffold({ id: 'move-db', title: '"Quoted" title', lang });
      assert.deepEqual(parseSource(text, 'x.runbook.yaml').yamlErrors, []);
      const data = parse(text);
      assert.equal(data.runbook, 'move-db');
      assert.equal(data.title, '"Quoted" title');
      assert.equal(data.steps[0].kind, 'communication');
      const ids = data.steps.map((s: { id: string }) => s.id);
      for (const s of data.steps) {
        assert.ok(data.roles.includes(s.role), s.role);
        for (const a of s.after ?? []) assert.ok(ids.indexOf(a) < ids.indexOf(s.id));
      }
    }
  });
});
