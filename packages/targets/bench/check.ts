/**
 * How long the static check (SPEC §11) takes on every shipped example and starter: the whole
 * `checkIntegrationTypes` (templates against the provider's events, body against the target). Runs the
 * built packages (`dist/`), as users do (build them first). The goal is well under 50 ms for the biggest
 * example; the script exits 1 when the median check of an example is over it.
 *
 *   pnpm --filter @hookmap/targets bench:check
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Integration } from '@hookmap/core';
import { getProvider, providers } from '@hookmap/providers';
import { checkIntegrationTypes, starterIntegration, targets } from '@hookmap/targets';

const GOAL_MS = 50;
const RUNS = 200;
const root = fileURLToPath(new URL('../../../examples/', import.meta.url));

interface Item {
  name: string;
  doc: Integration;
  bytes: number;
}

const examples: Item[] = readdirSync(root)
  .filter((n) => statSync(join(root, n)).isDirectory())
  .map((n) => {
    const text = readFileSync(join(root, n, 'integration.json'), 'utf8');
    return { name: `example ${n}`, doc: JSON.parse(text) as Integration, bytes: text.length };
  });
const starters: Item[] = targets.flatMap((t) =>
  providers.map((p) => {
    const doc = starterIntegration(t.id, p.id);
    return { name: `starter ${t.id} for ${p.id}`, doc, bytes: JSON.stringify(doc, null, 2).length };
  }),
);

function check(doc: Integration): number {
  const t0 = performance.now();
  checkIntegrationTypes(doc, { provider: getProvider(doc.provider ?? '') ?? undefined, target: doc.target });
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

// The first check in a process also turns each provider's and target's schemas into types (then cached).
const biggest = [...examples].sort((a, b) => b.bytes - a.bytes)[0] as Item;
const cold = check(biggest.doc);
const rows = [...examples, ...starters].map((item) => {
  const times = Array.from({ length: RUNS }, () => check(item.doc));
  return { name: item.name, bytes: item.bytes, median: median(times), max: Math.max(...times) };
});
rows.sort((a, b) => b.median - a.median);
console.log(`static check, ${RUNS} runs each (median / slowest, ms)`);
for (const r of rows.slice(0, 12))
  console.log(
    `${r.median.toFixed(3).padStart(8)} ${r.max.toFixed(2).padStart(8)}  ${r.name} (${r.bytes} bytes)`,
  );
const big = rows.find((r) => r.name === biggest.name)!;
console.log(
  `\nbiggest example: ${biggest.name} (${biggest.bytes} bytes): first check in the process ${cold.toFixed(1)} ms, then median ${big.median.toFixed(3)} ms`,
);
const slowest = Math.max(...rows.filter((r) => r.name.startsWith('example')).map((r) => r.median));
console.log(`slowest example median ${slowest.toFixed(3)} ms (goal < ${GOAL_MS} ms)`);
// The first check is reported, not judged: it includes loading and compiling the code, and on a shared
// machine its one sample is mostly scheduling noise.
process.exitCode = slowest < GOAL_MS ? 0 : 1;
