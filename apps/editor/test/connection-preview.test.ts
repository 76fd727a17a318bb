/** The preview of an integration that names a relay connection (SPEC §10): stand-ins, never red. */
import { describe, expect, it } from 'vitest';
import { getProvider } from '@hookmap/providers';
import type { Flow, Integration, Provider } from '@hookmap/core';
import { renderAllOrOne } from '../src/worker/job.js';
import { previewConnection } from '../src/worker/render.js';
import { docToIntegration, integrationToDoc } from '../src/integration.js';
import { starterDoc } from '../src/boot.js';

const osvi = getProvider('osvi') as unknown as Provider;
const sample = osvi.samples[0]!;

function render(integration: Integration) {
  const job = {
    type: 'render' as const,
    id: 1,
    integration,
    providerId: 'osvi',
    payload: { kind: 'sample' as const, providerId: 'osvi', sampleId: sample.id },
    targetId: null,
    allSamples: false,
    expanded: [] as string[],
  };
  return renderAllOrOne(job, osvi, { value: sample.payload, error: null });
}

const salesforce: Integration = {
  url: '{{ connection.instance_url }}/services/data/v60.0/sobjects/Task',
  headers: { Authorization: 'Bearer {{ connection.access_token }}' },
  body: { mode: 'template', template: { Subject: '{{ data_capture.customer_name }}' } },
  connection: 'salesforce-acme',
};

describe('preview with a connection', () => {
  it('stands in for the access token and every connection value read, URLs as URLs', () => {
    expect(previewConnection(salesforce)).toEqual({
      access_token: '<connection.access_token>',
      instance_url: 'https://connection.invalid/instance_url',
    });
    const flow: Flow = {
      connection: 'zoho-eu',
      steps: [{ id: 'note', url: 'https://x.test/{{ connection.api_domain }}' }],
    };
    expect(previewConnection(flow)).toEqual({
      access_token: '<connection.access_token>',
      api_domain: '<connection.api_domain>',
    });
    expect(previewConnection({ ...salesforce, connection: undefined })).toBeUndefined();
  });

  it('renders without a problem when the integration names its connection', () => {
    const reply = render(salesforce);
    expect(reply.failure).toBeNull();
    expect(reply.diagnostics).toEqual([]);
    expect(reply.request?.url).toBe(
      'https://connection.invalid/instance_url/services/data/v60.0/sobjects/Task',
    );
    expect(reply.request?.headers.Authorization).toBe('Bearer <connection.access_token>');
  });

  it('marks connection.* read by an integration that names no connection, as the relay would fail it', () => {
    const { connection: _, ...without } = salesforce;
    const reply = render({ ...without, url: 'https://x.test/t' });
    expect(reply.diagnostics.map((d) => d.code)).toContain('H408');
  });

  it("keeps the doc's connection through the integration document both ways", () => {
    const doc = { ...starterDoc(), connection: ' hubspot-acme ' };
    const integration = docToIntegration(doc).integration!;
    expect((integration as Integration).connection).toBe('hubspot-acme');
    expect(integrationToDoc(integration, starterDoc()).connection).toBe('hubspot-acme');
    expect('connection' in docToIntegration({ ...doc, connection: '' }).integration!).toBe(false);
  });
});
