import { freshCopy } from '../harness/contexts.js';
const base = { intent: 'appointment_confirmation', appointment: { date: '2026-06-12', time: '10:00' } };
const hasOwn = Object.prototype.hasOwnProperty;
let pure = true;
function leaf(v: unknown): number { if (typeof v === 'number') return 5; if (typeof v === 'boolean') return 5; pure = false; return 0; }
function A(value: any, depth: number, max: number): number {
  if (depth >= max) throw new Error();
  let size = 2;
  if (Array.isArray(value)) { for (let i = 0; i < value.length; i++) { const v = value[i]; size += 1 + (typeof v === 'string' ? v.length + 2 : typeof v === 'object' ? (v === null ? 4 : A(v, depth + 1, max)) : leaf(v)); } return size; }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) pure = false;
  for (const key in value) { if (hasOwn.call(value, key)) { const v = value[key]; size += key.length + 4 + (typeof v === 'string' ? v.length + 2 : typeof v === 'object' ? (v === null ? 4 : A(v, depth + 1, max)) : leaf(v)); } }
  return size;
}
function B(value: any, depth: number, max: number): number {
  if (depth >= max) throw new Error();
  let size = 2;
  if (Array.isArray(value)) { for (let i = 0; i < value.length; i++) { const v = value[i]; size += 1 + (typeof v === 'string' ? v.length + 2 : typeof v === 'object' ? (v === null ? 4 : B(v, depth + 1, max)) : leaf(v)); } return size; }
  if (value.constructor !== Object) { const proto = Object.getPrototypeOf(value); if (proto !== Object.prototype && proto !== null) pure = false; }
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) { const key = keys[i]!; const v = value[key]; size += key.length + 4 + (typeof v === 'string' ? v.length + 2 : typeof v === 'object' ? (v === null ? 4 : B(v, depth + 1, max)) : leaf(v)); }
  return size;
}
function C(value: any, depth: number, max: number): number {
  if (depth >= max) throw new Error();
  let size = 2;
  if (Array.isArray(value)) { for (let i = 0; i < value.length; i++) { const v = value[i]; size += 1 + (typeof v === 'string' ? v.length + 2 : typeof v === 'object' ? (v === null ? 4 : C(v, depth + 1, max)) : leaf(v)); } return size; }
  if (value.constructor !== Object) { const proto = Object.getPrototypeOf(value); if (proto !== Object.prototype && proto !== null) pure = false; }
  for (const key in value) { const v = value[key]; size += key.length + 4 + (typeof v === 'string' ? v.length + 2 : typeof v === 'object' ? (v === null ? 4 : C(v, depth + 1, max)) : leaf(v)); }
  return size;
}
const f = { A, B, C }[process.argv[2] as 'A'];
const N = 4000;
let acc = 0;
for (let r = 0; r < 24; r++) {
  const objs = Array.from({ length: N }, () => freshCopy(base));
  const t0 = performance.now();
  for (let i = 0; i < N; i++) { acc += f(objs[i]!, 0, 256); }
  if (r % 6 === 5) console.log(process.argv[2], ((performance.now() - t0) / N * 1e6).toFixed(1), 'ns', acc > 0);
}
