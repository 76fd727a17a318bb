// Issue #13 item 2: what importing core costs a Node process, beside importing handlebars (the bar).
// Each import runs in a fresh process; the figure is the median of the import's own time.
//   pnpm --filter @hookmap/core build && node scripts/import-cost.mjs [runs]
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 15);
// handlebars is the bench's dependency, not core's: resolve it from there.
const handlebars = createRequire(join(root, '../../bench/package.json')).resolve('handlebars');
const targets = {
  '@hookmap/core (dist)': pathToFileURL(join(root, 'dist/index.js')).href,
  handlebars: pathToFileURL(handlebars).href,
};

function once(url) {
  const script = `const t = performance.now(); await import(${JSON.stringify(url)}); console.log(performance.now() - t);`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
for (let i = 0; i < runs; i++) for (const [name, url] of Object.entries(targets)) (results[name] ??= []).push(once(url));
for (const [name, times] of Object.entries(results)) console.log(`${name}: ${median(times).toFixed(1)} ms (median of ${runs})`);
const [core, hbs] = Object.values(results).map(median);
console.log(`core / handlebars: ${(core / hbs).toFixed(2)}×`);
