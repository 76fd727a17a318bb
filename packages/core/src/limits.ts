import type { Limits } from './types.js';

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxTemplateBytes: 1024 * 1024,
  maxDepth: 64,
  maxIterations: 100_000,
  maxOutputBytes: 10 * 1024 * 1024,
  maxPayloadDepth: 256,
});

export function resolveLimits(...overrides: (Partial<Limits> | undefined)[]): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const o of overrides) {
    if (!o) continue;
    for (const k of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
      const v = o[k];
      if (typeof v === 'number' && v >= 0) limits[k] = v;
    }
  }
  return limits;
}
