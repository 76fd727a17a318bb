import { compile } from '@hookmap/core';
const t = compile((process.argv[2] ? JSON.parse(process.argv[2]) : {}) as any);
const ctx = { a: 1 };
const sink: unknown[] = [];
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  for (let i = 0; i < 1e6; i++) sink[i & 7] = t.render(ctx);
  console.log(((performance.now() - t0) / 1e6 * 1e6).toFixed(1), 'ns');
}
