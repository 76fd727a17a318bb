/**
 * No red on a fresh start: every target's starter as the editor loads it (catalog's starterFor: SPEC §9's
 * flow where the activity needs a record id), for every provider, rendered through the editor's own
 * render path (renderOne, as the worker does) against every sample of that provider, with the lookups'
 * sample responses both "found" and "not found", and judged by the editor's status model.
 */
import { describe, expect, it } from 'vitest';
import { isFlow, type Provider } from '@hookmap/core';
import { providers } from '@hookmap/providers';
import { targets } from '@hookmap/targets';
import { starterFor } from '../src/catalog.js';
import { integrationToDoc, emptyDoc, docToIntegration } from '../src/integration.js';
import { isError, problemsOf, verdictOf } from '../src/status/problems.js';
import type { ResponseChoice } from '../src/store.js';
import { renderOne } from '../src/worker/job.js';

const allProviders = providers as unknown as Provider[];

const cases = targets.flatMap((target) =>
  allProviders.flatMap((provider) => provider.samples.map((sample) => ({ target, provider, sample }))),
);

/** The doc the editor makes of a starter, and back: what the worker renders after "start from a target". */
function loadedStarter(targetId: string, providerId: string) {
  const doc = { ...integrationToDoc(starterFor(targetId, providerId), emptyDoc), targetId, providerId };
  const converted = docToIntegration(doc);
  if (converted.error !== null) throw new Error(converted.error);
  return converted.integration;
}

describe('every starter × provider × sample renders without red in the editor', () => {
  it('covers the whole matrix, with flows for the CRMs that need a record id', () => {
    expect(targets.length).toBeGreaterThan(10);
    expect(cases.length).toBe(targets.length * allProviders.reduce((n, p) => n + p.samples.length, 0));
    expect(isFlow(loadedStarter('hubspot.note', 'otter'))).toBe(true);
    expect(isFlow(loadedStarter('slack.message', 'otter'))).toBe(false);
  });

  it.each(cases.map((c) => [`${c.target.id} × ${c.provider.id} × ${c.sample.id}`, c] as const))(
    '%s',
    (_, c) => {
      const integration = loadedStarter(c.target.id, c.provider.id);
      const variants: ResponseChoice['kind'][] = isFlow(integration) ? ['found', 'not-found'] : ['found'];
      for (const kind of variants) {
        const responses = isFlow(integration)
          ? Object.fromEntries(integration.steps.map((s) => [s.id, { kind } as ResponseChoice]))
          : {};
        const flow = { activeStep: -1, responses };
        const rendered = renderOne(
          integration,
          c.provider,
          { value: c.sample.payload, error: null },
          c.target.id,
          new Set(),
          flow,
        );
        const errors = problemsOf(rendered).filter(isError);
        expect({
          kind,
          failure: rendered.failure,
          errors: errors.map((e) => `${e.code} ${e.path} ${e.message}`),
        }).toEqual({
          kind,
          failure: null,
          errors: [],
        });
        expect(verdictOf(rendered)).not.toBe('failing');
        if (rendered.skipped === null && isFlow(integration)) {
          // Sent: every step got its response, and the activity was rendered.
          expect(rendered.stoppedAt).toBeNull();
          expect(rendered.steps?.at(-1)?.request).not.toBeNull();
        }
      }
    },
  );
});
