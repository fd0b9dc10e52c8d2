// Bundles the entry points with esbuild (the CLI's lint worker threads load dist/lint-worker.js); `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const allEntries = {
  extension: 'src/extension/main.ts',
  server: 'src/server/main.ts',
  cli: 'src/cli/main.ts',
  'lint-worker': 'src/cli/lint-worker.ts',
};
// Entry points not written yet are skipped, so each layer builds as soon as it exists.
const entries = Object.fromEntries(Object.entries(allEntries).filter(([, file]) => existsSync(file)));
// yaml's ES module build, the same code as its CommonJS one: bundled as ES modules it is
// hoisted into the bundle, where the CommonJS one is reached through a getter per access,
// a cost that showed in profiles of every parse and rule walk.
const yamlEsm = path.join(path.dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser', 'index.js');
const yamlAsEsm = {
  name: 'yaml-esm',
  setup(build) { build.onResolve({ filter: /^yaml$/ }, () => ({ path: yamlEsm })); },
};
const options = {
  entryPoints: entries,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outdir: 'dist',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [yamlAsEsm],
};
if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
