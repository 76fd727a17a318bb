import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestRelay, sourceWithIntegration } from './helpers/relay.js';
import type { TestRelay } from './helpers/relay.js';
import { startSink } from './helpers/sink.js';
import type { Sink } from './helpers/sink.js';

const SOURCE_SECRET = Buffer.from('source-secret-value-7d1e9').toString('base64');
const API_TOKEN = 'sk_live_TOPSECRET_4c2b8a';

let relay: TestRelay;
let echo: Sink;

beforeAll(async () => {
  relay = await startTestRelay();
  // A destination that echoes what it received, so a leak through the logged response would show.
  echo = await startSink((req) => ({
    status: 200,
    body: JSON.stringify({ got: req.headers.authorization, body: req.body }),
  }));
});
afterAll(async () => {
  await relay.close();
  await echo.close();
});

function concrete(url: string): string {
  return url.replace(/:(\w+)/g, 'x1').replace('*', 'x');
}

describe('admin authentication', () => {
  it('answers 401 on every admin route without a token or with a wrong one', async () => {
    const adminRoutes = relay.routes.filter((r) => r.url.startsWith('/api/'));
    expect(adminRoutes.length).toBeGreaterThanOrEqual(18);
    for (const route of adminRoutes) {
      for (const token of [null, 'wrong-token', `${ADMIN_TOKEN}x`, '']) {
        const r = await relay.api(
          route.method,
          concrete(route.url),
          route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
          token,
        );
        expect(r.status, `${route.method} ${route.url} with ${token}`).toBe(401);
      }
    }
  });

  it('answers 401 to everything when no admin token is configured', async () => {
    const open = await startTestRelay({ adminToken: undefined });
    try {
      expect((await open.api('GET', '/api/sources', undefined, '')).status).toBe(401);
      expect((await open.api('GET', '/api/sources', undefined, 'anything')).status).toBe(401);
    } finally {
      await open.close();
    }
  });

  it('answers CORS preflights and adds CORS headers for the editor', async () => {
    const pre = await fetch(`${relay.url}/api/deliveries`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const get = await fetch(`${relay.url}/api/sources`, {
      headers: { origin: 'http://127.0.0.1:5173', authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('admin API', () => {
  it('validates integrations with the core schema', async () => {
    const source = await relay.api('POST', '/api/sources', { id: 'crm-in', provider: 'osvi' });
    expect(source.body).toMatchObject({ id: 'crm-in', secretSet: false, pathTokenSet: true });
    expect(source.body.hookPath).toMatch(/^\/hooks\/crm-in\/[\w-]{43}$/);
    expect((await relay.api('POST', '/api/sources', { id: 'crm-in' })).status).toBe(409);
    const bad = await relay.api('POST', '/api/integrations', {
      sourceId: 'crm-in',
      doc: { method: 'FETCH', url: 42 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.details.length).toBeGreaterThan(0);
    expect(
      (await relay.api('POST', '/api/integrations', { sourceId: 'nope', doc: { url: 'https://x.example/' } }))
        .status,
    ).toBe(422);
    const ok = await relay.api('POST', '/api/integrations', {
      sourceId: 'crm-in',
      doc: { url: 'https://x.example/{{crm_id}}', body: { mode: 'auto', sections: ['call_info'] } },
    });
    expect(ok.status).toBe(201);
    const patched = await relay.api('PATCH', `/api/integrations/${ok.body.id}`, { active: false });
    expect(patched.body.active).toBe(false);
    expect((await relay.api('DELETE', `/api/integrations/${ok.body.id}`)).status).toBe(204);
    expect((await relay.api('GET', `/api/integrations/${ok.body.id}`)).status).toBe(404);
  });

  it('retries one delivery and many by filter', async () => {
    let fail = true;
    const flaky = await startSink(() => (fail ? { status: 400 } : { status: 200 }));
    try {
      const { sourceId, integrationId } = await sourceWithIntegration(relay, flaky.url);
      for (let k = 0; k < 3; k++) await relay.hook(sourceId, { id: `r${k}`, n: k });
      const failed = await relay.until(
        () => relay.api('GET', `/api/deliveries?integrationId=${integrationId}&status=failed`),
        (r) => r.body.items.length === 3,
      );
      fail = false;
      const one = await relay.api('POST', `/api/deliveries/${failed.body.items[0].id}/retry`);
      expect(one).toMatchObject({ status: 202, body: { count: 1 } });
      await relay.until(
        () => relay.api('GET', `/api/deliveries?integrationId=${integrationId}&status=succeeded`),
        (r) => r.body.items.length === 1,
      );
      const bulk = await relay.api('POST', '/api/deliveries/retry', { integrationId, status: 'failed' });
      expect(bulk.body.count).toBe(2);
      await relay.until(
        () => relay.api('GET', `/api/deliveries?integrationId=${integrationId}&status=succeeded`),
        (r) => r.body.items.length === 3,
      );
      expect(flaky.requests).toHaveLength(6);
      const attempts = await relay.api('GET', `/api/attempts?integrationId=${integrationId}&outcome=success`);
      expect(attempts.body.items).toHaveLength(3);
    } finally {
      await flaky.close();
    }
  });

  it('sends a test with a provider sample and answers with the attempt', async () => {
    const source = await relay.api('POST', '/api/sources', { provider: 'osvi' });
    const integration = await relay.api('POST', '/api/integrations', {
      sourceId: source.body.id,
      doc: {
        url: `${echo.url}/leads/{{crm_id}}`,
        body: { mode: 'auto', sections: ['call_info', 'call_summary'] },
      },
    });
    const test = await relay.api('POST', `/api/integrations/${integration.body.id}/test`, {});
    expect(test.status).toBe(200);
    expect(test.body.attempt).toMatchObject({ outcome: 'success', responseStatus: 200 });
    expect(test.body.attempt.request.url).toBe(`${echo.url}/leads/lead_42`);
    const sent = JSON.parse(echo.requests.at(-1)!.body);
    expect(sent.call_log_id).toBe('8de63236-e013-42dd-9d99-1be5521701d4');
    const events = await relay.api('GET', `/api/events/${test.body.eventId}`);
    expect(events.body.test).toBe(true);
    const providers = await relay.api('GET', '/api/providers');
    expect(providers.body.items.map((p: { id: string }) => p.id)).toContain('osvi');
  });
});

describe('secrets are write-only', () => {
  it('never returns or logs a source secret or an integration secret', async () => {
    const source = await relay.api('POST', '/api/sources', {
      name: 'signed',
      provider: 'attendee',
      secret: SOURCE_SECRET,
    });
    expect(source.body.secretSet).toBe(true);
    const integration = await relay.api('POST', '/api/integrations', {
      sourceId: source.body.id,
      doc: {
        url: `${echo.url}/hook?token={{secrets.API_TOKEN}}`,
        headers: { Authorization: 'Bearer {{secrets.API_TOKEN}}' },
        body: { mode: 'template', template: { t: '{{secrets.API_TOKEN}}', bot: '{{bot_id}}' } },
      },
      secrets: { API_TOKEN: API_TOKEN },
    });
    expect(integration.status).toBe(201);
    expect(integration.body.secretNames).toEqual(['API_TOKEN']);
    const test = await relay.api('POST', `/api/integrations/${integration.body.id}/test`, {});
    expect(test.body.attempt.outcome).toBe('success');
    // the destination really got the secret...
    expect(echo.requests.at(-1)!.headers.authorization).toBe(`Bearer ${API_TOKEN}`);
    // ...but nothing the relay shows or logs contains it
    const answers = [source.text, integration.text, test.text];
    for (const path of [
      '/api/sources',
      `/api/sources/${source.body.id}`,
      '/api/integrations',
      `/api/integrations/${integration.body.id}`,
      '/api/events',
      `/api/events/${test.body.eventId}`,
      '/api/deliveries',
      `/api/deliveries/${test.body.deliveryId}`,
      '/api/attempts',
    ]) {
      const r = await relay.api('GET', path);
      expect(r.status).toBe(200);
      answers.push(r.text);
    }
    const patched = await relay.api('PATCH', `/api/sources/${source.body.id}`, { name: 'renamed' });
    answers.push(patched.text);
    expect(patched.body.secretSet).toBe(true);
    const everything = answers.join('\n') + relay.logLines.join('\n');
    expect(everything).toContain('[redacted]');
    for (const secret of [SOURCE_SECRET, API_TOKEN, ADMIN_TOKEN]) expect(everything).not.toContain(secret);
  });
});
