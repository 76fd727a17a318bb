/// <reference types="node" />
/**
 * Issue #13 item 2: core in the browser. compile + render, bundled and minified with esbuild, is at most
 * 40 KB gzipped, and no bundle of core contains code generation (`new Function`, `eval(`), which
 * security scanners flag and SPEC §8 forbids.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { BUDGET_GZIP_BYTES, ENTRIES, measure } from '../scripts/bundle-size.mjs';

type Measure = (contents: string) => Promise<{ minified: number; gzipped: number; codegen: string[] }>;
const entries = ENTRIES as Record<string, string>;

describe('browser bundle', () => {
  it('compile + render is at most 40 KB gzipped', async () => {
    const m = await (measure as Measure)(entries['compile + render'] as string);
    console.log(
      `compile + render: ${m.minified} bytes minified, ${m.gzipped} gzipped (budget ${BUDGET_GZIP_BYTES})`,
    );
    expect(m.gzipped).toBeLessThanOrEqual(BUDGET_GZIP_BYTES as number);
  });

  it.each(Object.keys(entries))('%s holds no new Function and no eval(', async (name) => {
    const m = await (measure as Measure)(entries[name] as string);
    expect(m.codegen).toEqual([]);
  });
});
