import { request as httpRequest } from 'node:http';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { CRM_IDS, DEFAULT_TOKENS, simFetch, startCrmSim } from '../src/index.js';
import type { CrmId } from '../src/index.js';

const sim = await startCrmSim();
const fetch = simFetch(sim);
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const AUTH: Record<CrmId, Record<string, string>> = {
  hubspot: { authorization: `Bearer ${DEFAULT_TOKENS.hubspot}` },
  salesforce: { authorization: `Bearer ${DEFAULT_TOKENS.salesforce}` },
  pipedrive: { 'x-api-token': DEFAULT_TOKENS.pipedrive },
  zoho: { authorization: `Zoho-oauthtoken ${DEFAULT_TOKENS.zoho}` },
  close: { authorization: `Basic ${Buffer.from(`${DEFAULT_TOKENS.close}:`).toString('base64')}` },
  attio: { authorization: `Bearer ${DEFAULT_TOKENS.attio}` },
};

async function call(crm: CrmId, method: string, url: string, body?: unknown, auth = true) {
  const headers: Record<string, string> = {
    ...(auth ? AUTH[crm] : {}),
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
  };
  const response = await fetch(url, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? null : (JSON.parse(text) as unknown),
  };
}

const HUBSPOT = 'https://api.hubapi.com/crm/objects/2026-09';
const searchBody = (email: string) => ({
  filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: email }] }],
  limit: 1,
});

describe('startCrmSim', () => {
  it('listens on 127.0.0.1 and gives each CRM a base URL and the secrets that reach it', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.keys(sim.urls)).toEqual([...CRM_IDS]);
    expect(sim.secrets()).toMatchObject({
      HUBSPOT_TOKEN: DEFAULT_TOKENS.hubspot,
      SALESFORCE_INSTANCE_URL: `${sim.url}/salesforce`,
    });
  });

  it.each(CRM_IDS.map((crm) => [crm] as const))(
    '%s answers 401 in its own shape without the right token',
    async (crm) => {
      const urls: Record<CrmId, [string, string, unknown?]> = {
        hubspot: ['POST', `${HUBSPOT}/contacts/search`, searchBody('a@b.co')],
        salesforce: [
          'GET',
          "https://acme.my.salesforce.com/services/data/v68.0/query/?q=SELECT+Id+FROM+Contact+WHERE+Email+%3D+'a%40b.co'",
        ],
        pipedrive: ['GET', 'https://acme.pipedrive.com/api/v2/persons/search?term=a%40b.co&fields=email'],
        zoho: ['GET', 'https://www.zohoapis.com/crm/v8/Contacts/search?email=a%40b.co'],
        close: [
          'POST',
          'https://api.close.com/api/v1/data/search/',
          { query: { type: 'object_type', object_type: 'lead' } },
        ],
        attio: [
          'PUT',
          'https://api.attio.com/v2/objects/people/records?matching_attribute=email_addresses',
          { data: { values: { email_addresses: ['a@b.co'] } } },
        ],
      };
      const [method, url, body] = urls[crm];
      const denied = await call(crm, method, url, body, false);
      expect(denied.status).toBe(401);
      const shapes: Record<CrmId, unknown> = {
        hubspot: expect.objectContaining({ category: 'INVALID_AUTHENTICATION' }),
        salesforce: [expect.objectContaining({ errorCode: 'INVALID_SESSION_ID' })],
        pipedrive: expect.objectContaining({ success: false, errorCode: 401 }),
        zoho: expect.objectContaining({ code: 'INVALID_TOKEN' }),
        close: expect.objectContaining({ error: expect.any(String) }),
        attio: expect.objectContaining({ status_code: 401, type: 'auth_error' }),
      };
      expect(denied.body).toEqual(shapes[crm]);
      expect((await call(crm, method, url, body)).status).toBeLessThan(300);
    },
  );

  it('answers 400 in the vendor shape when a body fails the target schema', async () => {
    const note = await call('hubspot', 'POST', `${HUBSPOT}/notes`, { properties: { hs_note_body: 'x' } });
    expect(note.status).toBe(400);
    expect(note.body).toMatchObject({
      category: 'VALIDATION_ERROR',
      errors: [{ in: '/properties/hs_timestamp' }],
    });
    const lead = await call(
      'salesforce',
      'POST',
      'https://acme.my.salesforce.com/services/data/v68.0/sobjects/Lead/',
      { Company: 'Acme' },
    );
    expect(lead.body).toEqual([
      expect.objectContaining({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] }),
    ]);
    const contact = await call('zoho', 'POST', 'https://www.zohoapis.com/crm/v8/Contacts', {
      data: [{ Email: 'a@b.co' }],
    });
    expect(contact.body).toEqual({
      data: [
        expect.objectContaining({
          code: 'MANDATORY_NOT_FOUND',
          details: { api_name: 'Last_Name', json_path: '$.data[0].Last_Name' },
        }),
      ],
    });
    expect(sim.people('zoho')).toEqual([]);
  });

  it('keeps a store: a created person is found by the next lookup, and a second create of the email conflicts', async () => {
    expect(await call('hubspot', 'POST', `${HUBSPOT}/contacts/search`, searchBody('jo@x.co'))).toMatchObject({
      status: 200,
      body: { total: 0, results: [] },
    });
    const created = await call('hubspot', 'POST', `${HUBSPOT}/contacts`, {
      properties: { email: 'jo@x.co', firstname: 'Jo', lastname: 'Lee' },
    });
    expect(created).toMatchObject({
      status: 201,
      body: { id: expect.stringMatching(/^\d+$/), properties: { email: 'jo@x.co' } },
    });
    const id = (created.body as { id: string }).id;
    expect(await call('hubspot', 'POST', `${HUBSPOT}/contacts/search`, searchBody('JO@x.co'))).toMatchObject({
      body: { total: 1, results: [{ id }] },
    });
    expect(
      await call('hubspot', 'POST', `${HUBSPOT}/contacts`, { properties: { email: 'jo@x.co' } }),
    ).toMatchObject({
      status: 409,
      body: { category: 'CONFLICT', message: `Contact already exists. Existing ID: ${id}` },
    });
    expect(sim.people('hubspot')).toMatchObject([{ id, email: 'jo@x.co', name: 'Jo Lee' }]);
  });

  it('models HubSpot search lag: a contact younger than the lag is not found yet', async () => {
    let now = 1_000_000;
    const lagging = await startCrmSim({ hubspotSearchLagMs: 5_000, now: () => now });
    try {
      const lagFetch = simFetch(lagging);
      const post = (path: string, body: unknown) =>
        lagFetch(`${HUBSPOT}${path}`, {
          method: 'POST',
          headers: { ...AUTH.hubspot, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json());
      await post('/contacts', { properties: { email: 'new@x.co' } });
      expect(await post('/contacts/search', searchBody('new@x.co'))).toMatchObject({ total: 0 });
      now += 5_000;
      expect(await post('/contacts/search', searchBody('new@x.co'))).toMatchObject({ total: 1 });
    } finally {
      await lagging.close();
    }
  });

  it("answers Zoho's 204 without a body when the search finds nobody", async () => {
    const none = await call(
      'zoho',
      'GET',
      'https://www.zohoapis.com/crm/v8/Contacts/search?phone=%2B15550001111',
    );
    expect(none).toMatchObject({ status: 204, body: null });
    sim.seed('zoho', { phone: '+1 555 000 1111', name: 'Ann Bell' });
    const found = await call(
      'zoho',
      'GET',
      'https://www.zohoapis.com/crm/v8/Contacts/search?phone=%2B15550001111',
    );
    expect(found).toMatchObject({
      status: 200,
      body: { data: [{ Full_Name: 'Ann Bell' }], info: { count: 1 } },
    });
  });

  it('refuses an activity on a person it does not hold, in the vendor shape', async () => {
    const body = { lead_id: 'lead_nobody', note: 'x' };
    expect(await call('close', 'POST', 'https://api.close.com/api/v1/activity/note/', body)).toMatchObject({
      status: 400,
      body: { 'field-errors': { lead_id: 'Object does not exist.' } },
    });
    expect(sim.activities('close')).toEqual([]);
  });

  it('answers 429 with Retry-After when told to, then serves again', async () => {
    sim.fail('attio', { status: 429, retryAfter: 2 });
    const body = { data: { values: { email_addresses: ['a@b.co'] } } };
    const limited = await call(
      'attio',
      'PUT',
      'https://api.attio.com/v2/objects/people/records?matching_attribute=email_addresses',
      body,
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body).toMatchObject({ type: 'rate_limit_error' });
    expect(
      (
        await call(
          'attio',
          'PUT',
          'https://api.attio.com/v2/objects/people/records?matching_attribute=email_addresses',
          body,
        )
      ).status,
    ).toBe(200);
  });

  it('records what it received, with the URL as the client meant it', async () => {
    await call(
      'pipedrive',
      'GET',
      'https://acme.pipedrive.com/api/v2/persons/search?term=%2B12345&fields=phone&exact_match=true',
    );
    await call('pipedrive', 'GET', 'https://acme.pipedrive.com/api/v2/nothing');
    expect(sim.received.map((r) => [r.crm, r.preset, r.method, r.status])).toEqual([
      ['pipedrive', 'pipedrive.person.search', 'GET', 200],
      ['pipedrive', null, 'GET', 404],
    ]);
    expect(sim.received[0]?.url).toBe(
      'https://acme.pipedrive.com/api/v2/persons/search?term=%2B12345&fields=phone&exact_match=true',
    );
    expect(sim.received[0]?.headers['x-api-token']).toBe(DEFAULT_TOKENS.pipedrive);
  });

  it('routes by Host header too', async () => {
    const { port } = new URL(sim.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/data/search/',
          headers: { host: 'api.close.com', ...AUTH.close, 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ query: { type: 'object_type', object_type: 'lead' } }));
    });
    expect(status).toBe(200);
    expect(sim.received.at(-1)).toMatchObject({
      crm: 'close',
      preset: 'close.lead.search',
      url: 'https://api.close.com/api/v1/data/search/',
    });
  });

  it('simFetch never lets a request leave for a host that is not a CRM', async () => {
    await expect(fetch('https://example.com/', {})).rejects.toThrow(/not a CRM/);
  });

  it('stops listening on close', async () => {
    const other = await startCrmSim();
    await other.close();
    await expect(globalThis.fetch(`${other.url}/hubspot/`)).rejects.toThrow();
  });
});
