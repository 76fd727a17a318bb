import { osvi } from '@hookmap/providers';
import { freshCopy } from '../harness/contexts.js';
const sample = osvi.samples[0]!.payload as object;
const N = 4000;
const sink: unknown[] = new Array(8);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const desc: PropertyDescriptor = { enumerable: true, configurable: true, get() { return 1; } };
const variants: Record<string, (p: any) => unknown> = {
  build: (p) => osvi.buildContext!(p),
  spreadOnly: (p) => ({ ...p, ...{ a: 1, b: 2, c: 3, d: 4, e: 5 }, payload: p }),
  spreadDefine: (p) => { const c = { ...p, ...{ a: 1, b: 2, c: 3, d: 4, e: 5 }, payload: p }; Object.defineProperty(c, 'common', desc); return c; },
  assign: (p) => { const c = Object.assign({}, p); return c; },
};
for (let r = 0; r < 20; r++) {
  for (const [name, f] of Object.entries(variants)) {
    const text = JSON.stringify(sample); const ctxs = Array.from({ length: N }, () => (process.env.PARSE ? JSON.parse(text) : freshCopy(sample)));
    const t0 = performance.now();
    for (let i = 0; i < N; i++) sink[i & 7] = f(ctxs[i]);
    if (r === 19) console.log(name.padEnd(14), (((performance.now() - t0) / N) * 1e6).toFixed(0), 'ns');
  }
}
