import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFlow, renderFlow, renderRequest, validateIntegration } from '@hookmap/core';
import type { FlowResult, IntegrationDocument, RenderedRequest, StepResponse } from '@hookmap/core';
import { getProvider, providers } from '@hookmap/providers';
import { describe, expect, it } from 'vitest';
import { findPreset, getTarget, lookupCrms, targets, validateBody, validateRequest } from '../src/index.js';

const root = fileURLToPath(new URL('../../../examples/', import.meta.url));
const secrets = JSON.parse(readFileSync(join(root, 'secrets.json'), 'utf8')) as Record<string, string>;
const names = readdirSync(root)
  .filter((name) => statSync(join(root, name)).isDirectory())
  .sort();

function read(name: string, file: string): unknown {
  return JSON.parse(readFileSync(join(root, name, file), 'utf8')) as unknown;
}

function example(name: string) {
  const integration = read(name, 'integration.json') as IntegrationDocument;
  const provider = getProvider(integration.provider ?? '');
  if (!provider)
    throw new Error(`${name}: integration.provider "${integration.provider}" is not a provider id`);
  const responses = existsSync(join(root, name, 'responses.json'))
    ? (read(name, 'responses.json') as Record<string, StepResponse>)
    : undefined;
  return {
    integration,
    provider,
    payload: read(name, 'payload.json'),
    expected: read(name, 'expected.json'),
    responses,
  };
}

/** A flow result as expected.json holds it: every step's request without its (empty) diagnostics. */
function withoutDiagnostics(result: FlowResult): unknown {
  return {
    ...result,
    steps: result.steps.map(({ request, ...step }) =>
      request ? { ...step, request: { ...request, diagnostics: undefined } } : step,
    ),
  };
}

/** Problems of every request a flow makes: each against the preset (lookup, create or activity) its method and URL match. */
function flowProblems(result: {
  steps: { id: string; request?: Pick<RenderedRequest, 'method' | 'url' | 'body'> }[];
}): string[] {
  return result.steps.flatMap((step) => {
    if (!step.request) return [];
    const match = findPreset(step.request);
    if (!match) return [`${step.id}: no preset for ${step.request.method} ${step.request.url}`];
    return validateRequest(match.preset.id, step.request).map(
      (d) => `${step.id} (${match.preset.id}): ${d.path} ${d.message}`,
    );
  });
}

describe('examples/', () => {
  it('has examples covering every provider and every target, and a flow for every CRM', () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
    const used = names.map((name) => example(name).integration);
    expect(new Set(used.map((i) => i.provider))).toEqual(
      new Set(['otter', 'quil', 'otonistark', 'attendee', 'osvi']),
    );
    const covered = new Set(used.map((i) => i.target));
    for (const target of targets) {
      if (target.id === 'hubspot.call.update') continue;
      expect(covered, `no example for ${target.id}`).toContain(target.id);
    }
    const flowCrms = new Set(used.filter(isFlow).map((i) => getTarget(i.target ?? '')?.crm));
    for (const crm of lookupCrms()) expect(flowCrms, `no flow example for ${crm}`).toContain(crm);
  });

  describe.each(names)('%s', (name) => {
    const { integration, provider, payload, expected, responses } = example(name);

    it('has a README and is listed in examples/README.md', () => {
      expect(readFileSync(join(root, name, 'README.md'), 'utf8')).toMatch(/^# /);
      expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`](${name}/)`);
    });

    it('is named <provider>-to-<crm>-..., is a valid integration, and its payload belongs to its provider', () => {
      expect(name.startsWith(`${provider.id}-to-${getTarget(integration.target ?? '')?.crm}-`)).toBe(true);
      expect(validateIntegration(integration)).toEqual([]);
      expect(provider.detect(payload)).toBe(true);
      expect(responses !== undefined, 'a flow has responses.json, a single request none').toBe(
        isFlow(integration),
      );
    });

    it('renders exactly expected.json, with no error diagnostics', () => {
      if (isFlow(integration)) {
        const result = renderFlow(integration, payload, {
          provider,
          secrets,
          responses: responses ?? {},
          diagnostics: true,
        });
        expect(withoutDiagnostics(result)).toEqual(expected);
        expect(result.stoppedAt).toBeUndefined();
        expect(
          result.steps.flatMap((s) => s.request?.diagnostics ?? []).filter((d) => d.severity === 'error'),
        ).toEqual([]);
        return;
      }
      const { diagnostics, ...request } = renderRequest(integration, payload, {
        provider,
        secrets,
        diagnostics: true,
      });
      expect(request).toEqual(expected);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });

    it('renders the same without diagnostics, and through the whole context as through contextReader', () => {
      // The provider without contextReader: renderRequest then builds the whole context.
      const whole = { ...provider, contextReader: undefined };
      for (const way of [provider, whole]) {
        if (isFlow(integration)) {
          const result = renderFlow(integration, payload, {
            provider: way,
            secrets,
            responses: responses ?? {},
          });
          expect(withoutDiagnostics(result)).toEqual(expected);
        } else {
          const { diagnostics, ...request } = renderRequest(integration, payload, { provider: way, secrets });
          expect(request).toEqual(expected);
          expect(diagnostics).toEqual([]);
        }
      }
    });

    it("expected.json is what the CRM's API accepts (method, URL, schema of every request)", () => {
      expect(getTarget(integration.target ?? '')).toBeDefined();
      if (isFlow(integration)) {
        const steps = (expected as FlowResult).steps;
        expect(flowProblems({ steps })).toEqual([]);
        expect(
          findPreset(steps.at(-1)?.request as RenderedRequest)?.preset.id,
          'the last request is the activity',
        ).toBe(integration.target);
        return;
      }
      const request = expected as RenderedRequest;
      expect(validateRequest(integration.target ?? '', request)).toEqual([]);
      expect(validateBody(integration.target ?? '', request.body)).toEqual([]);
    });
  });

  /** Examples written only against `common` must work for every provider's every sample. */
  it.each(['otter-to-slack-message', 'quil-to-slack-message'])('%s works for every provider', (name) => {
    const { integration } = example(name);
    for (const provider of providers) {
      for (const sample of provider.samples) {
        const request = renderRequest({ ...integration, provider: provider.id } as never, sample.payload, {
          provider,
          secrets,
          diagnostics: true,
        });
        const where = `${provider.id}/${sample.id}`;
        expect(
          request.diagnostics.filter((d) => d.severity === 'error'),
          where,
        ).toEqual([]);
        expect(validateRequest(integration.target ?? '', request), where).toEqual([]);
      }
    }
  });
});
