#!/usr/bin/env node
// `npm start` (after the build): opens examples/ in an editor with this extension loaded.
// With VS Code's `code` on PATH it uses that (extension development host); otherwise, as on
// these machines, it packages the extension and serves it in code-server on 127.0.0.1.
//
//   node scripts/start.mjs [--port N]     default: 8080 or the first free port after it
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setup } from './e2e-setup.mjs';
import {
  freePort, installExtension, startCodeServer, writeUserSettings,
} from '../test/e2e/codeserver.mjs';
import { cacheDir, repoRoot } from '../test/e2e/env.mjs';

const examples = path.join(repoRoot, 'examples');
const vsix = path.join(repoRoot, 'dist', 'incident-command.vsix');

/** @param {string} msg */
const say = (msg) => process.stdout.write(`[start] ${msg}\n`);

/** @param {string} cmd @returns {string | undefined} its full path when on PATH */
function onPath(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, cmd);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch { /* not here */ }
  }
  return undefined;
}

function parsePort() {
  const i = process.argv.indexOf('--port');
  if (i < 0) return undefined;
  const port = Number(process.argv[i + 1]);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`--port needs a port number, got ${process.argv[i + 1]}`);
  }
  return port;
}

function runDesktopCode(/** @type {string} */ code) {
  say(`opening ${examples} in ${code} with the extension under development`);
  const child = spawn(code, [`--extensionDevelopmentPath=${repoRoot}`, examples],
    { stdio: 'inherit' });
  child.on('exit', (c) => process.exit(c ?? 1));
}

/** @returns {string | undefined} the fresh .vsix, or undefined when packaging failed */
function packageExtension() {
  // A stale .vsix would silently show an old extension, so it goes before packaging.
  fs.rmSync(vsix, { force: true });
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  // The extra flags stop vsce from asking y/N questions that would hang with no terminal.
  const res = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository',
    '--skip-license', '-o', vsix], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (res.status === 0 && fs.existsSync(vsix)) {
    say(`packaged ${path.relative(repoRoot, vsix)}`);
    return vsix;
  }
  const why = `${res.error?.message ?? ''}${res.stderr ?? ''}${res.stdout ?? ''}`.trim()
    .split('\n').slice(-6).join('\n  ');
  say('could not package the extension, so code-server starts WITHOUT it. vsce said:\n  '
    + `${why}\n  (fix the build, then run npm start again)`);
  return undefined;
}

async function runCodeServer() {
  const t0 = Date.now();
  await setup();
  const packaged = packageExtension();
  const dir = path.join(cacheDir, 'start');
  const userDataDir = path.join(dir, 'user-data');
  const extensionsDir = path.join(dir, 'extensions');
  // Settings the person changes survive restarts; extensions are always exactly this build.
  if (!fs.existsSync(path.join(userDataDir, 'User', 'settings.json'))) {
    writeUserSettings(userDataDir);
  }
  fs.rmSync(extensionsDir, { recursive: true, force: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  if (packaged) {
    await installExtension(packaged, { extensionsDir, userDataDir });
    say('installed the extension into code-server');
  }
  const port = await freePort(parsePort() ?? 8080);
  const server = await startCodeServer({
    folder: examples, userDataDir, extensionsDir, port, echo: !!process.env.START_VERBOSE,
  });
  say(`code-server is up in ${((Date.now() - t0) / 1000).toFixed(1)}s`
    + `${packaged ? '' : ' (no extension: packaging failed)'}`);
  say(`open http://127.0.0.1:${port}/?folder=${encodeURI(examples)}`);
  say('press Ctrl-C to stop');

  let stopping = false;
  const stop = async (/** @type {string} */ why, code = 0) => {
    if (stopping) return;
    stopping = true;
    say(`${why}: stopping code-server`);
    await server.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  server.child.on('exit', (c, sig) => {
    if (stopping) return;
    process.stderr.write(server.output().split('\n').slice(-20).join('\n'));
    stop(`code-server exited on its own (${sig ?? c})`, 1);
  });
}

const code = onPath('code');
if (code) {
  runDesktopCode(code);
} else {
  runCodeServer().catch((err) => {
    say(`FAILED: ${err.message}`);
    process.exit(1);
  });
}
