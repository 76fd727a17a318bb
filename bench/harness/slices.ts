import { minorGc } from './gc.js';
import type { ContextSource } from './contexts.js';

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

function runSync(op: Op, contexts: object[]): void {
  for (let i = 0; i < contexts.length; i++) sink[i & 7] = op(contexts[i] as object);
}

async function runAsync(op: Op, contexts: object[]): Promise<void> {
  for (let i = 0; i < contexts.length; i++) sink[i & 7] = await op(contexts[i] as object);
}

/**
 * Makes the loops' call site megamorphic before anything is timed, so no contender (the hand-written one
 * included) gets inlined into the loop while the others pay an indirect call: all are called alike.
 */
export async function settleCallSites(): Promise<void> {
  const ops: Op[] = [(c) => c, (c) => [c], (c) => ({ c }), (c) => String(c), (c) => typeof c];
  const contexts = Array.from({ length: 50 }, () => ({}));
  for (let round = 0; round < 200; round++) {
    for (const op of ops) {
      runSync(op, contexts);
      await runAsync(op, contexts.slice(0, 1));
    }
  }
}

/** Elapsed wall-clock and process CPU milliseconds of one slice. */
export interface SliceTime {
  wall: number;
  cpu: number;
}

/** Runs `count` ops on contexts from `source` (prepared untimed), after a young-generation GC. */
export async function timeSliceBoth(timed: Timed, source: ContextSource, count: number): Promise<SliceTime> {
  const cursor = cursors.get(timed) ?? 0;
  cursors.set(timed, (cursor + count) % 1_048_576);
  const contexts = source.take(count, cursor);
  minorGc();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (timed.async) await runAsync(timed.op, contexts);
  else runSync(timed.op, contexts);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** Wall-clock milliseconds of one slice. */
export async function timeSlice(timed: Timed, source: ContextSource, count: number): Promise<number> {
  return (await timeSliceBoth(timed, source, count)).wall;
}

/**
 * Warms `timed` up for about `warmupMs` of wall time (context copies included) and returns the op count
 * that fills one slice of `sliceMs`, at most `source.cap`.
 */
export async function calibrate(
  timed: Timed,
  source: ContextSource,
  sliceMs: number,
  warmupMs: number,
): Promise<number> {
  const deadline = performance.now() + warmupMs;
  let count = 1;
  let perOp = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3 || performance.now() < deadline || !Number.isFinite(perOp); round++) {
    const elapsed = await timeSlice(timed, source, count);
    if (elapsed > 0.2 || count >= source.cap) perOp = Math.min(perOp, elapsed / count);
    if (elapsed < sliceMs / 2 && count < source.cap) count = Math.min(count * 2, source.cap);
  }
  return Math.max(1, Math.min(source.cap, Math.round(sliceMs / perOp)));
}
