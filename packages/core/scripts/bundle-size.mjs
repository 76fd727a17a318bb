// Issue #13 item 2: core bundled for the browser with esbuild (minified, ESM), measured gzipped, and
// checked for code generation (`new Function`, `eval(`). Run by test/bundle-size.test.ts in CI:
//   node scripts/bundle-size.mjs           prints the sizes of every entry
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What a browser app imports: compile + render (the 40 KB budget), and the whole public API. */
export const ENTRIES = {
  'compile + render': "export { compile, render } from './src/index.ts';",
  'compile + render + renderRequest (Handlebars included)':
    "export { compile, render, renderRequest, validate } from './src/index.ts';",
  'everything in the root export': "export * from './src/index.ts';",
};

export const BUDGET_GZIP_BYTES = 40 * 1024;

/** Bundles one entry; returns its minified and gzipped sizes and any code generation found in it. */
export async function measure(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  const codegen = [/new Function\b/, /\beval\s*\(/].filter((re) => re.test(code)).map(String);
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, codegen };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, contents] of Object.entries(ENTRIES)) {
    const m = await measure(contents);
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `${name}: ${kb(m.minified)} minified, ${kb(m.gzipped)} gzipped${m.codegen.length ? `, CODE GENERATION: ${m.codegen.join(' ')}` : ''}`,
    );
  }
}
