import { minorGc } from './gc.js';

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

/**
 * Makes the loops' call site megamorphic before anything is timed, so no contender (the hand-written one
 * included) gets inlined into the loop while the others pay an indirect call: all are called alike.
 */
export async function settleCallSites(): Promise<void> {
  const ops: Op[] = [(c) => c, (c) => [c], (c) => ({ c }), (c) => String(c), (c) => typeof c];
  const contexts = [{}, {}];
  for (let round = 0; round < 200; round++) {
    for (const op of ops) {
      runSync(op, contexts, 50, 0);
      await runAsync(op, contexts, 1, 0);
    }
  }
}

/** Elapsed wall-clock and process CPU milliseconds of one slice. */
export interface SliceTime {
  wall: number;
  cpu: number;
}

/** Runs `count` ops after a young-generation GC, rotating through `contexts`. */
export async function timeSliceBoth(timed: Timed, contexts: object[], count: number): Promise<SliceTime> {
  const start = cursors.get(timed) ?? 0;
  cursors.set(timed, (start + count) & (contexts.length - 1));
  minorGc();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (timed.async) await runAsync(timed.op, contexts, count, start);
  else runSync(timed.op, contexts, count, start);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** Wall-clock milliseconds of one slice. */
export async function timeSlice(timed: Timed, contexts: object[], count: number): Promise<number> {
  return (await timeSliceBoth(timed, contexts, count)).wall;
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
