// Golden files: each example log in both languages and both styles. Regenerate after an
// intended change with UPDATE_GOLDEN=1 npx mocha out/test/core/postmortem-golden.test.js
// and read the diff before committing it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { postmortemFromText, StyleId } from '../../src/core/postmortem';
import type { Lang } from '../../src/core/config';
import { EXAMPLES, examplesConfig, GOLDEN_DIR } from './postmortem-helpers';

const LOGS = ['2021-01-25-kingdom-db', '2020-04-17-classroom-db', '2026-11-21-cache-open'];
const STYLES: StyleId[] = ['ndc', 'sre'];
const LANGS: Lang[] = ['ko', 'en'];

describe('postmortem golden files', () => {
  const config = examplesConfig();
  for (const name of LOGS) {
    for (const style of STYLES) {
      for (const lang of LANGS) {
        it(`${name} · ${style} · ${lang}`, () => {
          const file = path.join(EXAMPLES, `${name}.incident.yaml`);
          const r = postmortemFromText(fs.readFileSync(file, 'utf8'), file, config, { style, lang });
          assert.ok(r.ok);
          const golden = path.join(GOLDEN_DIR, `${name}.${style}.${lang}.md`);
          if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, r.markdown);
          assert.equal(r.markdown, fs.readFileSync(golden, 'utf8'));
        });
      }
    }
  }

  it('gives the same bytes every time, whatever the machine clock says', () => {
    const file = path.join(EXAMPLES, '2026-11-21-cache-open.incident.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const first = postmortemFromText(text, file, config, {});
    const realNow = Date.now;
    try {
      Date.now = () => Date.UTC(2030, 0, 1);
      const second = postmortemFromText(text, file, config, {});
      assert.ok(first.ok && second.ok);
      assert.equal(second.markdown, first.markdown);
    } finally {
      Date.now = realNow;
    }
  });
});
