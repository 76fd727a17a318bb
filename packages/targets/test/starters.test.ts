import { renderRequest, validateIntegration } from '@hookmap/core';
import type { JsonValue } from '@hookmap/core';
import { getProvider, providers } from '@hookmap/providers';
import { describe, expect, it } from 'vitest';
import {
  providerStarterIds,
  recordIdExpression,
  starterIntegration,
  targets,
  validateBody,
} from '../src/index.js';
import { credentials } from './support/credentials.js';

/** A valid record id per CRM, and where a missing one is reported in each target's body. */
const RECORD: Record<string, { id: string; pointer: string | null }> = {
  'hubspot.note': { id: '101', pointer: '/associations/0/to/id' },
  'hubspot.call': { id: '101', pointer: '/associations/0/to/id' },
  'hubspot.call.update': { id: '58219374012', pointer: null },
  'salesforce.task': { id: '003XXXXXXXXXXXXXXX', pointer: '/WhoId' },
  'salesforce.tasks': { id: '003XXXXXXXXXXXXXXX', pointer: null },
  'salesforce.event': { id: '003XXXXXXXXXXXXXXX', pointer: '/WhoId' },
  'pipedrive.activity': { id: '146680', pointer: '/participants/0/person_id' },
  'pipedrive.note': { id: '146680', pointer: '/person_id' },
  'zoho.note': { id: '4150868000001234567', pointer: '/data/0/Parent_Id/id' },
  'zoho.call': { id: '4150868000001234567', pointer: '/data/0/Who_Id/id' },
  'close.call': { id: 'lead_abc123', pointer: '/lead_id' },
  'close.note': { id: 'lead_abc123', pointer: '/lead_id' },
  'attio.note': { id: '891dcbfc-9141-415d-9b2a-2238a6cc012d', pointer: '/data/parent_record_id' },
  'slack.message': { id: '', pointer: null },
};

function render(targetId: string, providerId: string, payload: JsonValue) {
  const provider = getProvider(providerId) ?? undefined;
  const doc = starterIntegration(targetId, providerId);
  return renderRequest(doc, payload, { provider, ...credentials(doc), diagnostics: true });
}

function docSample(providerId: string): JsonValue {
  const sample = getProvider(providerId)?.samples[0];
  if (!sample) throw new Error(`no samples for ${providerId}`);
  return structuredClone(sample.payload);
}

/** The provider's doc sample with a CRM record id where the provider carries one. */
function withRecordId(providerId: string, id: string): JsonValue {
  const payload = docSample(providerId) as Record<string, Record<string, JsonValue>>;
  const [holder, key] = recordIdExpression(providerId).split('.') as [string, string];
  if (holder !== 'common') payload[holder] = { ...payload[holder], [key]: id };
  return payload as JsonValue;
}

describe('starterIntegration', () => {
  it('covers every target for no provider and for every provider, as valid integrations', () => {
    for (const target of targets) {
      for (const providerId of [undefined, ...providers.map((p) => p.id)]) {
        const integration = starterIntegration(target.id, providerId);
        expect(validateIntegration(integration), `${target.id} ${providerId}`).toEqual([]);
        expect(integration).toMatchObject({ target: target.id, method: target.method });
        expect(integration.provider).toBe(providerId);
      }
    }
  });

  it('renders every sample of every provider without errors', () => {
    for (const target of targets) {
      for (const provider of providers) {
        for (const sample of provider.samples) {
          const request = render(target.id, provider.id, sample.payload);
          const errors = request.diagnostics.filter((d) => d.severity === 'error');
          expect(errors, `${target.id} ${provider.id}/${sample.id}`).toEqual([]);
        }
      }
    }
  });

  it('gives a body the CRM accepts once the record id is there (Otoni Stark input variable)', () => {
    for (const target of targets) {
      const payload = docSample('otonistark') as { input_variables: Record<string, JsonValue> };
      payload.input_variables.crm_id = RECORD[target.id]?.id ?? '';
      const request = render(target.id, 'otonistark', payload);
      const expected = target.id === 'salesforce.tasks' ? ['/records'] : []; // Otoni Stark has no action items
      expect(
        validateBody(target.id, request.body).map((d) => d.path),
        target.id,
      ).toEqual(expected);
      expect(request.url).not.toContain('{{');
    }
  });

  it('reports exactly the missing record id, saying what to map, when the provider has none (Otter)', () => {
    expect(recordIdExpression('otter')).toBe('common.fields.crm_id');
    // Facts Otter does not send and the CRM needs: Zoho wants a completed call's duration.
    const missingFacts: Record<string, string[]> = {};
    for (const target of targets) {
      if (target.id === 'salesforce.task') continue; // Otter has its own Salesforce starter
      const request = render(target.id, 'otter', docSample('otter'));
      const diagnostics = validateBody(target.id, request.body);
      const pointer = RECORD[target.id]?.pointer;
      const expected = [...(missingFacts[target.id] ?? []), ...(pointer ? [pointer] : [])].sort();
      expect(diagnostics.map((d) => d.path).sort(), target.id).toEqual(expected);
      const recordProblem = diagnostics.find((d) => d.path === pointer);
      if (pointer) expect(recordProblem?.message, target.id).toMatch(/Map|id/);
    }
  });

  it('has provider-specific starters that give bodies the CRM accepts (record id aside where the provider has none)', () => {
    const specific = targets.flatMap((t) =>
      providerStarterIds(t.id).map((providerId) => [t.id, providerId] as const),
    );
    expect(specific.length).toBeGreaterThanOrEqual(8);
    for (const [targetId, providerId] of specific) {
      const payload = withRecordId(providerId, RECORD[targetId]?.id ?? '');
      const request = render(targetId, providerId, payload);
      const paths = validateBody(targetId, request.body).map((d) => d.path);
      const carriesId = recordIdExpression(providerId) !== 'common.fields.crm_id';
      const pointer = RECORD[targetId]?.pointer;
      if (carriesId) expect(paths, `${targetId} ${providerId}`).toEqual([]);
      else
        expect(
          paths.filter((path) => path !== pointer),
          `${targetId} ${providerId}`,
        ).toEqual([]);
    }
    const tasks = render('salesforce.tasks', 'otter', docSample('otter')).body as {
      records: { Status: string }[];
    };
    expect(tasks.records.map((r) => r.Status)).toEqual(['Completed', 'Not Started']);
    const genericDoc = starterIntegration('salesforce.tasks');
    const generic = renderRequest(genericDoc, docSample('otter'), {
      provider: getProvider('otter') ?? undefined,
      ...credentials(genericDoc),
    });
    expect(validateBody('salesforce.tasks', generic.body)).toEqual([]);
    const task = render('salesforce.task', 'otter', docSample('otter'));
    expect((task.body as { Description: string }).Description).toContain('[x] Follow up with the sales team');
  });

  it('throws on an unknown target, naming the known ones', () => {
    expect(() => starterIntegration('hubspot.deal')).toThrow(/hubspot\.note/);
  });
});
