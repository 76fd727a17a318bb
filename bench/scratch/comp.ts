import { compile } from '@hookmap/core';
import { cases } from '../cases/index.js';
const c = cases.find((x) => x.id.startsWith('a'))!;
const src = c.templates.hookmap as any;
const sink: unknown[] = [];
const r: number[] = [];
for (let k = 0; k < 15; k++) {
  const t0 = performance.now();
  for (let i = 0; i < 3000; i++) sink[i & 7] = compile(src);
  r.push((performance.now() - t0) / 3000 * 1000);
}
r.sort((a, b) => a - b);
console.log('min', r[0]!.toFixed(1), 'median', r[7]!.toFixed(1), 'µs');
