import type { ContextMode } from './contexts.js';

/** How long the harness measures; the defaults keep `pnpm bench` near two minutes on 2 cores. */
export interface Settings {
  /** Where each op's context comes from (see contexts.ts); the tables use this mode. */
  contextMode: ContextMode;
  /** Most ops per slice with fresh contexts (each is a deep copy held until the slice ends). */
  freshCap: number;
  /** Repeats per pair; figures are medians over repeats. */
  repeats: number;
  /** Interleaved slices per repeat (half start with the contender, half with the baseline). */
  slices: number;
  /** Target duration of one slice of one contender. */
  sliceMs: number;
  /** Warm-up per contender before a pair is timed (also calibrates the slice size). */
  warmupMs: number;
  /** Separate copies of each context the ops rotate through (a power of two). */
  contextCopies: number;
  /** tinybench time budget per compile measurement. */
  compileMs: number;
  /** Compiled templates kept alive to measure memory per template. */
  memoryTemplates: number;
}

export const fullSettings: Settings = {
  contextMode: 'fresh',
  freshCap: 4000,
  repeats: 5,
  slices: 6,
  sliceMs: 10,
  warmupMs: 120,
  contextCopies: 16,
  compileMs: 250,
  memoryTemplates: 200,
};

export const quickSettings: Settings = {
  contextMode: 'fresh',
  freshCap: 2000,
  repeats: 3,
  slices: 4,
  sliceMs: 4,
  warmupMs: 30,
  contextCopies: 8,
  compileMs: 40,
  memoryTemplates: 30,
};
