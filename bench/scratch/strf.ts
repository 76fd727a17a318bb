import { compile } from '@hookmap/core';
import { cases } from '../cases/index.js';
import { freshCopy } from '../harness/contexts.js';
const c = cases.find((x) => x.id.startsWith('a'))!;
const t = compile(c.templates.hookmap as any);
const base = c.contexts(1)[0]!;
const N = 4000;
const sink: unknown[] = new Array(8);
const res: Record<string, number[]> = { hand: [], hookmap: [] };
for (let r = 0; r < 30; r++) {
  const ctxs = Array.from({ length: N }, () => freshCopy(base));
  const outH = ctxs.map((x) => c.handWritten(x));
  const outK = ctxs.map((x) => t.render(x));
  (globalThis as any).gc({ type: 'minor' });
  let t0 = performance.now();
  for (let i = 0; i < N; i++) sink[i & 7] = JSON.stringify(outH[i]);
  res.hand!.push((performance.now() - t0) / N * 1e6);
  t0 = performance.now();
  for (let i = 0; i < N; i++) sink[i & 7] = JSON.stringify(outK[i]);
  res.hookmap!.push((performance.now() - t0) / N * 1e6);
}
for (const k of ['hand', 'hookmap']) { const a = res[k]!.slice(10).sort((x, y) => x - y); console.log(k, 'stringify', a[10]!.toFixed(0), 'ns'); }
console.log(JSON.stringify(t.render(base)) === JSON.stringify(c.handWritten(base)));
