/** How long the harness measures; the defaults keep `pnpm bench` near two minutes on 2 cores. */
export interface Settings {
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
  repeats: 5,
  slices: 8,
  sliceMs: 12,
  warmupMs: 150,
  contextCopies: 16,
  compileMs: 250,
  memoryTemplates: 200,
};

export const quickSettings: Settings = {
  repeats: 3,
  slices: 4,
  sliceMs: 5,
  warmupMs: 40,
  contextCopies: 8,
  compileMs: 60,
  memoryTemplates: 50,
};
