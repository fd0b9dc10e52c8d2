// Starting and stopping code-server processes; shared by the test harness and `npm start`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { codeServerEntry, node24Bin, node24Env } from './env.mjs';

/**
 * Settings that keep a fresh profile from covering the workbench with trust prompts,
 * welcome pages, chat panels or update checks.
 */
export const quietSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
};

/**
 * Writes settings.json into a code-server user-data-dir.
 * @param {string} userDataDir @param {Record<string, unknown>} [extra] merged over quietSettings
 */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = `${userDataDir}/User`;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${dir}/settings.json`, JSON.stringify({ ...quietSettings, ...extra }, null, 2));
}

/**
 * True when nothing listens on 127.0.0.1:port.
 * @param {number} port @returns {Promise<boolean>}
 */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * A free port: `from` or the first free one after it; with no `from`, one the OS picks.
 * @param {number} [from] @returns {Promise<number>}
 */
export async function freePort(from) {
  if (from === undefined) {
    return new Promise((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const { port } = /** @type {net.AddressInfo} */ (srv.address());
        srv.close(() => resolve(port));
      });
    });
  }
  for (let port = from; port < from + 100; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`no free port in ${from}..${from + 99}`);
}

/**
 * Runs code-server's CLI to completion (e.g. --install-extension).
 * @param {string[]} args @param {{log?: (s: string) => void}} [opts]
 * @returns {Promise<string>} combined output
 */
export function codeServerCli(args, { log } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(node24Bin, [codeServerEntry, ...args], {
      env: node24Env(), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (/** @type {Buffer} */ d) => { out += d; log?.(String(d)); };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out)
      : reject(new Error(`code-server ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}

/**
 * Installs a .vsix into an extensions dir.
 * @param {string} vsix @param {{extensionsDir: string, userDataDir: string}} dirs
 */
export function installExtension(vsix, { extensionsDir, userDataDir }) {
  return codeServerCli(['--install-extension', vsix, '--force',
    '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir]);
}

/** Pids of every live process below `pid`, read from /proc (helpers may leave the group). */
export function descendants(/** @type {number} */ pid) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 (ppid) follows the parenthesised command name, which may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch { /* the process ended while we looked */ }
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    for (const c of children.get(/** @type {number} */ (queue.shift())) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A running code-server: its process (leader of its own group), port and output.
 * @typedef {{child: import('node:child_process').ChildProcess, pid: number, port: number,
 *   url: string, output: () => string, stop: () => Promise<void>}} CodeServer
 */

/**
 * Starts code-server and resolves once it answers HTTP; rejects if it exits or times out.
 * @param {{folder: string, userDataDir: string, extensionsDir: string, port?: number,
 *   timeoutMs?: number, extraArgs?: string[], echo?: boolean, env?: NodeJS.ProcessEnv}} opts
 *   echo: also copy its output to this process's stderr (for `npm start`).
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(opts) {
  const { folder, userDataDir, extensionsDir, timeoutMs = 60_000, extraArgs = [], echo } = opts;
  const port = opts.port ?? await freePort();
  const args = [codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, ...extraArgs, folder];
  // detached: own process group, so stop() can signal the server and its helpers at once.
  const child = spawn(node24Bin, args, {
    env: node24Env(opts.env), detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const onData = (/** @type {Buffer} */ d) => {
    output += d;
    if (echo) process.stderr.write(d);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const pid = /** @type {number} */ (child.pid);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let stopped = false;

  async function stop() {
    if (stopped) return;
    stopped = true;
    const pids = [pid, ...descendants(pid)];
    const signalAll = (/** @type {NodeJS.Signals} */ sig) => {
      try { process.kill(-pid, sig); } catch { /* group already gone */ }
      for (const p of pids) {
        try { process.kill(p, sig); } catch { /* already gone */ }
      }
    };
    signalAll('SIGTERM');
    const deadline = Date.now() + 5_000;
    while (pids.some(alive) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    if (pids.some(alive)) signalAll('SIGKILL');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2_000))]);
  }

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let exitCode = null;
  child.once('exit', (code, sig) => { exitCode = code ?? sig; });
  for (;;) {
    if (exitCode !== null) {
      throw new Error(`code-server exited (${exitCode}) before listening:\n${output}`);
    }
    if (await httpOk(`${url}/healthz`)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
    }
    // Poll interval, not a wait for a state: the loop ends on the first good answer.
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, pid, port, url, output: () => output, stop };
}

/** @param {string} url @returns {Promise<boolean>} true on a 2xx answer */
function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2_000 }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
  });
}
