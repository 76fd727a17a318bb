import { Bench } from 'tinybench';
import { fullGc } from './gc.js';
import type { Contender } from '../contenders/types.js';
import type { Settings } from './settings.js';

/** `count` separate copies of a template source (strings are immutable and stay shared). */
function sourceCopies(source: unknown, count: number): unknown[] {
  return Array.from({ length: count }, () => (typeof source === 'object' ? structuredClone(source) : source));
}

/** Median microseconds per compile, measured by tinybench over rotating copies of the source. */
export async function compileMicros(
  contender: Contender,
  source: unknown,
  settings: Settings,
): Promise<number> {
  const copies = sourceCopies(source, settings.contextCopies);
  const mask = copies.length - 1;
  let i = 0;
  const bench = new Bench({ time: settings.compileMs, warmupTime: settings.compileMs / 4 });
  bench.add(contender.id, () => {
    contender.compile(copies[i++ & mask]);
  });
  fullGc();
  await bench.run();
  const result = bench.tasks[0]?.result as { latency?: { p50?: number } } | undefined;
  return (result?.latency?.p50 ?? Number.NaN) * 1000;
}

/** Retained heap bytes per compiled template (heap delta over `memoryTemplates` live templates). */
export function memoryPerTemplate(contender: Contender, source: unknown, settings: Settings): number {
  const copies = sourceCopies(source, settings.memoryTemplates);
  const kept: unknown[] = new Array(copies.length);
  fullGc();
  fullGc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < copies.length; i++) kept[i] = contender.compile(copies[i]);
  fullGc();
  fullGc();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== copies.length) throw new Error('unreachable');
  return Math.max(0, (after - before) / copies.length);
}
