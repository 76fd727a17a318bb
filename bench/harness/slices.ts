import { fullGc } from './gc.js';

export type Op = (context: object) => unknown;

/** One timed function: a contender's render or body, sync or awaited per op. */
export interface Timed {
  op: Op;
  async: boolean;
}

/** Results land here so V8 cannot drop a call whose value is unused. */
const sink: unknown[] = new Array(8);

/** Where each Timed is in its rotation through the context copies. */
const cursors = new WeakMap<Timed, number>();

function runSync(op: Op, contexts: object[], count: number, start: number): void {
  const mask = contexts.length - 1;
  for (let i = 0; i < count; i++) sink[i & 7] = op(contexts[(start + i) & mask] as object);
}

async function runAsync(op: Op, contexts: object[], count: number, start: number): Promise<void> {
  const mask = contexts.length - 1;
  for (let i = 0; i < count; i++) sink[i & 7] = await op(contexts[(start + i) & mask] as object);
}

/** Runs `count` ops after a full GC, rotating through `contexts`; returns elapsed milliseconds. */
export async function timeSlice(timed: Timed, contexts: object[], count: number): Promise<number> {
  const start = cursors.get(timed) ?? 0;
  cursors.set(timed, (start + count) & (contexts.length - 1));
  fullGc();
  const t0 = performance.now();
  if (timed.async) await runAsync(timed.op, contexts, count, start);
  else runSync(timed.op, contexts, count, start);
  return performance.now() - t0;
}

/** Warms `timed` up for about `warmupMs` and returns the op count that fills one slice of `sliceMs`. */
export async function calibrate(timed: Timed, contexts: object[], sliceMs: number, warmupMs: number): Promise<number> {
  let count = 1;
  let spent = 0;
  let perOp = Number.POSITIVE_INFINITY;
  while (spent < warmupMs || !Number.isFinite(perOp)) {
    const elapsed = await timeSlice(timed, contexts, count);
    spent += elapsed;
    if (elapsed > 0.5) perOp = Math.min(perOp, elapsed / count);
    if (elapsed < sliceMs / 2) count *= 2;
  }
  return Math.max(1, Math.round(sliceMs / perOp));
}
