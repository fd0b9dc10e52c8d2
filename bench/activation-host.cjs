// One extension host stand-in per process, for bench/activation.mjs: loads dist/extension.js
// against bench/fake-vscode.cjs with `log` open in the active editor (as VS Code restoring a
// window), activates it, and times require, activate(), the server's readiness (the real
// dist/server.js over IPC), the log's first diagnostics and the clock's first paint.
// With `--clock-seconds N` it then lets the status bar clock run for N seconds and reports the
// process's CPU, the renderer updates, and what still ticks after the log's tab is closed.
// Prints one line `@@RESULT {json}` on stdout.
'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { createFake } = require('./fake-vscode.cjs');

const ROOT = path.resolve(__dirname, '..');
const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : fallback; };
const folder = arg('folder');
const log = arg('log');
const clockSeconds = Number(arg('clock-seconds', '0'));
const RUNNING = 2; // vscode-languageclient's State.Running

const host = createFake({ root: ROOT, folder });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? host.vscode : load.call(this, request, ...rest); };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const within = (ms, p, what) => Promise.race([p, sleep(ms).then(() => { throw new Error(`no ${what} after ${ms / 1000} s`); })]);
/** CPU time of another process so far, in ms (Linux /proc; NaN elsewhere). */
function cpuOf(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, at USER_HZ = 100
  } catch { return NaN; }
}
const ownCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

async function main() {
  const uri = host.vscode.Uri.file(log).toString();
  const clockItem = () => host.stats.items.find((i) => i.id === 'incidentCommand.clock');
  const firstDiagnostics = new Promise((resolve) => { host.stats.onDiagnostics = (u) => { if (u === uri) resolve(performance.now()); }; });
  const clockShown = new Promise((resolve) => {
    host.stats.onSend = (item) => { if (item === clockItem() && /\$\((watch|check)\)/.test(item.text ?? '')) resolve(performance.now()); };
  });
  host.show(log);

  const r0 = performance.now();
  const ext = require(path.join(ROOT, 'dist', 'extension.js'));
  const requireMs = performance.now() - r0;
  const a0 = performance.now();
  const api = await ext.activate(host.context);
  const activateMs = performance.now() - a0;
  const client = api.getClient();
  const ready = new Promise((resolve) => {
    if (client.state === RUNNING) resolve(performance.now());
    client.onDidChangeState((e) => { if (e.newState === RUNNING) resolve(performance.now()); });
  });
  const out = {
    requireMs, activateMs,
    readyMs: (await within(30000, ready, 'running server')) - a0,
    diagnosticsMs: (await within(30000, firstDiagnostics, 'diagnostics')) - a0,
    clockMs: (await within(30000, clockShown, 'clock in the status bar')) - a0,
    clockText: clockItem()?.text,
    messages: host.stats.messages,
  };

  if (clockSeconds > 0) {
    const item = clockItem();
    const serverPid = client._serverProcess?.pid;
    let texts = 0;
    let last = item.text;
    host.stats.onSend = (i) => { if (i === item && i.text !== last) { texts++; last = i.text; } };
    await sleep(1000); // past activation's after-work
    // Activation's garbage is collected now rather than at a random moment of either host's run.
    globalThis.gc?.();
    const s0 = { ...host.stats };
    const c0 = ownCpu();
    const v0 = cpuOf(serverPid);
    texts = 0;
    await sleep(clockSeconds * 1000);
    out.clock = {
      seconds: clockSeconds, cpuMs: ownCpu() - c0, serverCpuMs: cpuOf(serverPid) - v0,
      sends: host.stats.sends - s0.sends, bytes: host.stats.bytes - s0.bytes, sets: host.stats.sets - s0.sets, textChanges: texts, lastText: item.text,
    };
    // The log's tab is closed while VS Code still holds its document (it may for a while).
    host.closeTab(log);
    await sleep(100);
    const afterClose = host.stats.sends;
    await sleep(3000);
    out.clock.sendsAfterTabClosed = host.stats.sends - afterClose;
    out.clock.visibleAfterTabClosed = item.visible;
    host.unload(log);
    await sleep(200); // the client's didClose goes out before it is stopped
  }
  if (process.argv.includes('--verbose')) out.missing = [...host.missing].sort();
  await within(5000, ext.deactivate(), 'stop');
  process.stdout.write(`\n@@RESULT ${JSON.stringify(out)}\n`);
  process.exit(0);
}

main().catch((e) => {
  process.stdout.write(`\n@@RESULT ${JSON.stringify({ error: e instanceof Error ? e.stack : String(e) })}\n`);
  process.exit(1);
});
