import { osviCase } from './osvi.js';
import { otterCase } from './otter.js';
import type { BenchCase } from './types.js';

export type { BenchCase, EngineId } from './types.js';

export const cases: BenchCase[] = [osviCase, otterCase];
