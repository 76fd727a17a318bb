import { otterCase } from './cases/otter.js';
import { osviCase } from './cases/osvi.js';
import { hookmapContender } from './contenders/hookmap.js';
const gc = (globalThis as { gc?: () => void }).gc!;
function fresh(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fresh);
  if (v !== null && typeof v === 'object') { const o: Record<string, unknown> = {}; for (const k of Object.keys(v)) o[k] = fresh((v as Record<string, unknown>)[k]); return o; }
  return v;
}
const sink: unknown[] = [];
function pass(f: (c: object) => unknown, pool: object[]) { gc(); const t = performance.now(); for (let i = 0; i < pool.length; i++) sink[i & 7] = f(pool[i] as object); return (performance.now() - t) / pool.length * 1000; }
for (const c of [osviCase, otterCase]) {
  const ctxs = c.contexts(16);
  const hm = hookmapContender.compile(c.templates.hookmap);
  const N = c === osviCase ? 20000 : 1000;
  const mk = () => Array.from({ length: N }, (_, i) => fresh(ctxs[i & 15]) as object);
  for (let r = 0; r < 4; r++) {
    const p1 = mk(), p2 = mk();
    const hf = pass(c.handWritten, p1), hmf = pass(hm.render, p2), hs = pass(c.handWritten, p1), hms = pass(hm.render, p2);
    console.log(c.id, `hand fresh ${hf.toFixed(2)} second ${hs.toFixed(2)} | hookmap fresh ${hmf.toFixed(2)} second ${hms.toFixed(2)} µs`);
  }
}
