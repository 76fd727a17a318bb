import { renderFlow, validateIntegration } from '@hookmap/core';
import type { Flow } from '@hookmap/core';
import { describe, expect, it } from 'vitest';
import {
  findPreset,
  getStepPreset,
  getTarget,
  lookupCrms,
  lookupSteps,
  sampleResponses,
  stepPresets,
  TargetCodes,
  validateBody,
  validateRequest,
} from '../src/index.js';
import type { LookupBy, PersonSteps, SampleVariant } from '../src/index.js';
import { credentials } from './support/credentials.js';

const person = { email: 'john@test.com', phone: '+12345678900', name: 'John Doe' };
const payload = { person };

/** The person steps (with their auth), then a step that sends the record id they leave, so a test can read it. */
function withUse({ steps, recordId, headers, connection }: PersonSteps): Flow {
  return {
    ...(connection ? { connection } : {}),
    headers,
    steps: [
      ...steps,
      {
        id: 'use',
        url: 'https://check.invalid/',
        body: { mode: 'template', template: { id: `{{ ${recordId} }}` } },
      },
    ],
  };
}

const cases = lookupCrms().flatMap((crm) =>
  (['email', 'phone'] as LookupBy[]).flatMap((by) => [false, true].map((upsert) => ({ crm, by, upsert }))),
);

describe('lookupSteps', () => {
  it('covers every CRM target but Slack', () => {
    expect(lookupCrms().sort()).toEqual(['attio', 'close', 'hubspot', 'pipedrive', 'salesforce', 'zoho']);
    expect(lookupSteps('slack', { by: 'email' })).toBeUndefined();
    expect(lookupSteps('__proto__', { by: 'email' })).toBeUndefined();
    expect(lookupSteps('hubspot.note', { by: 'email' })?.crm).toBe('hubspot');
  });

  it.each(cases.map((c) => [`${c.crm} by ${c.by}${c.upsert ? ' (upsert)' : ''}`, c] as const))(
    '%s',
    (_, { crm, by, upsert }) => {
      const steps = lookupSteps(crm, { by, value: `person.${by}`, name: 'person.name', upsert });
      if (!steps) throw new Error(`no steps for ${crm}`);
      const flow = withUse(steps);
      expect(validateIntegration(flow)).toEqual([]);
      const ids: Record<SampleVariant, string | number | null> = { found: null, 'not-found': null };
      for (const variant of ['found', 'not-found'] as SampleVariant[]) {
        const result = renderFlow(flow, payload, {
          ...credentials(flow),
          diagnostics: true,
          responses: { ...steps.responses[variant], use: { status: 200 } },
        });
        expect(result.stoppedAt, variant).toBeUndefined();
        for (const step of result.steps.filter((s) => !s.skipped && s.id !== 'use')) {
          const request = step.request!;
          expect(
            request.diagnostics.filter((d) => d.severity !== 'info'),
            `${variant} ${step.id}`,
          ).toEqual([]);
          const match = findPreset(request);
          expect(match?.kind, `${step.id}: ${request.method} ${request.url}`).toBe('step');
          expect(validateRequest(match!.preset.id, request), `${variant} ${step.id}`).toEqual([]);
          expect(JSON.stringify(request.body ?? request.url)).toContain(
            by === 'email' ? 'john' : '12345678900',
          );
        }
        const used = (result.steps.at(-1)?.request?.body as { id: string | number | null }).id;
        expect(used, `${variant}: the record id`).not.toBeNull();
        ids[variant] = used;
      }
      // The samples differ between an existing person and a created one (an upsert answers both ways too).
      expect(ids.found).not.toBe(ids['not-found']);
      expect(steps.recordId).toMatch(/^steps\.[a-z_]+\.result( \?\? steps\.[a-z_]+\.result)*$/);
    },
  );

  it("creates only when the lookup found nobody, and says who in the CRM's own fields", () => {
    const hubspot = lookupSteps('hubspot', { by: 'email', value: 'person.email', name: 'person.name' })!;
    const flow = withUse(hubspot);
    const found = renderFlow(flow, payload, {
      ...credentials(flow),
      responses: { ...hubspot.responses.found, use: { status: 200 } },
    });
    expect(found.steps.map((s) => [s.id, s.skipped])).toEqual([
      ['find', false],
      ['create', true],
      ['use', false],
    ]);
    const created = renderFlow(flow, payload, {
      ...credentials(flow),
      responses: { ...hubspot.responses['not-found'], use: { status: 200 } },
    });
    expect(created.steps[1]?.request?.body).toEqual({
      properties: { email: 'john@test.com', firstname: 'John', lastname: 'Doe' },
    });
    const salesforce = lookupSteps('salesforce', { by: 'phone', value: 'person.phone', name: null })!;
    const lead = renderFlow(withUse(salesforce), payload, {
      ...credentials(salesforce),
      responses: { ...salesforce.responses['not-found'], use: { status: 200 } },
    });
    expect(lead.steps[1]?.request?.body).toEqual({
      LastName: '+12345678900',
      Company: '[not provided]',
      Phone: '+12345678900',
    });
  });

  it('resolves a HubSpot 409 (a contact the search index did not show yet) to the existing contact', () => {
    const steps = lookupSteps('hubspot', { by: 'email', value: 'person.email', name: 'person.name' })!;
    const conflict = {
      status: 409,
      body: {
        status: 'error',
        message: 'Contact already exists. Existing ID: 75161301',
        correlationId: 'aeb5f871-7f07-4993-9211-075dc63e7cbf',
        category: 'CONFLICT',
      },
    };
    const result = renderFlow(withUse(steps), payload, {
      ...credentials(steps),
      responses: { ...steps.responses['not-found'], create: conflict, use: { status: 200 } },
    });
    expect(result.steps.at(-1)?.request?.body).toEqual({ id: '75161301' });
  });

  it('escapes the email inside a SOQL string literal', () => {
    const steps = lookupSteps('salesforce', { by: 'email', value: 'person.email', name: null })!;
    const hostile = { person: { email: "o'hara\\x@test.com" } };
    const result = renderFlow({ ...withUse(steps), steps: steps.steps }, hostile, {
      ...credentials(steps),
      responses: {},
    });
    const url = decodeURIComponent(result.steps[0]?.request?.url ?? '');
    expect(url).toContain("Email+%3D+'o\\'hara\\\\x@test.com'".replace('%3D', '='));
  });
});

describe('step presets', () => {
  it('have unique ids, a CRM target beside them, found and not-found samples, and validate like targets', () => {
    expect(new Set(stepPresets.map((p) => p.id)).size).toBe(stepPresets.length);
    for (const preset of stepPresets) {
      expect(getStepPreset(preset.id)).toBe(preset);
      expect(getTarget(preset.id)).toBeUndefined();
      expect(preset.responses.found.status).toBeGreaterThanOrEqual(200);
      expect(preset.responses['not-found'].status).toBeLessThan(300);
      expect(preset.schema === null).toBe(preset.method === 'GET');
      if (preset.schema) expect(validateBody(preset.id, {}).length, preset.id).toBeGreaterThan(0);
    }
  });

  it('a GET lookup takes no body', () => {
    expect(validateBody('pipedrive.person.search', undefined)).toEqual([]);
    expect(validateBody('pipedrive.person.search', { term: 'x' }).map((d) => d.code)).toEqual([
      TargetCodes.UNEXPECTED_BODY,
    ]);
  });

  it('report a person that did not resolve (a null search value)', () => {
    const body = { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: null }] }] };
    expect(validateBody('hubspot.contact.search', body).map((d) => d.path)).toEqual([
      '/filterGroups/0/filters/0/value',
    ]);
  });

  it('findPreset matches rendered URLs and templates, steps and targets', () => {
    expect(
      findPreset({ method: 'POST', url: 'https://api.hubapi.com/crm/objects/2026-09/contacts/search' })
        ?.preset.id,
    ).toBe('hubspot.contact.search');
    expect(
      findPreset({ method: 'POST', url: 'https://api.hubapi.com/crm/objects/2026-09/contacts' })?.preset.id,
    ).toBe('hubspot.contact.create');
    expect(
      findPreset({ method: 'POST', url: 'https://api.hubapi.com/crm/objects/2026-09/notes' }),
    ).toMatchObject({ kind: 'target', preset: { id: 'hubspot.note' } });
    expect(
      findPreset({ method: 'GET', url: '{{secrets.ZOHO_API_DOMAIN}}/crm/v8/Contacts/search?email={{ x }}' })
        ?.preset.id,
    ).toBe('zoho.contact.search');
    expect(
      findPreset({
        method: 'PUT',
        url: 'https://api.attio.com/v2/objects/people/records?matching_attribute=email_addresses',
      })?.preset.id,
    ).toBe('attio.person.assert');
    expect(
      findPreset({ method: 'DELETE', url: 'https://api.hubapi.com/crm/objects/2026-09/contacts/search' }),
    ).toBeUndefined();
    expect(findPreset({ url: 'https://example.com/x' })).toBeUndefined();
  });

  it("sampleResponses gives each step of a flow its preset's answer, and none to a step it does not know", () => {
    const steps = lookupSteps('zoho', { by: 'email' })!;
    const flow = withUse(steps);
    expect(sampleResponses(flow, 'not-found')).toEqual({
      find: { status: 204, body: null },
      create: steps.responses['not-found'].create,
    });
    expect(Object.keys(sampleResponses(flow))).toEqual(['find', 'create']);
  });
});
