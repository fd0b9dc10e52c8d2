// Drives any language server over stdio the way an editor does, and measures it:
// didOpen → first diagnostics, didChange of one entry → the next diagnostics, peak RSS.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-languageserver-protocol/node';

/** Peak resident memory of a process so far, in bytes (Linux). */
function peakRss(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch { return NaN; }
}

/**
 * Starts a server. `settings` answers workspace/configuration by section, and is sent once
 * with didChangeConfiguration, so servers that read either way get the same settings.
 */
export async function startServer({ command, args, rootDir, settings = {} }) {
  const proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr.on('data', () => {});
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const w of waiters.splice(0)) w(p);
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map((i) => (i.section ? settings[i.section] ?? null : settings)));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification(() => {});
  conn.listen();
  const rootUri = pathToFileURL(rootDir).href;
  await conn.sendRequest('initialize', {
    processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], locale: 'en',
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true }, synchronization: { dynamicRegistration: true } },
    },
  });
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('workspace/didChangeConfiguration', { settings });

  /** Resolves with the next diagnostics published for `uri`. */
  const nextDiagnostics = (uri) => new Promise((resolve) => {
    const wait = (p) => (p.uri === uri ? resolve(p) : waiters.push(wait));
    waiters.push(wait);
  });

  return {
    pid: proc.pid,
    peakRss: () => peakRss(proc.pid),
    async open(uri, text) {
      const next = nextDiagnostics(uri);
      const t0 = performance.now();
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const d = await next;
      return { ms: performance.now() - t0, count: d.diagnostics.length };
    },
    async change(uri, version, range, text) {
      const next = nextDiagnostics(uri);
      const t0 = performance.now();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
      const d = await next;
      return { ms: performance.now() - t0, count: d.diagnostics.length };
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification('exit');
      } catch { /* already gone */ }
      conn.dispose();
      setTimeout(() => proc.kill('SIGKILL'), 1000).unref();
    },
  };
}

/**
 * Opens `text` and makes `edits` single-entry edits, each flipping one entry's kind between a valid
 * value and a typo so that every edit changes the diagnostics. Returns open time, edit latencies, peak RSS;
 * with `broken`, then that many edits that leave an entry half-typed and mend it (see below).
 */
export async function measure(server, uri, text, edits = 20, broken = 0) {
  const open = await server.open(uri, text);
  const lines = text.split('\n');
  const kindLines = [];
  lines.forEach((l, i) => { if (l.startsWith('    kind: ')) kindLines.push(i); });
  const latencies = [];
  let version = 1;
  for (let i = 0; i < edits; i++) {
    const line = kindLines[Math.floor(((i + 0.5) / edits) * kindLines.length)];
    const current = lines[line].slice('    kind: '.length);
    const replacement = i % 2 === 0 ? 'mitigaton' : 'mitigation';
    const r = await server.change(uri, ++version,
      { start: { line, character: 10 }, end: { line, character: 10 + current.length } }, replacement);
    lines[line] = `    kind: ${replacement}`;
    latencies.push(r.ms);
  }
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  const peakRss = server.peakRss();
  const brokenMs = broken ? await brokenEdits(server, uri, lines, version, broken) : NaN;
  return { openMs: open.ms, medianMs: q(0.5), p95Ms: q(0.95), peakRss, brokenMedianMs: brokenMs, brokenPeakRss: broken ? server.peakRss() : NaN };
}

/**
 * Half-typed entries: edits that in turn open a quote in one entry's text, leaving the log with a
 * YAML error, and take it out again. Returns the median latency of both kinds.
 */
async function brokenEdits(server, uri, lines, version, edits) {
  const textLines = [];
  lines.forEach((l, i) => { if (l.startsWith('    text: ')) textLines.push(i); });
  const latencies = [];
  for (let k = 0; k < edits; k++) {
    const line = textLines[Math.floor(((Math.floor(k / 2) + 0.5) / Math.ceil(edits / 2)) * textLines.length)];
    const opening = k % 2 === 0;
    const range = { start: { line, character: 10 }, end: { line, character: opening ? 10 : 11 } };
    latencies.push((await server.change(uri, ++version, range, opening ? '"' : '')).ms);
  }
  latencies.sort((a, b) => a - b);
  return latencies[Math.floor(latencies.length / 2)];
}
