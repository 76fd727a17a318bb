import { describe, expect, it } from 'vitest';
import { TargetCodes, urlPattern, validateRequest } from '../src/index.js';

describe('validateRequest', () => {
  it('matches rendered URLs against the target pattern', () => {
    expect(
      urlPattern('{{secrets.SALESFORCE_INSTANCE_URL}}/services/data/v62.0/sobjects/Task/').test(
        'https://acme.my.salesforce.com/services/data/v62.0/sobjects/Task/',
      ),
    ).toBe(true);
    expect(
      urlPattern('https://api.hubapi.com/crm/v3/objects/calls/{{crm_id}}').test(
        'https://api.hubapi.com/crm/v3/objects/calls/123',
      ),
    ).toBe(true);
    expect(
      urlPattern('https://api.hubapi.com/crm/v3/objects/calls/{{crm_id}}').test(
        'https://api.hubapi.com/crm/v3/objects/calls/1/2',
      ),
    ).toBe(false);
    expect(urlPattern('https://api.attio.com/v2/notes').test('https://api.attio.com/v2/notes?x=1')).toBe(
      true,
    );
    expect(urlPattern('https://api.attio.com/v2/notes').test('https://api.attio.com/v2/notesX')).toBe(false);
  });

  it('warns about the method and URL and prefixes body paths with /body', () => {
    const diagnostics = validateRequest('hubspot.note', {
      method: 'PUT',
      url: 'https://api.hubapi.com/crm/v3/objects/calls',
      body: { properties: {} },
    });
    expect(diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      [TargetCodes.METHOD, 'warning', '/method'],
      [TargetCodes.URL, 'warning', '/url'],
      [TargetCodes.REQUIRED, 'error', '/body/properties/hs_timestamp'],
    ]);
  });

  it('accepts a correct request', () => {
    const request = {
      method: 'POST' as const,
      url: 'https://api.close.com/api/v1/activity/note/',
      body: { lead_id: 'lead_1', note: 'hi' },
    };
    expect(validateRequest('close.note', request)).toEqual([]);
  });
});
