// Issue #13 item 2 (import cost): after `tsc`, joins dist's ~100 modules into one module per entry
// for Node (dist/node/index.js, dist/node/tooling.js) and one chunk they share (so HookmapError & co.
// stay one class for both). A Node process pays per module it loads (resolve, stat, read, compile);
// joined, importing core costs about a third. package.json sends the `node` condition here; bundlers
// (browser builds) keep the per-module dist/, where `sideEffects: false` drops every unused module.
//
// Kept apart: the generated slot pools and what they import (compile/slots/kinds.js, *.generated.js,
// compile/env.js, which has no imports itself): the joined modules import them from dist/. They are
// the code whose inline caches the bench depends on, so they stay exactly as tsc wrote them.
// Declarations (`.d.ts`) are tsc's, per module. @handlebars/parser (the one dependency, six modules of
// its own) is joined in too (~5 ms less per import); the per-module dist/ still imports it.
//   node scripts/join-dist.mjs        (run by `pnpm build`, after tsc)
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const out = join(dist, 'node');
/** Modules that stay separate files, imported by the joined code at their usual paths. */
const SEPARATE = /[\\/]compile[\\/](?:env|slots[\\/](?:kinds|[a-z]+\.generated))\.js$/;

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [join(dist, 'index.js'), join(dist, 'tooling.js')],
  absWorkingDir: root,
  outdir: out,
  bundle: true,
  splitting: true,
  chunkNames: '[name]-[hash]',
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'keep-slots-separate',
      setup(b) {
        b.onResolve({ filter: /^\.\.?\// }, (args) => {
          const path = resolve(args.resolveDir, args.path);
          // Every output lands in dist/node/ itself, so one relative path is right in all of them.
          return SEPARATE.test(path)
            ? { path: relative(out, path).split('\\').join('/'), external: true }
            : undefined;
        });
      },
    },
  ],
});
