import * as assert from 'node:assert/strict';
import { allRules } from '../../src/core/rules';
import { docsUrl } from '../../src/core/rules/types';
import { cli, CLEAN_INCIDENT, ERROR_INCIDENT, tempTree, WARNING_INCIDENT } from './helpers';

interface SarifRegion { startLine: number; startColumn: number; endLine: number; endColumn: number }

describe('cli: lint --format sarif', () => {
  const dir = tempTree({ 'logs/e.incident.yaml': ERROR_INCIDENT, 'logs/w.incident.yaml': WARNING_INCIDENT, 'a b/c.incident.yaml': CLEAN_INCIDENT });
  const r = cli(['lint', '--format', 'sarif'], dir);
  const log = JSON.parse(r.stdout);

  it('exits as the other formats do', () => { assert.equal(r.code, 1); });

  it('has the top-level fields and one run with the tool driver', () => {
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'incident-command');
    assert.match(driver.informationUri, /^https:\/\//);
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
  });

  it('lists every rule with descriptions, help link and default level', () => {
    const rules = log.runs[0].tool.driver.rules as { id: string; shortDescription: { text: string }; fullDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[];
    for (const rule of allRules) {
      const s = rules.find((x) => x.id === rule.id);
      assert.ok(s, rule.id);
      assert.equal(s.shortDescription.text, rule.description.en);
      assert.ok(s.fullDescription.text.length > 0);
      assert.equal(s.helpUri, docsUrl(rule.id));
      assert.equal(s.defaultConfiguration.level, rule.defaultLevel === 'info' ? 'note' : rule.defaultLevel);
    }
    assert.equal(new Set(rules.map((x) => x.id)).size, rules.length);
  });

  it('gives each result a rule index, level, message and a relative location', () => {
    const run = log.runs[0];
    const results = run.results as { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: SarifRegion } }[] }[];
    assert.deepEqual(results.map((x) => [x.ruleId, x.level]).sort(), [['schema', 'error'], ['unknown-rule', 'warning']]);
    for (const x of results) {
      assert.equal(run.tool.driver.rules[x.ruleIndex].id, x.ruleId);
      assert.ok(x.message.text.length > 0);
      const loc = x.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.match(loc.artifactLocation.uri, /^logs\/[ew]\.incident\.yaml$/);
      const g = loc.region;
      assert.ok(g.startLine >= 1 && g.startColumn >= 1 && g.endLine >= g.startLine, JSON.stringify(g));
      if (g.endLine === g.startLine) assert.ok(g.endColumn >= g.startColumn);
    }
    const schema = results.find((x) => x.ruleId === 'schema');
    assert.deepEqual(schema?.locations[0].physicalLocation.region, { startLine: 13, startColumn: 11, endLine: 13, endColumn: 19 });
  });
});
