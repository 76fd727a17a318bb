// Issue #13 item 2 (import cost): after `tsc`, joins dist's ~100 modules into one module per entry
// (index.js, tooling.js) and one chunk they share (so HookmapError & co. stay one class for both).
// A Node process pays per module it loads (resolve, stat, read, compile); joined, importing core costs
// about a third (see README, "Size and start-up").
//
// Kept apart: the generated slot pools and what they import (compile/slots/kinds.js, *.generated.js,
// compile/env.js, which has no imports itself).
// Joined into the same module as the rest, V8 optimised the render closures less (case (a) renders
// measured 20–50 % slower in-process); as their own modules they render as before. Declarations
// (`.d.ts`) stay per module as tsc wrote them. @handlebars/parser stays a dependency, imported.
//   node scripts/join-dist.mjs        (run by `pnpm build`, after tsc)
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
/** Modules that stay separate files, imported by the joined code at their usual paths. */
const SEPARATE = /[\\/]compile[\\/](?:env|slots[\\/](?:kinds|[a-z]+\.generated))\.js$/;

const result = await build({
  entryPoints: [join(dist, 'index.js'), join(dist, 'tooling.js')],
  absWorkingDir: root,
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: '[name]-[hash]',
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  allowOverwrite: true,
  metafile: true,
  external: ['@handlebars/parser'],
  logLevel: 'warning',
  plugins: [
    {
      name: 'keep-slots-separate',
      setup(b) {
        b.onResolve({ filter: /^\.\.?\// }, (args) => {
          const path = resolve(args.resolveDir, args.path);
          // Every output lands in dist/ itself, so a path relative to dist/ is right in all of them.
          return SEPARATE.test(path) ? { path: `./${relative(dist, path).split('\\').join('/')}`, external: true } : undefined;
        });
      },
    },
  ],
});

// Drop the per-module .js files now inside the joined ones (their .d.ts stay: the declarations).
const kept = new Set(Object.keys(result.metafile.outputs).map((file) => resolve(root, file)));
function prune(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) prune(path);
    else if (/\.js(\.map)?$/.test(entry.name) && !kept.has(path) && !SEPARATE.test(path.replace(/\.map$/, ''))) rmSync(path);
  }
}
prune(dist);
