// How long the server waits after an edit before checking: almost not at all while the segment
// cache answers, longer while each check is a whole parse of a long log with a YAML error.
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../src/core/config';
import { SegmentCache } from '../../src/core/incremental';
import { analyzeText } from '../../src/core/lint';
import { DEBOUNCE_MS, MAX_WAIT_WHILE_BROKEN_MS, waitAfter } from '../../src/server/documents';

describe('server: pause before a check', () => {
  it('waits for a pause in typing only after a slow whole parse', () => {
    assert.equal(waitAfter(30, true), DEBOUNCE_MS);
    assert.equal(waitAfter(900, true), DEBOUNCE_MS, 'a slow first open that composed: edits stay immediate');
    assert.equal(waitAfter(40, false), DEBOUNCE_MS, 'a small broken file parses fast anyway');
    assert.equal(waitAfter(300, false), 300);
    assert.equal(waitAfter(4000, false), MAX_WAIT_WHILE_BROKEN_MS);
  });

  it('knows from the segment cache whether a whole parse answered', () => {
    let text = 'incident: a\ntitle: t\ntimeline:\n';
    for (let i = 0; i < 60; i++) text += `  - at: 2026-11-22T10:${String(i).padStart(2, '0')}+09:00\n    kind: note\n    text: n${i}\n`;
    const cache = new SegmentCache();
    const run = (t: string) => analyzeText(t, 'a.incident.yaml', defaultConfig(), { lang: 'en' }, 'incident', cache);
    run(text);
    assert.equal(cache.lastComposed, true);
    run(text.replace('text: n30\n', 'text: "n30\n'));
    assert.equal(cache.lastComposed, false);
    run(text);
    assert.equal(cache.lastComposed, true);
  });
});
