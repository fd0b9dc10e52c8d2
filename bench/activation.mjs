// Extension figures for `npm run bench` (bench/run.mjs prints the JSON rows this writes):
// activation of dist/extension.js in fresh processes, and the CPU of the status bar clock.
// Each process is an extension host stand-in (bench/activation-host.cjs over
// bench/fake-vscode.cjs) running the real language server over IPC. A real editor is not
// used: code-server needs minutes of set-up (test/e2e), far more than these figures.
// Flags: --runs N (fresh activations, default 5), --clock-seconds N (default 30), --verbose.
// Alone, `node bench/activation.mjs --table` prints the rows as a table.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = path.join(ROOT, 'bench', 'activation-host.cjs');
const flag = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : fallback; };
const RUNS = flag('runs', 5);
const CLOCK_SECONDS = flag('clock-seconds', 30);
const verbose = process.argv.includes('--verbose');
/** "No measurable CPU", as a number: the clock's ticking costs under 0.1 % of one core. */
const CPU_BUDGET_PERCENT = 0.1;

const rows = [];
const row = (what, value, budget, ok) => rows.push({ what, value, ...(budget ? { budget } : {}), ...(ok === undefined ? {} : { ok }) });
const ms = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : Math.round(x)} ms` : 'n/a');
const median = (xs) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };

/** Wall-clock text in Seoul with its offset, as people write it in a log. */
function seoul(msEpoch) {
  return `${new Date(msEpoch + 9 * 3600000).toISOString().slice(0, 19)}+09:00`;
}

/** An incident log whose window opened 70 minutes ago (or, `closed`, ended 10 minutes ago). */
function logText(closed) {
  const start = Date.now() - 70 * 60000;
  const lines = [
    `incident: bench-${closed ? 'closed' : 'open'}`, 'title: Guild cache cluster out of memory', 'service: guilds', 'severity: SEV2',
    `status: ${closed ? 'monitoring' : 'mitigating'}`, 'timezone: Asia/Seoul', 'roles:', '  commander: dwjung', '  comms: yjchoi',
    'impact:', `  start: ${seoul(start - 30 * 60000)}`,
    'maintenance:', '  - id: m1', '    title: Emergency maintenance, guild cache cluster', `    start: ${seoul(start)}`,
    `    announced_end: ${seoul(start + 3 * 3600000)}`, ...(closed ? [`    end: ${seoul(Date.now() - 10 * 60000)}`] : []),
    'timeline:',
    '  - at: ' + seoul(start - 25 * 60000), '    kind: detection', '    by: dwjung', '    text: Guild writes fail with out-of-memory errors.',
    '  - at: ' + seoul(start), '    kind: maintenance-start', '    window: m1', '    by: dwjung', '    text: Game servers down; maintenance begins.',
    '  - at: ' + seoul(start + 6 * 60000), '    kind: communication', '    window: m1', '    by: yjchoi', '    text: In-app notice posted.',
  ];
  return `${lines.join('\n')}\n`;
}

// V8's memory reducer runs a full collection some seconds after an allocation burst; in a host
// this idle it lands at random in one run or the other and outweighs the ticks. Without it,
// collections come from allocation only, the ticks' included.
const NODE_FLAGS = ['--expose-gc', '--no-memory-reducer'];

/** Runs one host process; resolves with its result object. */
function host(args, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, HOST, ...args, ...(verbose ? ['--verbose'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', () => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('@@RESULT '));
      resolve(line ? JSON.parse(line.slice(9)) : { error: `no result (stderr: ${err.slice(-500)})` });
    });
  });
}

if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js')) || !fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) {
  row('extension activation', 'n/a: run npm run build first', '', false);
} else {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-activation-'));
  try {
    fs.mkdirSync(path.join(work, 'incidents'));
    const open = path.join(work, 'incidents', 'open.incident.yaml');
    const closed = path.join(work, 'incidents', 'closed.incident.yaml');
    fs.writeFileSync(open, logText(false));
    fs.writeFileSync(closed, logText(true));
    const common = ['--folder', work];

    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await host([...common, '--log', open], 60000));
    const good = runs.filter((r) => !r.error);
    for (const r of runs.filter((x) => x.error)) process.stderr.write(`activation run failed: ${r.error}\n`);
    const size = `${(fs.statSync(path.join(ROOT, 'dist', 'extension.js')).size / 1048576).toFixed(1)} MB`;
    const of = `median of ${good.length} fresh processes`;
    row(`extension: require dist/extension.js (${size}), ${of}`, ms(median(good.map((r) => r.requireMs))));
    row('extension: activate() returns', ms(median(good.map((r) => r.activateMs))));
    row('extension: activate → language server running (IPC)', ms(median(good.map((r) => r.readyMs))));
    row('extension: activate → first diagnostics of the open log', ms(median(good.map((r) => r.diagnosticsMs))));
    row('extension: activate → clock shown in the status bar', ms(median(good.map((r) => r.clockMs))));
    const errors = good.flatMap((r) => r.messages.filter(([kind]) => kind === 'error'));
    if (errors.length) row('extension: error messages shown during activation', String(errors.length), '0', false);
    if (verbose && good[0]?.missing) process.stderr.write(`not modelled by the fake, used: ${good[0].missing.join(', ')}\n`);

    // The ticking host and an idle one (same log but its window closed: the clock shows, still)
    // run side by side for the same seconds; the difference is what the ticking costs.
    const clockArgs = ['--clock-seconds', String(CLOCK_SECONDS)];
    const [tick, idle] = await Promise.all([
      host([...common, '--log', open, ...clockArgs], (CLOCK_SECONDS + 60) * 1000),
      host([...common, '--log', closed, ...clockArgs], (CLOCK_SECONDS + 60) * 1000),
    ]);
    if (tick.error || idle.error) {
      row('status bar clock CPU', `n/a: ${(tick.error ?? idle.error).split('\n')[0]}`, '', false);
    } else {
      const t = tick.clock;
      const perMinute = (x) => (x * 60) / t.seconds;
      const extraMs = Math.max(0, t.cpuMs - idle.clock.cpuMs);
      const percent = (extraMs / (t.seconds * 1000)) * 100;
      const perTickUs = t.textChanges ? (extraMs * 1000) / t.textChanges : NaN;
      row(`status bar clock, open window, ${t.seconds} s: extension host CPU over an idle host`,
        `${perMinute(extraMs).toFixed(1)} ms/min = ${percent.toFixed(3)} % of one core (${Math.round(perTickUs)} µs a tick; ticking ${t.cpuMs.toFixed(0)} ms, idle ${idle.clock.cpuMs.toFixed(0)} ms)`,
        `no measurable CPU: < ${CPU_BUDGET_PERCENT} % of one core`, percent < CPU_BUDGET_PERCENT);
      row('status bar clock: updates sent to the renderer', `${perMinute(t.sends).toFixed(0)}/min for ${perMinute(t.textChanges).toFixed(0)} text changes/min, ${(perMinute(t.bytes) / 1024).toFixed(1)} KB/min, ${perMinute(t.sets).toFixed(0)} item setter calls/min`,
        'one per change of the text', t.sends <= t.textChanges + 1);
      row('status bar clock: idle host (window closed) updates', `${perMinute(idle.clock.sends).toFixed(0)}/min`, '0', idle.clock.sends === 0);
      row('status bar clock: updates in 3 s after the log\'s tab closed', `${t.sendsAfterTabClosed}${t.visibleAfterTabClosed ? ', still shown' : ', hidden'}`, '0, hidden', t.sendsAfterTabClosed === 0 && !t.visibleAfterTabClosed);
      row('language server CPU while the clock ticks (idle host\'s server)', Number.isFinite(t.serverCpuMs)
        ? `${perMinute(t.serverCpuMs).toFixed(0)} ms/min (${perMinute(idle.clock.serverCpuMs).toFixed(0)} ms/min), 10 ms steps` : 'n/a (no /proc)', '', undefined);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv.includes('--table')) {
  const w = Math.max(...rows.map((r) => r.what.length));
  for (const r of rows) console.log(`${r.what.padEnd(w)} | ${r.value} | ${r.budget ?? ''} | ${r.ok === undefined ? '' : r.ok ? 'yes' : 'NO'}`);
} else {
  console.log(JSON.stringify(rows));
}
