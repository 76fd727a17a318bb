/**
 * No red on a fresh start: every target's starter, for every provider, rendered through the editor's
 * own render path (renderOne, as the worker does) against every sample of that provider, judged by the
 * editor's status model. Pairs that fail are listed, with why, in known-starter-failures.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Provider } from '@hookmap/core';
import { providers } from '@hookmap/providers';
import { starterIntegration, targets } from '@hookmap/targets';
import { isError, problemsOf, verdictOf } from '../src/status/problems.js';
import { renderOne } from '../src/worker/job.js';
import { KNOWN_STARTER_FAILURES, REASONS } from './known-starter-failures.js';

const allProviders = providers as unknown as Provider[];

function known(targetId: string, providerId: string, sampleId: string) {
  const entry = KNOWN_STARTER_FAILURES.find(([t, p]) => t === targetId && p === providerId);
  if (!entry) return null;
  const [, , samples, paths, reasons] = entry;
  return samples === '*' || samples.includes(sampleId) ? { paths, reasons } : null;
}

const cases = targets.flatMap((target) =>
  allProviders.flatMap((provider) => provider.samples.map((sample) => ({ target, provider, sample }))),
);

describe('every starter × provider × sample renders without red in the editor', () => {
  it('covers the whole matrix', () => {
    expect(targets.length).toBeGreaterThan(10);
    expect(cases.length).toBe(targets.length * allProviders.reduce((n, p) => n + p.samples.length, 0));
  });

  it.each(cases.map((c) => [`${c.target.id} × ${c.provider.id} × ${c.sample.id}`, c] as const))('%s', (_, c) => {
    const integration = starterIntegration(c.target.id, c.provider.id);
    const rendered = renderOne(integration, c.provider, { value: c.sample.payload, error: null }, c.target.id);
    const verdict = verdictOf(rendered);
    const errors = problemsOf(rendered).filter(isError);
    const expected = known(c.target.id, c.provider.id, c.sample.id);
    if (expected === null) {
      expect({ failure: rendered.failure, errors: errors.map((e) => `${e.code} ${e.path} ${e.message}`) }).toEqual({
        failure: null,
        errors: [],
      });
      expect(verdict).not.toBe('failing');
      return;
    }
    // A listed pair that passes must leave the list; one that fails must fail only where listed.
    expect(verdict, `listed as failing (${expected.reasons.map((r) => REASONS[r]).join('; ')}) but passes: remove it from known-starter-failures.ts`).toBe('failing');
    expect(rendered.failure).toBeNull();
    for (const error of errors) expect(expected.paths, `${error.code} ${error.message}`).toContain(error.path);
  });
});
