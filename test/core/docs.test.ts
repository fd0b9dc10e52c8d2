// Rule pages: every rule has docs/rules/<id>.md whose generated block is what `npm run docs`
// writes, with the hand-written sections filled in; the index is up to date.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../src/core/rules';
import { generatedBlock, indexPage, missingSections, stubPage, withGeneratedBlock } from '../../scripts/gen-docs';

const DOCS = path.join(__dirname, '..', '..', '..', 'docs', 'rules');

describe('rule docs', () => {
  it('docs/rules/README.md is the index npm run docs writes', () => {
    const file = path.join(DOCS, 'README.md');
    assert.ok(fs.existsSync(file), 'run `npm run docs`');
    assert.equal(fs.readFileSync(file, 'utf8'), indexPage(allRules), 'run `npm run docs`');
  });

  for (const rule of allRules) {
    it(`docs/rules/${rule.id}.md`, () => {
      const file = path.join(DOCS, `${rule.id}.md`);
      assert.ok(fs.existsSync(file), `no page for rule ${rule.id}: run \`npm run docs\` for a stub, then write it`);
      const page = fs.readFileSync(file, 'utf8');
      const regenerated = withGeneratedBlock(page, rule);
      assert.ok(regenerated !== undefined, 'the page needs the <!-- generated --> and <!-- /generated --> markers');
      assert.equal(page, regenerated, 'generated block is stale: run `npm run docs`');
      assert.deepEqual(missingSections(page), [], 'hand-written sections missing or still a stub');
    });
  }
});

describe('docs generator', () => {
  const rule = allRules[0];

  it('replaces only the generated block and keeps CRLF pages CRLF', () => {
    const page = `# x\n\nintro\n<!-- generated -->\nold\n<!-- /generated -->\n\n## What it finds\n\nhand text\n`;
    const out = withGeneratedBlock(page, rule) ?? '';
    assert.ok(out.startsWith('# x\n\nintro\n<!-- generated -->\n'));
    assert.ok(out.endsWith('<!-- /generated -->\n\n## What it finds\n\nhand text\n'));
    assert.ok(out.includes(rule.description.en) && out.includes(rule.description.ko));
    assert.equal(withGeneratedBlock(out, rule), out, 'idempotent');
    const crlf = withGeneratedBlock(page.replace(/\n/g, '\r\n'), rule) ?? '';
    assert.ok(!/[^\r]\n/.test(crlf));
    assert.equal(withGeneratedBlock('# no markers\n', rule), undefined);
  });

  it('the block says level, applies-to, fixable and how to configure and disable', () => {
    const block = generatedBlock(rule);
    assert.ok(block.includes(`| Default level / 기본 수준 | ${rule.defaultLevel} |`));
    assert.ok(block.includes(`rules:\n  ${rule.id}: `));
    assert.ok(block.includes(`# incident-command-disable-next-line ${rule.id}`));
  });

  it('a stub has the block and reports its sections as missing until written', () => {
    const stub = stubPage(rule);
    assert.equal(withGeneratedBlock(stub, rule), stub);
    assert.deepEqual(missingSections(stub), ['What it finds', 'Why it matters in an incident', 'Bad', 'Good']);
    const written = stub.replace(/_To be written\._/g, 'Real text.');
    assert.deepEqual(missingSections(written), []);
    assert.deepEqual(missingSections(written.replace('## Bad', '## Worse')), ['Bad']);
  });

  it('the index links every rule', () => {
    const index = indexPage(allRules);
    for (const r of allRules) assert.ok(index.includes(`[\`${r.id}\`](${r.id}.md)`), r.id);
  });
});
