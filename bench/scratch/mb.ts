import { compile } from '@hookmap/core';
import { cases } from '../cases/index.js';
import { freshCopy } from '../harness/contexts.js';
import { sourceFor } from '../harness/equivalence.js';
import { hookmapContender } from '../contenders/hookmap.js';
import { settleCallSites } from '../harness/slices.js';

const caseId = process.argv[2] ?? 'a';
const c = cases.find((x) => x.id.startsWith(caseId))!;
const src = sourceFor(c, hookmapContender) as any;
const t = compile(src);
const base = c.contexts(1)[0]!;
const N = caseId === 'a' ? 4000 : 200;
const sink: unknown[] = new Array(8);
type Op = (x: object) => unknown;
const ops: [string, Op][] = [
  ['hand', (x) => c.handWritten(x)],
  ['hookmap', (x) => t.render(x)],
  ['hand body', (x) => JSON.stringify(c.handWritten(x))],
  ['hookmap body', (x) => JSON.stringify(t.render(x))],
];
function slice(op: Op): number {
  const ctxs = Array.from({ length: N }, () => freshCopy(base));
  if (!process.env.NOGC) (globalThis as any).gc?.({ type: 'minor' });
  const t0 = performance.now();
  for (let i = 0; i < N; i++) sink[i & 7] = op(ctxs[i]!);
  return (performance.now() - t0) / N;
}
if (!process.env.NOSETTLE) await settleCallSites();
const times: Record<string, number[]> = {};
for (let r = 0; r < 60; r++) for (const [name, op] of ops) (times[name] ??= []).push(slice(op));
const med = (a: number[]) => { const s = a.slice(20).sort((x, y) => x - y); return s[s.length >> 1]!; };
for (const [name] of ops) console.log(name.padEnd(14), (med(times[name]!) * 1e6).toFixed(0), 'ns');
console.log('render ratio', (med(times['hand']!) / med(times['hookmap']!)).toFixed(3), 'body ratio', (med(times['hand body']!) / med(times['hookmap body']!)).toFixed(3));
