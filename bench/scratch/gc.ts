import { compile } from '@hookmap/core';
import { cases } from '../cases/index.js';
import { freshCopy } from '../harness/contexts.js';
const c = cases.find((x) => x.id.startsWith('a'))!;
const t = compile((process.env.TPL ? JSON.parse(process.env.TPL) : c.templates.hookmap) as any);
const base = c.contexts(1)[0]!;
const sink: unknown[] = [];
const N = 4000;
const same = Array.from({ length: N }, () => freshCopy(base));
const mode = process.argv[2];
for (let r = 0; r < 12; r++) {
  const ctxs = process.env.SAME ? same : Array.from({ length: N }, () => freshCopy(base));
  if (mode === 'major') (globalThis as any).gc();
  if (mode === 'minor') (globalThis as any).gc({ type: 'minor' });
  let t0 = performance.now();
  for (let i = 0; i < N; i++) sink[i & 7] = t.render(ctxs[i]!);
  const a = (performance.now() - t0) / N * 1e6;
  console.log(`slice ${r}: ${a.toFixed(0)} ns`);
}
