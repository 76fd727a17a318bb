// After `tsc` (which writes the declarations and per-module JavaScript), bundles each entry of the
// package's exports into one ESM file (shared code in chunks), replacing tsc's entry file. Node then
// loads a few files instead of ~70 small ones: importing core costs less than importing handlebars
// (issue #13 item 2; measured by scripts/import-cost.mjs). Dependencies stay external.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const entryPoints = Object.values(pkg.exports)
  .filter((target) => typeof target === 'object' && target['@hookmap/source'] && target.default)
  .map((target) => join(root, target['@hookmap/source']));

await build({
  entryPoints,
  outbase: join(root, 'src'),
  outdir: join(root, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  external: Object.keys(pkg.dependencies ?? {}),
  chunkNames: 'chunks/[name]-[hash]',
  allowOverwrite: true,
  logLevel: 'warning',
});
