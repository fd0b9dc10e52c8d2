// Bundles the three entry points with esbuild; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const allEntries = {
  extension: 'src/extension/main.ts',
  server: 'src/server/main.ts',
  cli: 'src/cli/main.ts',
};
// Entry points not written yet are skipped, so each layer builds as soon as it exists.
const entries = Object.fromEntries(Object.entries(allEntries).filter(([, file]) => existsSync(file)));
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
};
if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
