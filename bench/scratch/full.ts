import { compile } from '@hookmap/core';
import { cases } from '../cases/index.js';
import { freshCopy } from '../harness/contexts.js';
const c = cases.find((x) => x.id.startsWith('a'))!;
const t = compile(c.templates.hookmap as any);
const base = c.contexts(1)[0]!;
const sink: unknown[] = [];
const fresh = process.argv[2] === 'fresh';
const N = 4000;
for (let r = 0; r < 30; r++) {
  const ctxs = Array.from({ length: N }, () => fresh ? freshCopy(base) : base);
  let t0 = performance.now();
  for (let i = 0; i < N; i++) sink[i & 7] = t.render(ctxs[i]!);
  const a = (performance.now() - t0) / N * 1e6;
  t0 = performance.now();
  for (let i = 0; i < N; i++) sink[i & 7] = c.handWritten(ctxs[i]!);
  const b = (performance.now() - t0) / N * 1e6;
  if (r % 5 === 4) console.log('hookmap', a.toFixed(0), 'hand', b.toFixed(0), 'ratio', (b / a).toFixed(3));
}
