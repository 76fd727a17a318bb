import { compile } from '@hookmap/core';
import { cases } from '../cases/index.js';
import { freshCopy } from '../harness/contexts.js';
const c = cases.find((x) => x.id.startsWith('a'))!;
const base = c.contexts(1)[0]!;
const N = 4000;
const sink: unknown[] = new Array(8);
const variants: Record<string, any> = {
  empty: {},
  consts9: { a: 'x', b: 'y', c: 1, d: true, e: null, f: 'z', g: 'w', h: 'q', i: false },
  path1x9: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, '{{call_summary}}'])),
  path2x9: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, '{{call_info.phone_number}}'])),
  path3x9: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, '{{structured_output.appointment.date}}'])),
  miss2x9: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, '{{data_capture.name}}'])),
  obj1x9: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, '{{structured_output}}'])),
  interp1: { note: 'Call {{call_info.call_log_id}} with {{call_trigger_data.person_name}} ({{call_info.phone_number}})' },
  full: c.templates.hookmap,
};
const ts = Object.fromEntries(Object.entries(variants).map(([k, v]) => [k, compile(v)]));
function slice(op: (x: object) => unknown): number {
  const ctxs = Array.from({ length: N }, () => freshCopy(base));
  (globalThis as any).gc?.({ type: 'minor' });
  const t0 = performance.now();
  for (let i = 0; i < N; i++) sink[i & 7] = op(ctxs[i]!);
  return (performance.now() - t0) / N;
}
const times: Record<string, number[]> = {};
const ops: [string, (x: object) => unknown][] = [['hand', c.handWritten], ...Object.entries(ts).map(([k, t]) => [k, (x: object) => t.render(x)] as [string, (x: object) => unknown])];
for (let r = 0; r < 40; r++) for (const [name, op] of ops) (times[name] ??= []).push(slice(op));
const med = (a: number[]) => { const s = a.slice(10).sort((x, y) => x - y); return s[s.length >> 1]!; };
for (const [name] of ops) console.log(name.padEnd(14), (med(times[name]!) * 1e6).toFixed(0), 'ns');
