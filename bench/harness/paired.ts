import { median } from './stats.js';
import { calibrate, timeSlice } from './slices.js';
import type { Timed } from './slices.js';
import type { Settings } from './settings.js';

export interface PairResult {
  /** Median ops/s of the contender and of the baseline over the repeats. */
  opsPerSec: number;
  baselineOpsPerSec: number;
  /** Median over repeats of (contender ops/s ÷ baseline ops/s), each ratio from the same repeat. */
  ratio: number;
  ratios: number[];
}

/**
 * Times `contender` against `baseline` in short interleaved slices (GC before each, order alternating),
 * so drift on a noisy machine hits both alike; the ratio is taken per repeat, then the median.
 */
export async function timePair(contender: Timed, baseline: Timed, contexts: object[], settings: Settings): Promise<PairResult> {
  const countA = await calibrate(contender, contexts, settings.sliceMs, settings.warmupMs);
  const countB = await calibrate(baseline, contexts, settings.sliceMs, settings.warmupMs);
  const opsA: number[] = [];
  const opsB: number[] = [];
  const ratios: number[] = [];
  for (let repeat = 0; repeat < settings.repeats; repeat++) {
    let timeA = 0;
    let timeB = 0;
    for (let slice = 0; slice < settings.slices; slice++) {
      if ((repeat + slice) % 2 === 0) {
        timeA += await timeSlice(contender, contexts, countA);
        timeB += await timeSlice(baseline, contexts, countB);
      } else {
        timeB += await timeSlice(baseline, contexts, countB);
        timeA += await timeSlice(contender, contexts, countA);
      }
    }
    const a = (countA * settings.slices * 1000) / timeA;
    const b = (countB * settings.slices * 1000) / timeB;
    opsA.push(a);
    opsB.push(b);
    ratios.push(a / b);
  }
  return { opsPerSec: median(opsA), baselineOpsPerSec: median(opsB), ratio: median(ratios), ratios };
}

/** Ops/s of one function alone (median over repeats), for cases without a baseline. */
export async function timeSolo(timed: Timed, contexts: object[], settings: Settings): Promise<number> {
  const count = await calibrate(timed, contexts, settings.sliceMs, settings.warmupMs);
  const ops: number[] = [];
  for (let repeat = 0; repeat < settings.repeats; repeat++) {
    let time = 0;
    for (let slice = 0; slice < settings.slices; slice++) time += await timeSlice(timed, contexts, count);
    ops.push((count * settings.slices * 1000) / time);
  }
  return median(ops);
}
