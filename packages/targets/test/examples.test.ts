import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRequest, validateIntegration } from '@hookmap/core';
import type { Integration, RenderedRequest } from '@hookmap/core';
import { getProvider, providers } from '@hookmap/providers';
import { describe, expect, it } from 'vitest';
import { getTarget, targets, validateBody, validateRequest } from '../src/index.js';

const root = fileURLToPath(new URL('../../../examples/', import.meta.url));
const secrets = JSON.parse(readFileSync(join(root, 'secrets.json'), 'utf8')) as Record<string, string>;
const names = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory()).sort();

function read(name: string, file: string): unknown {
  return JSON.parse(readFileSync(join(root, name, file), 'utf8')) as unknown;
}

function example(name: string) {
  const integration = read(name, 'integration.json') as Integration;
  const provider = getProvider(integration.provider ?? '');
  if (!provider) throw new Error(`${name}: integration.provider "${integration.provider}" is not a provider id`);
  return { integration, provider, payload: read(name, 'payload.json'), expected: read(name, 'expected.json') };
}

describe('examples/', () => {
  it('has at least 12 examples covering every provider and every target', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
    const used = names.map((name) => example(name).integration);
    expect(new Set(used.map((i) => i.provider))).toEqual(new Set(['otter', 'quil', 'otonistark', 'attendee', 'osvi']));
    const covered = new Set(used.map((i) => i.target));
    for (const target of targets) {
      if (target.id === 'hubspot.call.update') continue;
      expect(covered, `no example for ${target.id}`).toContain(target.id);
    }
  });

  describe.each(names)('%s', (name) => {
    const { integration, provider, payload, expected } = example(name);

    it('has a README and is listed in examples/README.md', () => {
      expect(readFileSync(join(root, name, 'README.md'), 'utf8')).toMatch(/^# /);
      expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`](${name}/)`);
    });

    it('is named <provider>-to-<crm>-..., is a valid integration, and its payload belongs to its provider', () => {
      expect(name.startsWith(`${provider.id}-to-${getTarget(integration.target ?? '')?.crm}-`)).toBe(true);
      expect(validateIntegration(integration)).toEqual([]);
      expect(provider.detect(payload)).toBe(true);
    });

    it('renders exactly expected.json, with no error diagnostics', () => {
      const { diagnostics, ...request } = renderRequest(integration, payload, { provider, secrets, diagnostics: true });
      expect(request).toEqual(expected);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });

    it("expected.json is a request the target's API accepts (method, URL, schema)", () => {
      const request = expected as RenderedRequest;
      expect(getTarget(integration.target ?? '')).toBeDefined();
      expect(validateRequest(integration.target ?? '', request)).toEqual([]);
      expect(validateBody(integration.target ?? '', request.body)).toEqual([]);
    });
  });

  /** Examples written only against `common` must work for every provider's every sample. */
  it.each(['otter-to-slack-message', 'quil-to-slack-message', 'otter-to-attio-note'])('%s works for every provider', (name) => {
    const { integration } = example(name);
    for (const provider of providers) {
      for (const sample of provider.samples) {
        const request = renderRequest({ ...integration, provider: provider.id }, sample.payload, { provider, secrets, diagnostics: true });
        const where = `${provider.id}/${sample.id}`;
        expect(request.diagnostics.filter((d) => d.severity === 'error'), where).toEqual([]);
        expect(validateRequest(integration.target ?? '', request), where).toEqual([]);
      }
    }
  });
});
