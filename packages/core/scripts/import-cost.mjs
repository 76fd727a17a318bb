// Issue #13 item 2: what importing core costs a Node process, beside importing handlebars (the bar).
// Each import runs in a fresh process; the figure is the median of the import's own wall-clock time.
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
  // What Node resolves `@hookmap/core` to (the `node` condition): the joined modules of scripts/join-dist.mjs.
  '@hookmap/core (dist/node)': pathToFileURL(join(root, 'dist/node/index.js')).href,
  // What a bundler starts from: tsc's per-module output.
  '@hookmap/core (dist, per module)': pathToFileURL(join(root, 'dist/index.js')).href,
  handlebars: pathToFileURL(handlebars).href,
};

/** [wall ms, CPU ms] of one import in a fresh process (CPU time moves less when the machine is busy). */
function once(url) {
  const script = `const c = process.cpuUsage(); const t = performance.now(); await import(${JSON.stringify(url)}); const d = process.cpuUsage(c); console.log(performance.now() - t, (d.user + d.system) / 1000);`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })
    .trim()
    .split(' ')
    .map(Number);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
for (let i = 0; i < runs; i++)
  for (const [name, url] of Object.entries(targets)) (results[name] ??= []).push(once(url));
const wall = Object.values(results).map((r) => median(r.map(([w]) => w)));
const cpu = Object.values(results).map((r) => median(r.map(([, c]) => c)));
Object.keys(results).forEach((name, i) =>
  console.log(`${name}: ${wall[i].toFixed(1)} ms wall, ${cpu[i].toFixed(1)} ms CPU (medians of ${runs})`),
);
const ratio = (xs, i) => (xs[i] / xs[2]).toFixed(2);
console.log(
  `core / handlebars: ${ratio(wall, 0)}× wall, ${ratio(cpu, 0)}× CPU (per-module dist: ${ratio(wall, 1)}× wall, ${ratio(cpu, 1)}× CPU)`,
);
