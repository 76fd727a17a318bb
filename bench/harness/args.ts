import { fullSettings, quickSettings } from './settings.js';
import type { ContextMode } from './contexts.js';
import type { Settings } from './settings.js';

export interface Args {
  quick: boolean;
  settings: Settings;
  /** Case ids to run (prefix match: "a", "b", "c"); empty = all. */
  cases: string[];
  /** Contender ids to time; empty = all. */
  only: string[];
  /** Where results.json goes; null with --no-write. */
  out: string | null;
}

function valuesOf(argv: string[], flag: string): string[] {
  const values: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === flag && argv[i + 1]) values.push(...(argv[i + 1] as string).split(','));
    else if (arg.startsWith(`${flag}=`)) values.push(...arg.slice(flag.length + 1).split(','));
  });
  return values;
}

export function parseArgs(argv: string[], defaultOut: string): Args {
  const quick = argv.includes('--quick');
  const copies = Number(valuesOf(argv, '--copies')[0] ?? Number.NaN);
  const mode = valuesOf(argv, '--contexts')[0] as ContextMode | undefined;
  const preset = quick ? quickSettings : fullSettings;
  const base = mode === 'fresh' || mode === 'rotate' ? { ...preset, contextMode: mode } : preset;
  return {
    quick,
    settings: isPowerOfTwo(copies) ? { ...base, contextCopies: copies } : base,
    cases: valuesOf(argv, '--case'),
    only: valuesOf(argv, '--only'),
    out: argv.includes('--no-write') ? null : (valuesOf(argv, '--out')[0] ?? defaultOut),
  };
}

function isPowerOfTwo(value: number): boolean {
  return Number.isInteger(value) && value > 0 && (value & (value - 1)) === 0;
}

export function wanted(selection: string[], id: string): boolean {
  return selection.length === 0 || selection.some((prefix) => id.startsWith(prefix));
}

export const usage = `usage: pnpm bench [--quick] [--case a,b,c] [--only hookmap,liquid] [--contexts fresh|rotate] [--copies n] [--out file | --no-write] [--readme]
  --quick     ~15 s run (3 repeats of 4 short slices)
  --case      run only cases whose id starts with these (a-osvi, b-otter, c-examples)
  --only      time only these contenders (the hand-written baseline always runs)
  --contexts  fresh (default: every op a never-seen payload copy) or rotate (cycle through --copies copies)
  --copies    separate context copies to rotate through (power of two; default 16, quick 8;
              --copies 1 shows how much V8 folds a single constant input)
  --out       results file (default bench/results.json)
  --readme    also write the tables into bench/README.md (between the results markers)`;
