// Per-edit cost of the analysis after the parse (model, rules, checklist, clock) on a long log,
// split from the parse itself. Needs `npx tsc -p .` first (reads out/). Not part of `npm run bench`.
// Usage: node bench/analysis.mjs [entries=10000] [edits=60] [--profile=out.cpuprofile]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Session } from 'node:inspector/promises';
import { incidentLog } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { analyze } = require(path.join(ROOT, 'out/src/core/lint.js'));
const { parseSource } = require(path.join(ROOT, 'out/src/core/source.js'));
const { SegmentCache } = require(path.join(ROOT, 'out/src/core/incremental.js'));
const { defaultConfig } = require(path.join(ROOT, 'out/src/core/config.js'));

const args = process.argv.slice(2);
const positional = args.filter((a) => !a.startsWith('--'));
const entries = Number(positional[0] ?? 10000);
const edits = Number(positional[1] ?? 60);
const profileOut = args.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
const perRule = args.includes('--rules');

// With --rules, each rule's check and the model read are timed on their own.
const spent = new Map();
const thisEdit = new Map();
const timed = (name, fn) => function (...a) {
  const t0 = performance.now();
  try { return fn.apply(this, a); } finally { thisEdit.set(name, (thisEdit.get(name) ?? 0) + performance.now() - t0); }
};
if (perRule) {
  const { allRules } = require(path.join(ROOT, 'out/src/core/rules/index.js'));
  for (const r of allRules) r.check = timed(r.id, r.check);
  const model = require(path.join(ROOT, 'out/src/core/model/incident.js'));
  model.readIncident = timed('readIncident', model.readIncident);
  const disable = require(path.join(ROOT, 'out/src/core/disable.js'));
  disable.readDirectives = timed('readDirectives', disable.readDirectives);
}

const config = defaultConfig();
const fileName = `bench-${entries}.incident.yaml`;
let text = incidentLog(entries);
const cache = new SegmentCache();
const run = (t) => {
  const t0 = performance.now();
  const file = parseSource(t, fileName, 'incident', cache);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const a = analyze(file, config, { lang: 'en', fileExists: () => true });
  const c2 = process.cpuUsage(c1);
  const t2 = performance.now();
  // CPU time too: on a busy machine it says more than the wall clock (it includes GC helper threads).
  return { parseMs: t1 - t0, analysisMs: t2 - t1, analysisCpuMs: (c2.user + c2.system) / 1000, findings: a.findings.length };
};
const first = run(text);
console.log(`${entries} entries, ${(text.length / 1048576).toFixed(1)} MB; first analysis ${first.analysisMs.toFixed(0)} ms, ${first.findings} findings`);

// Every `kind: mitigation` value, flipped to the typo and back, spread over the log.
const spots = [];
for (let i = text.indexOf('kind: mitigation\n'); i >= 0; i = text.indexOf('kind: mitigation\n', i + 1)) spots.push(i + 'kind: '.length);
const typo = new Set();
const editAt = (k) => {
  const spot = spots[(k * 7919) % spots.length];
  // Offsets after earlier typos moved by one character for each typo before them.
  let at = spot;
  for (const s of typo) if (s < spot) at--;
  if (typo.has(spot)) { text = `${text.slice(0, at)}mitigation${text.slice(at + 'mitigaton'.length)}`; typo.delete(spot); }
  else { text = `${text.slice(0, at)}mitigaton${text.slice(at + 'mitigation'.length)}`; typo.add(spot); }
};

let session;
if (profileOut) {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
}
spent.clear();
thisEdit.clear();
const parse = [];
const analysis = [];
const analysisCpu = [];
for (let k = 0; k < edits; k++) {
  editAt(k);
  const r = run(text);
  for (const [name, ms] of thisEdit) spent.set(name, [...(spent.get(name) ?? []), ms]);
  thisEdit.clear();
  parse.push(r.parseMs);
  analysis.push(r.analysisMs);
  analysisCpu.push(r.analysisCpuMs);
}
if (session) {
  const { profile } = await session.post('Profiler.stop');
  fs.writeFileSync(profileOut, JSON.stringify(profile));
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; };
console.log(`per edit over ${edits} edits: analysis median ${median(analysis).toFixed(1)} ms, mean ${mean(analysis).toFixed(1)} ms, p95 ${p95(analysis).toFixed(1)} ms (CPU median ${median(analysisCpu).toFixed(1)} ms); parse median ${median(parse).toFixed(1)} ms`);
if (perRule) {
  console.log('median per edit:');
  const rows = [...spent].map(([name, ms]) => [name, median(ms)]).sort((a, b) => b[1] - a[1]);
  for (const [name, ms] of rows) if (ms >= 0.05) console.log(`  ${ms.toFixed(2).padStart(7)} ms  ${name}`);
}
