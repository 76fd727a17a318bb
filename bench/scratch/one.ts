import { compile } from '@hookmap/core';
import { cases } from '../cases/index.js';
import { freshCopy } from '../harness/contexts.js';
const c = cases.find((x) => x.id.startsWith('a'))!;
const base = c.contexts(1)[0]!;
const N = 4000;
const sink: unknown[] = new Array(8);
const tpls = process.argv.slice(2);
const ts = tpls.map((x) => compile(JSON.parse(x)));
function slice(op: (x: object) => unknown): number {
  const ctxs = Array.from({ length: N }, () => freshCopy(base));
  (globalThis as any).gc?.({ type: 'minor' });
  const t0 = performance.now();
  for (let i = 0; i < N; i++) sink[i & 7] = op(ctxs[i]!);
  return (performance.now() - t0) / N;
}
const ops: [string, (x: object) => unknown][] = [['hand', c.handWritten], ...ts.map((t, i) => [tpls[i]!, (x: object) => t.render(x)] as [string, (x: object) => unknown])];
const times: Record<string, number[]> = {};
for (let r = 0; r < 40; r++) for (const [name, op] of ops) (times[name] ??= []).push(slice(op));
const med = (a: number[]) => { const s = a.slice(10).sort((x, y) => x - y); return s[s.length >> 1]!; };
for (const [name] of ops) console.log(name.padEnd(30), (med(times[name]!) * 1e6).toFixed(0), 'ns');
