// `npm run bench`: one table of figures against the budgets of the performance issue,
// with redhat's yaml-language-server validating the same files against our JSON Schema.
// Opening is timed in fresh servers against a bare parse in fresh processes, in turns.
// Flags: --quick (1k and 10k only, fewer CLI files), --no-yamlls.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { incidentLog } from './generate.mjs';
import { measure, startServer } from './lsp.mjs';
import { cliThroughput } from './cli.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const withYamlLs = !process.argv.includes('--no-yamlls');
const sizes = quick ? [1000, 10000] : [1000, 10000, 50000];
const EDITS = 20;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-bench-'));
const schema = path.join(ROOT, 'schemas', 'incident.schema.json');
const rows = [];
const fmtMs = (ms) => (Number.isFinite(ms) ? `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms` : 'n/a');
const fmtMb = (b) => (Number.isFinite(b) ? `${Math.round(b / 1048576)} MB` : 'n/a');
const row = (what, ours, theirs, budget, ok) => rows.push({ what, ours, theirs, budget, ok: ok === undefined ? '' : ok ? 'yes' : 'NO' });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const OPENS = 3;

/** A bare `yaml` parse of `file` in a fresh process (bench/bare-parse.mjs), in milliseconds. */
function bareParseMs(file) {
  return Number(execFileSync(process.execPath, [path.join(ROOT, 'bench', 'bare-parse.mjs'), file], { encoding: 'utf8' }));
}

/** Median open time of fresh servers and median bare parse of fresh processes, taken in turns so that a slow spell of the machine weighs on both. */
async function openAgainstBare(file, uri, text, firstOpenMs) {
  const opens = [firstOpenMs];
  const bares = [bareParseMs(file)];
  for (let i = 1; i < OPENS; i++) {
    const s = await startServer({ ...ours, rootDir: path.dirname(file) });
    opens.push((await s.open(uri, text)).ms);
    await s.stop();
    bares.push(bareParseMs(file));
  }
  return { openMs: median(opens), bareMs: median(bares) };
}

const ours = { command: process.execPath, args: [path.join(ROOT, 'dist', 'server.js'), '--stdio'] };
const yamlls = {
  command: process.execPath, args: [path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
  settings: { yaml: { validate: true, hover: false, completion: false, format: { enable: false }, schemas: { [pathToFileURL(schema).href]: ['*.incident.yaml'] } } },
};

for (const n of sizes) {
  const dir = path.join(work, `log-${n}`);
  fs.mkdirSync(dir);
  const file = path.join(dir, `big-${n}.incident.yaml`);
  const text = incidentLog(n);
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const mb = (text.length / 1048576).toFixed(1);

  const s = await startServer({ ...ours, rootDir: dir });
  const a = await measure(s, uri, text, EDITS, EDITS);
  await s.stop();
  let b;
  if (withYamlLs && !(n >= 50000 && quick)) {
    const y = await startServer({ ...yamlls, rootDir: dir });
    b = await measure(y, uri, text, n >= 50000 ? 6 : EDITS);
    await y.stop();
  }
  const { openMs, bareMs: bare } = await openAgainstBare(file, uri, text, a.openMs);
  const editBudget = n >= 50000 ? 150 : n >= 10000 ? 50 : undefined;
  const ratio = b ? b.medianMs / a.medianMs : NaN;
  row(`${n} entries (${mb} MB): edit → diagnostics, median`, fmtMs(a.medianMs), b ? fmtMs(b.medianMs) : 'n/a',
    editBudget ? `≤ ${editBudget} ms${n === 10000 ? ', ≥ 20× faster' : ''}` : '',
    editBudget ? a.medianMs <= editBudget && (n !== 10000 || !b || ratio >= 20) : undefined);
  row(`${n} entries: edit → diagnostics, p95`, fmtMs(a.p95Ms), b ? fmtMs(b.p95Ms) : 'n/a', '', undefined);
  row(`${n} entries: a quote opened (YAML error) and closed in an entry → diagnostics, median`, fmtMs(a.brokenMedianMs), '', '', undefined);
  if (b) row(`${n} entries: speed-up over yaml-language-server`, `${ratio.toFixed(0)}×`, '', n === 10000 ? '≥ 20×' : '', n === 10000 ? ratio >= 20 : undefined);
  row(`${n} entries: open → first diagnostics, median of ${OPENS}`, fmtMs(openMs), b ? fmtMs(b.openMs) : 'n/a',
    n >= 50000 ? `≤ 1.2 × bare parse (${fmtMs(bare)})` : `bare parse ${fmtMs(bare)}`, n >= 50000 ? openMs <= 1.2 * bare : undefined);
  const rssBudget = n >= 50000 ? 400 : n >= 10000 ? 150 : undefined;
  row(`${n} entries: server peak RSS`, fmtMb(a.peakRss), b ? fmtMb(b.peakRss) : 'n/a', rssBudget ? `≤ ${rssBudget} MB` : '',
    rssBudget ? a.peakRss <= rssBudget * 1048576 : undefined);
  row(`${n} entries: server peak RSS, then with quotes opened and closed`, fmtMb(a.brokenPeakRss), '', '', undefined);
}

const cli = await cliThroughput({ root: ROOT, work, files: quick ? 2000 : 10000, entries: 50 });
row(`CLI lint of ${cli.files} logs × 50 entries (${cli.workers || 'no'} workers)`, fmtMs(cli.lintMs), '', `≤ 1.25 × bare parse (${fmtMs(cli.bareMs)})`, cli.lintMs <= 1.25 * cli.bareMs);

const vsix = path.join(ROOT, 'dist', 'incident-command.vsix');
if (fs.existsSync(vsix)) row('.vsix size', `${(fs.statSync(vsix).size / 1024).toFixed(0)} KB`, '', '', undefined);
const act = path.join(ROOT, 'bench', 'activation.mjs');
if (fs.existsSync(act)) {
  const out = JSON.parse(execFileSync(process.execPath, [act], { encoding: 'utf8' }));
  for (const r of out) row(r.what, r.value, '', r.budget ?? '', r.ok);
}

fs.rmSync(work, { recursive: true, force: true });
const cpu = os.cpus();
console.log(`\nIncident Command benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
const head = ['measure', 'Incident Command', 'yaml-language-server', 'budget', 'met'];
const table = [head, ...rows.map((r) => [r.what, r.ours, r.theirs, r.budget, r.ok])];
const widths = head.map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of table.slice(1)) console.log(line(r));
process.exit(0);
