import { fullGc } from './gc.js';
import { median } from './stats.js';
import { calibrate, timeSlice, timeSliceBoth } from './slices.js';
import type { SliceTime, Timed } from './slices.js';
import type { ContextSource } from './contexts.js';
import type { Settings } from './settings.js';

export interface PairResult {
  /** Median ops/s of the contender and of the baseline over the repeats. */
  opsPerSec: number;
  baselineOpsPerSec: number;
  /** Median over repeats of (contender ops/s ÷ baseline ops/s), each ratio from the same repeat. */
  ratio: number;
  ratios: number[];
  /** The same ratio from process CPU time instead of wall-clock time (less sensitive to other load). */
  cpuRatio: number;
}

function add(total: SliceTime, slice: SliceTime): void {
  total.wall += slice.wall;
  total.cpu += slice.cpu;
}

/**
 * Times `contender` against `baseline` in short interleaved slices (order alternating; a full GC before
 * each repeat, a young-generation GC before each slice),
 * so drift on a noisy machine hits both alike; the ratio is taken per repeat, then the median.
 */
export async function timePair(
  contender: Timed,
  baseline: Timed,
  source: ContextSource,
  settings: Settings,
): Promise<PairResult> {
  const countA = await calibrate(contender, source, settings.sliceMs, settings.warmupMs);
  const countB = await calibrate(baseline, source, settings.sliceMs, settings.warmupMs);
  const opsA: number[] = [];
  const opsB: number[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let repeat = 0; repeat < settings.repeats; repeat++) {
    fullGc();
    const timeA = { wall: 0, cpu: 0 };
    const timeB = { wall: 0, cpu: 0 };
    for (let slice = 0; slice < settings.slices; slice++) {
      const aFirst = (repeat + slice) % 2 === 0;
      if (aFirst) add(timeA, await timeSliceBoth(contender, source, countA));
      add(timeB, await timeSliceBoth(baseline, source, countB));
      if (!aFirst) add(timeA, await timeSliceBoth(contender, source, countA));
    }
    const a = (countA * settings.slices * 1000) / timeA.wall;
    const b = (countB * settings.slices * 1000) / timeB.wall;
    opsA.push(a);
    opsB.push(b);
    ratios.push(a / b);
    cpuRatios.push((countA * timeB.cpu) / (countB * timeA.cpu));
  }
  return {
    opsPerSec: median(opsA),
    baselineOpsPerSec: median(opsB),
    ratio: median(ratios),
    ratios,
    cpuRatio: median(cpuRatios),
  };
}

/** Ops/s of one function alone (median over repeats), for cases without a baseline. */
export async function timeSolo(timed: Timed, source: ContextSource, settings: Settings): Promise<number> {
  const count = await calibrate(timed, source, settings.sliceMs, settings.warmupMs);
  const ops: number[] = [];
  for (let repeat = 0; repeat < settings.repeats; repeat++) {
    fullGc();
    let time = 0;
    for (let slice = 0; slice < settings.slices; slice++) time += await timeSlice(timed, source, count);
    ops.push((count * settings.slices * 1000) / time);
  }
  return median(ops);
}
