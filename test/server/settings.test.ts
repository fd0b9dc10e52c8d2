// How editor settings combine with the workspace config, without a server.
import * as assert from 'node:assert/strict';
import { DEFAULT_MAX_FILE_SIZE, readConfig } from '../../src/core/config';
import { effectiveConfig } from '../../src/server/documents';
import { normalizeSettings } from '../../src/server/settings';

describe('server: settings', () => {
  it('keeps only well-typed values from whatever the client sends', () => {
    assert.deepEqual(normalizeSettings(null), { language: 'auto' });
    assert.deepEqual(normalizeSettings({ language: 'fr', timezone: 3, maxFileSize: -1, rules: { schema: 'off', x: 1 } }),
      { language: 'auto', rules: { schema: 'off' } });
    assert.deepEqual(normalizeSettings({ language: 'ko', timezone: ' Asia/Seoul ', maxFileSize: 10 }),
      { language: 'ko', timezone: 'Asia/Seoul', maxFileSize: 10 });
  });

  it('uses the timezone setting only where the workspace config names none', () => {
    const withZone = readConfig('timezone: Europe/Berlin\n').config;
    assert.equal(effectiveConfig(withZone, normalizeSettings({ timezone: 'Asia/Seoul' })).timezone, 'Europe/Berlin');
    const without = readConfig('severities: [P1]\n').config;
    assert.equal(effectiveConfig(without, normalizeSettings({ timezone: 'Asia/Seoul' })).timezone, 'Asia/Seoul');
    assert.equal(effectiveConfig(without, normalizeSettings({ timezone: 'Nowhere/Else' })).timezone, undefined);
  });

  it('lets a chosen size limit win, but not the editor default over the workspace\'s', () => {
    const big = readConfig('max_file_size: 99999999\n').config;
    assert.equal(effectiveConfig(big, normalizeSettings({ maxFileSize: DEFAULT_MAX_FILE_SIZE })).maxFileSize, 99999999);
    assert.equal(effectiveConfig(big, normalizeSettings({ maxFileSize: 1000 })).maxFileSize, 1000);
  });

  it('lays rule levels from the settings over the workspace config', () => {
    const cfg = readConfig('rules:\n  schema: warning\n  timeline-order: off\n').config;
    const rules = effectiveConfig(cfg, normalizeSettings({ rules: { schema: 'off', 'unknown-person': 'info', bogus: 'loud' } })).rules;
    assert.equal(rules.get('schema')?.level, 'off');
    assert.equal(rules.get('timeline-order')?.level, 'off');
    assert.equal(rules.get('unknown-person')?.level, 'info');
    assert.equal(rules.get('bogus'), undefined);
  });
});
