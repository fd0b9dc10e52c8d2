// No feature may throw, whatever the text and wherever the cursor: the examples at every
// offset, and random YAML-ish text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { defaultConfig, readConfig } from '../../src/core/config';
import { analyzeText } from '../../src/core/lint';
import * as service from '../../src/core/service';
import type { ServiceInput } from '../../src/core/service';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');
const NOW = Date.parse('2026-11-22T12:00:00Z');

function everyFeature(input: ServiceInput, offset: number): void {
  service.complete(input, offset);
  service.hover(input, offset);
  service.definition(input, offset);
  service.references(input, offset, true);
  service.prepareRename(input, offset);
  service.rename(input, offset, 'renamed');
}

function examples(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? examples(path.join(dir, e.name)) : /\.(incident|runbook)\.yaml$/.test(e.name) ? [path.join(dir, e.name)] : []);
}

describe('service: robustness', () => {
  const cfgPath = path.join(EXAMPLES, '.incident-command.yaml');
  const config = fs.existsSync(cfgPath) ? readConfig(fs.readFileSync(cfgPath, 'utf8'), cfgPath).config : defaultConfig();

  for (const file of examples(EXAMPLES)) {
    it(`answers at every line of ${path.relative(EXAMPLES, file)}`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const analysis = analyzeText(text, file, config, { lang: 'ko', now: NOW });
      const input: ServiceInput = { analysis, config, lang: 'ko', now: NOW };
      assert.ok(service.documentSymbols(input).length > 0);
      service.foldingRanges(input);
      // Each line's start, middle and end: enough to pass through each construct.
      for (let line = 0; line < analysis.file.lines.lineCount; line++) {
        const start = analysis.file.lines.offset({ line, character: 0 });
        const end = analysis.file.lines.lineEnd(line);
        for (const o of new Set([start, Math.floor((start + end) / 2), end])) everyFeature(input, o);
      }
    });
  }

  it('answers on random YAML-ish text', () => {
    const pieces = fc.constantFrom('timeline:', '\n', '  ', '- ', 'at: ', 'kind: ', 'window: ', 'refs: [', ']', ',', '"', "'", '#', ':',
      'id: m1', 'by: x', '\t', '{', '}', '|', '>', '&a', '*a', '\r\n', '가', '😀', 'maintenance:', 'steps:', 'after: ');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 40 }), fc.nat(), fc.constantFrom('a.incident.yaml', 'a.runbook.yaml', '.incident-command.yaml'),
      (parts, n, name) => {
        const text = parts.join('');
        const analysis = analyzeText(text, name, defaultConfig(), { lang: 'en', now: NOW });
        const input: ServiceInput = { analysis, config: defaultConfig(), lang: 'en', now: NOW };
        everyFeature(input, text.length ? n % (text.length + 1) : 0);
        service.documentSymbols(input);
        service.foldingRanges(input);
      }), { numRuns: 300, seed: 42 });
  });
});
