import { fullSettings, quickSettings } from './settings.js';
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
  return {
    quick,
    settings: quick ? quickSettings : fullSettings,
    cases: valuesOf(argv, '--case'),
    only: valuesOf(argv, '--only'),
    out: argv.includes('--no-write') ? null : (valuesOf(argv, '--out')[0] ?? defaultOut),
  };
}

export function wanted(selection: string[], id: string): boolean {
  return selection.length === 0 || selection.some((prefix) => id.startsWith(prefix));
}

export const usage = `usage: pnpm bench [--quick] [--case a,b,c] [--only hookmap,liquid] [--out file | --no-write]
  --quick     ~20 s run (3 repeats of 4 short slices)
  --case      run only cases whose id starts with these (a-osvi, b-otter, c-examples)
  --only      time only these contenders (the hand-written baseline always runs)
  --out       results file (default bench/results.json)`;
