/**
 * No red on a fresh start: every target's starter as the editor loads it (catalog's starterFor: SPEC §9's
 * flow where the activity needs a record id), for every provider, rendered through the editor's own
 * render path (renderOne, as the worker does) against every sample of that provider, with the lookups'
 * sample responses both "found" and "not found", and judged by the editor's status model. A CRM with two
 * ways to sign in ("Sign in with": secrets or its relay connection) is also checked in both forms against
 * each provider's first sample: the connection form previews with the connection's stand-ins.
 */
import { describe, expect, it } from 'vitest';
import { isFlow, type Provider } from '@hookmap/core';
import { providers } from '@hookmap/providers';
import { targets, type StarterAuth } from '@hookmap/targets';
import { starterFor } from '../src/catalog.js';
import { integrationToDoc, emptyDoc, docToIntegration } from '../src/integration.js';
import { isError, problemsOf, verdictOf } from '../src/status/problems.js';
import type { ResponseChoice } from '../src/store.js';
import { renderOne } from '../src/worker/job.js';

const allProviders = providers as unknown as Provider[];

const cases = targets.flatMap((target) =>
  allProviders.flatMap((provider) => provider.samples.map((sample) => ({ target, provider, sample }))),
);

const authCases = targets
  .filter((target) => target.auth)
  .flatMap((target) =>
    (['secrets', 'connection'] as const).flatMap((auth) =>
      allProviders.map((provider) => ({ target, provider, sample: provider.samples[0]!, auth })),
    ),
  );

/** The doc the editor makes of a starter, and back: what the worker renders after "start from a target". */
function loadedStarter(targetId: string, providerId: string, auth?: StarterAuth) {
  const doc = {
    ...integrationToDoc(starterFor(targetId, providerId, auth), emptyDoc),
    targetId,
    providerId,
  };
  const converted = docToIntegration(doc);
  if (converted.error !== null) throw new Error(converted.error);
  return converted.integration;
}

interface Case {
  target: { id: string };
  provider: Provider;
  sample: { payload: unknown };
  auth?: StarterAuth;
}

/** Renders the loaded starter against the case's sample (each lookup "found" and "not found"): no red. */
function expectNoRed(c: Case): void {
  const integration = loadedStarter(c.target.id, c.provider.id, c.auth);
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
      expectNoRed(c);
    },
  );
});

describe('every CRM with two ways to sign in × both forms × each provider’s first sample renders without red', () => {
  it('covers the CRMs with both forms, the connection form naming the CRM’s connection', () => {
    expect(new Set(authCases.map((c) => c.target.crm))).toEqual(
      new Set(['hubspot', 'salesforce', 'zoho', 'pipedrive', 'close', 'attio']),
    );
    const hubspot = loadedStarter('hubspot.note', 'otter', 'connection');
    expect(hubspot.connection).toBe('hubspot');
    expect(JSON.stringify(hubspot.headers)).toContain('connection.access_token');
    expect(loadedStarter('hubspot.note', 'otter', 'secrets').connection).toBeUndefined();
  });

  it.each(
    authCases.map((c) => [`${c.target.id} (${c.auth}) × ${c.provider.id} × ${c.sample.id}`, c] as const),
  )('%s', (_, c) => expectNoRed(c));
});
