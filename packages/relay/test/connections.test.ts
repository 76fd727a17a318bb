/* eslint-disable @typescript-eslint/no-explicit-any -- tests read JSON answers loosely */
/**
 * Connections end to end (SPEC §10) against a real OAuth2 server on loopback: a token that expires
 * within 60 s is refreshed before use, a 401 refreshes once and repeats the attempt once, a rotated
 * refresh token is what the next refresh sends, `invalid_grant` stops deliveries with a message that
 * says to reconnect, and after reconnecting (authorization code with PKCE, through the server's own
 * authorize endpoint) a bulk retry delivers them. No token or client secret shows up in any answer or
 * log line of the run.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startOAuth, type OAuthHarness } from './helpers/oauth.js';
import { ADMIN_TOKEN, startTestRelay, type TestRelay } from './helpers/relay.js';
import { newKey } from './helpers/connections.js';

let oauth: OAuthHarness;
let relay: TestRelay;
const answers: string[] = [];
const CLIENT_SECRET = 'client-secret-do-not-leak-42';

beforeAll(async () => {
  oauth = await startOAuth();
  relay = await startTestRelay({ secretKey: newKey() });
  const api = relay.api;
  relay.api = async (...args) => {
    const answer = await api(...args);
    answers.push(answer.text);
    return answer;
  };
});
afterAll(async () => {
  await relay?.close();
  await oauth?.close();
});

const soon = () => new Date(Date.now() + 30_000).toISOString();

async function setUp(id: string, extra: Record<string, unknown> = {}) {
  const made = await relay.api('POST', '/api/connections', {
    id,
    kind: 'oauth2',
    tokenUrl: oauth.tokenUrl,
    authorizeUrl: oauth.authorizeUrl,
    clientId: 'hookmap-test',
    clientSecret: CLIENT_SECRET,
    refreshToken: `first-refresh-${id}`,
    accessToken: `first-access-${id}`,
    expiresAt: soon(),
    ...extra,
  });
  expect(made.status, made.text).toBe(201);
  const source = await relay.api('POST', '/api/sources', {
    id: `src-${id}`,
    provider: null,
    verification: 'none',
  });
  expect(source.status, source.text).toBe(201);
  const integration = await relay.api('POST', '/api/integrations', {
    sourceId: `src-${id}`,
    doc: {
      name: 'crm',
      method: 'POST',
      url: `${oauth.destination.url}/${id}`,
      connection: id,
      headers: { Authorization: 'Bearer {{ connection.access_token }}' },
      body: { mode: 'template', template: { n: '{{ n }}', everything: '{{ $ }}' } },
    },
  });
  expect(integration.status, integration.text).toBe(201);
  return integration.body.id as string;
}

async function deliver(id: string, integrationId: string, n: number) {
  const hook = await relay.hook(`src-${id}`, { n });
  expect(hook.status).toBe(202);
  const deliveries = await relay.until(
    () => relay.api('GET', `/api/deliveries?eventId=${hook.body.eventId}`),
    (r) => r.body.items.length === 1 && r.body.items[0].status !== 'pending',
  );
  const delivery = deliveries.body.items[0];
  expect(delivery.integrationId).toBe(integrationId);
  return (await relay.api('GET', `/api/deliveries/${delivery.id}`)).body;
}

const sentTo = (id: string) => oauth.destination.requests.filter((r) => r.url === `/${id}`);

it('refreshes a token that expires within 60 s before using it, stores the rotated refresh token, and never shows a token', async () => {
  const integrationId = await setUp('early');
  const before = oauth.calls.length;
  const first = await deliver('early', integrationId, 1);
  expect(first.status, JSON.stringify(first)).toBe('succeeded');
  expect(oauth.calls.length - before).toBe(1);
  const call = oauth.calls.at(-1)!;
  expect(call).toMatchObject({ grantType: 'refresh_token', refreshToken: 'first-refresh-early' });
  expect(call.authorization).toMatch(/^Basic /); // tokenAuth defaults to HTTP Basic
  const token = call.answer.access_token as string;
  const sent = sentTo('early');
  expect(sent.at(-1)!.headers.authorization).toBe(`Bearer ${token}`);
  // The connection is never in a whole-context value.
  expect(JSON.parse(sent.at(-1)!.body).everything).not.toHaveProperty('connection');
  expect(JSON.stringify(first.attempts)).not.toContain(token);

  // A token valid for an hour is used as it is.
  await deliver('early', integrationId, 2);
  expect(oauth.calls.length - before).toBe(1);
  const view = (await relay.api('GET', '/api/connections/early')).body;
  expect(view).toMatchObject({ id: 'early', kind: 'oauth2', status: 'ok', lastError: null });
  expect(Date.parse(view.expiresAt) - Date.now()).toBeGreaterThan(3_000_000);
  expect(view.set).toEqual(
    expect.arrayContaining(['clientId', 'clientSecret', 'refreshToken', 'accessToken']),
  );

  // The next refresh sends the refresh token the server rotated to.
  await relay.api('PATCH', '/api/connections/early', { expiresAt: soon() });
  await deliver('early', integrationId, 3);
  expect(oauth.calls.at(-1)!.refreshToken).toBe(call.answer.refresh_token);
  expect(
    await (
      await fetch(`${relay.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).text(),
  ).toMatch(/token_refresh\w*\{outcome="ok"\} [1-9]/);
});

it('on a 401 refreshes once and repeats the attempt once; an answer without expires_in (Salesforce) leaves the expiry unknown', async () => {
  const integrationId = await setUp('revoked', {
    expiresAt: null,
    preset: 'salesforce',
    tokenUrl: oauth.tokenUrl,
    authorizeUrl: oauth.authorizeUrl,
  });
  oauth.valid.add('first-access-revoked');
  await deliver('revoked', integrationId, 1);
  const before = oauth.calls.length;
  oauth.valid.delete('first-access-revoked'); // revoked mid-run
  oauth.next((body) => {
    delete body.expires_in;
    body.instance_url = 'https://acme.my.salesforce.com';
  });
  const delivery = await deliver('revoked', integrationId, 2);
  expect(delivery.status).toBe('succeeded');
  expect(oauth.calls.length - before).toBe(1);
  expect(oauth.calls.at(-1)!.clientSecretInBody).toBe(CLIENT_SECRET); // the Salesforce preset sends credentials in the body
  expect(
    sentTo('revoked')
      .slice(-2)
      .map((r) => r.headers.authorization),
  ).toEqual(['Bearer first-access-revoked', `Bearer ${oauth.calls.at(-1)!.answer.access_token}`]);
  const view = (await relay.api('GET', '/api/connections/revoked')).body;
  expect(view.expiresAt).toBeNull();
  expect(view.set).toContain('values.instance_url');

  // A destination that still refuses the new token: one refresh, one repeat, then the delivery fails.
  oauth.refuseAll = true;
  const refused = await deliver('revoked', integrationId, 3);
  expect(refused.status).toBe('failed');
  expect(oauth.calls.length - before).toBe(2);
  const [used, repeated] = sentTo('revoked')
    .slice(-2)
    .map((r) => r.headers.authorization);
  expect(repeated).toBe(`Bearer ${oauth.calls.at(-1)!.answer.access_token}`);
  expect(used).not.toBe(repeated);
  expect(refused.lastError).toBe('HTTP 401');
  oauth.refuseAll = false;
});

it('invalid_grant marks the connection needs_reauth; deliveries fail saying to reconnect; after a PKCE reconnect a bulk retry delivers them', async () => {
  const integrationId = await setUp('lapsed');
  oauth.next(() => ({
    status: 400,
    body: { error: 'invalid_grant', error_description: 'refresh token revoked' },
  }));
  const before = oauth.calls.length;
  const first = await deliver('lapsed', integrationId, 1);
  expect(first.status).toBe('failed');
  expect(first.lastError).toMatch(
    /connection "lapsed" needs to be reconnected \(the token endpoint answered invalid_grant/,
  );
  expect(first.lastError).toMatch(/POST \/api\/connections\/lapsed\/authorize/);
  const view = (await relay.api('GET', '/api/connections/lapsed')).body;
  expect(view).toMatchObject({ status: 'needs_reauth' });
  expect(view.lastError).toMatch(/invalid_grant/);
  const second = await deliver('lapsed', integrationId, 2);
  expect(second.status).toBe('failed');
  expect(oauth.calls.length - before).toBe(1); // no refresh is tried again until someone reconnects

  // Reconnect: authorization code with PKCE, through the server's own authorize endpoint.
  const {
    body: { url },
  } = await relay.api('POST', '/api/connections/lapsed/authorize');
  const authorize = new URL(url);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('redirect_uri')).toBe(`${relay.url}/oauth/callback`);
  const redirect = await fetch(url, { redirect: 'manual' });
  expect(redirect.status).toBe(302);
  const callback = await fetch(redirect.headers.get('location')!);
  const html = await callback.text();
  expect(callback.status, html).toBe(200);
  expect(html).toContain('Connected — you can close this tab');
  expect(oauth.calls.at(-1)!.grantType).toBe('authorization_code');
  // The state works once.
  const again = await fetch(redirect.headers.get('location')!);
  expect(again.status).toBe(400);
  expect((await relay.api('GET', '/api/connections/lapsed')).body).toMatchObject({
    status: 'ok',
    lastError: null,
  });

  const retried = await relay.api('POST', '/api/deliveries/retry', { integrationId, status: 'failed' });
  expect(retried.status, retried.text).toBe(202);
  await relay.until(
    () => relay.api('GET', `/api/deliveries?integrationId=${integrationId}`),
    (r) => r.body.items.length === 2 && r.body.items.every((d: any) => d.status === 'succeeded'),
  );
});

it('a flow step refused with 401 refreshes once and the flow goes on from that step', async () => {
  await setUp('flowy');
  oauth.valid.add('first-access-flowy');
  await relay.api('PATCH', '/api/connections/flowy', {
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  const flow = await relay.api('POST', '/api/integrations', {
    sourceId: 'src-flowy',
    doc: {
      name: 'flow',
      connection: 'flowy',
      headers: { Authorization: 'Bearer {{ connection.access_token }}' },
      steps: [
        {
          id: 'find',
          method: 'POST',
          url: `${oauth.destination.url}/flow/find`,
          body: { mode: 'template', template: { n: '{{ n }}' } },
        },
        {
          id: 'note',
          method: 'POST',
          url: `${oauth.destination.url}/flow/note`,
          body: { mode: 'template', template: { n: '{{ n }}' } },
        },
      ],
    },
  });
  expect(flow.status, flow.text).toBe(201);
  await relay.api(
    'PATCH',
    `/api/integrations/${(await relay.api('GET', '/api/integrations?sourceId=src-flowy')).body.items.find((i: any) => !i.doc.steps).id}`,
    { active: false },
  );
  // The token is revoked once the first step got its answer.
  oauth.afterRequest = (url) => {
    if (url === '/flow/find') oauth.valid.delete('first-access-flowy');
  };
  const before = oauth.calls.length;
  const hook = await relay.hook('src-flowy', { n: 7 });
  const done = await relay.until(
    () => relay.api('GET', `/api/deliveries?eventId=${hook.body.eventId}&integrationId=${flow.body.id}`),
    (r) => r.body.items.length === 1 && r.body.items[0].status !== 'pending',
  );
  oauth.afterRequest = null;
  expect(done.body.items[0].status).toBe('succeeded');
  expect(oauth.calls.length - before).toBe(1);
  const fresh = `Bearer ${oauth.calls.at(-1)!.answer.access_token}`;
  expect(
    oauth.destination.requests
      .filter((r) => r.url.startsWith('/flow/'))
      .map((r) => [r.url, r.headers.authorization]),
  ).toEqual([
    ['/flow/find', 'Bearer first-access-flowy'],
    ['/flow/note', 'Bearer first-access-flowy'],
    ['/flow/note', fresh],
  ]);
  const detail = (await relay.api('GET', `/api/deliveries/${done.body.items[0].id}`)).body;
  expect(detail.steps.map((s: any) => [s.stepId, s.responseStatus])).toEqual([
    ['find', 200],
    ['note', 200],
  ]);
  expect(JSON.stringify(detail)).not.toContain(oauth.calls.at(-1)!.answer.access_token);
});

it('twenty deliveries that need a refresh at once cause exactly one token request', async () => {
  const integrationId = await setUp('crowd', { expiresAt: new Date(Date.now() - 1000).toISOString() });
  const before = oauth.calls.length;
  const hooks = await Promise.all(Array.from({ length: 20 }, (_, n) => relay.hook('src-crowd', { n })));
  expect(hooks.every((h) => h.status === 202)).toBe(true);
  await relay.until(
    () => relay.api('GET', `/api/deliveries?integrationId=${integrationId}&limit=50`),
    (r) => r.body.items.length === 20 && r.body.items.every((d: any) => d.status === 'succeeded'),
  );
  expect(oauth.calls.length - before).toBe(1);
  // And directly: twenty callers of an expired connection share one refresh.
  await relay.api('PATCH', '/api/connections/crowd', {
    expiresAt: new Date(Date.now() - 1000).toISOString(),
  });
  const scopes = await Promise.all(Array.from({ length: 20 }, () => relay.connections.scopeFor('crowd')));
  expect(oauth.calls.length - before).toBe(2);
  expect(new Set(scopes.map((s) => s.values.access_token)).size).toBe(1);
});

it('static connections give their values; a missing connection fails the delivery with what to do', async () => {
  const made = await relay.api('POST', '/api/connections', {
    id: 'close-acme',
    kind: 'static',
    values: { api_key: 'static-key-do-not-leak' },
  });
  expect(made.status, made.text).toBe(201);
  expect(made.body).toMatchObject({ kind: 'static', status: 'ok', set: ['values.api_key'] });
  expect((await relay.api('POST', '/api/connections', { id: 'bad', kind: 'oauth2' })).status).toBe(400);
  expect((await relay.api('POST', '/api/connections', { id: 'x', preset: 'nope' })).status).toBe(400);
  const presetted = await relay.api('POST', '/api/connections', {
    id: 'pd',
    preset: 'pipedrive',
    clientId: 'c',
  });
  expect(presetted.body).toMatchObject({
    tokenUrl: 'https://oauth.pipedrive.com/oauth/token',
    tokenAuth: 'basic',
  });
  const zoho = await relay.api('PATCH', '/api/connections/pd', { preset: 'zoho' });
  expect(zoho.body).toMatchObject({
    preset: 'zoho',
    tokenUrl: 'https://accounts.zoho.com/oauth/v2/token',
    tokenAuth: 'body',
    scope: 'ZohoCRM.modules.ALL',
  });
  const eu = await relay.api('PATCH', '/api/connections/pd', {
    tokenUrl: 'https://accounts.zoho.eu/oauth/v2/token',
  });
  expect(eu.body).toMatchObject({
    preset: 'zoho',
    tokenUrl: 'https://accounts.zoho.eu/oauth/v2/token',
    authorizeUrl: 'https://accounts.zoho.com/oauth/v2/auth',
  });
  await relay.api('POST', '/api/sources', { id: 'src-static', provider: null, verification: 'none' });
  const integration = await relay.api('POST', '/api/integrations', {
    sourceId: 'src-static',
    doc: {
      name: 'close',
      url: `${oauth.destination.url}/static`,
      connection: 'close-acme',
      headers: { 'X-Key': '{{ connection.api_key }}' },
      body: { mode: 'template', template: {} },
    },
  });
  const hook = await relay.hook('src-static', { n: 1 });
  await relay.until(
    () => relay.api('GET', `/api/deliveries?eventId=${hook.body.eventId}`),
    (r) => r.body.items[0]?.status !== 'pending',
  );
  expect(oauth.destination.requests.find((r) => r.url === '/static')!.headers['x-key']).toBe(
    'static-key-do-not-leak',
  );
  // The relay refuses to delete a connection an integration names; a store left with one (written
  // before that check, or by hand) fails the delivery saying what to do.
  expect((await relay.api('DELETE', '/api/connections/close-acme')).body.error).toBe('connection_in_use');
  const stored = (await relay.store.getIntegration(integration.body.id))!;
  await relay.store.putIntegration({ ...stored, doc: { ...stored.doc, connection: 'close-gone' } });
  await relay.api('POST', '/api/connections', {}); // any admin write drops the relay's cached integrations
  const later = await relay.hook('src-static', { n: 2 });
  const failed = await relay.until(
    () => relay.api('GET', `/api/deliveries?eventId=${later.body.eventId}`),
    (r) => r.body.items[0]?.status === 'failed',
  );
  expect(failed.body.items[0].lastError).toMatch(/connection "close-gone" does not exist: create it/);
  expect(integration.status).toBe(201);
});

it('the callback refuses an unknown or forged state, a refusal by the provider, and an authorization older than 10 minutes', async () => {
  const refused = await fetch(
    `${relay.url}/oauth/callback?error=access_denied&error_description=%3Cb%3Eno%3C%2Fb%3E&state=early.x`,
  );
  expect(refused.status).toBe(400);
  expect(await refused.text()).toContain('The provider answered access_denied: &lt;b&gt;no&lt;/b&gt;');
  const {
    body: { url },
  } = await relay.api('POST', '/api/connections/early/authorize');
  const state = new URL(url).searchParams.get('state')!;
  expect(state.startsWith('early.')).toBe(true);
  const forged = await fetch(`${relay.url}/oauth/callback?code=abc&state=${encodeURIComponent(`${state}x`)}`);
  expect(forged.status).toBe(400);
  expect(await forged.text()).toContain('unknown or was already used');
  const stored = (await relay.store.getConnection('early'))!;
  await relay.store.putConnection({
    ...stored,
    pendingAuth: { ...stored.pendingAuth!, expiresAt: new Date(Date.now() - 1).toISOString() },
  });
  const late = await fetch(`${relay.url}/oauth/callback?code=abc&state=${encodeURIComponent(state)}`);
  expect(late.status).toBe(400);
  expect(await late.text()).toContain('longer than 10 minutes');
  expect((await relay.api('POST', '/api/connections/close-nothing/authorize')).status).toBe(404);
  const zohoUrl = new URL((await relay.api('POST', '/api/connections/pd/authorize')).body.url);
  expect(zohoUrl.searchParams.get('access_type')).toBe('offline'); // Zoho gives a refresh token only then
  const unauthorizable = await relay.api('POST', '/api/connections', {
    id: 'no-authorize',
    tokenUrl: oauth.tokenUrl,
    clientId: 'c',
  });
  expect(unauthorizable.status).toBe(201);
  expect((await relay.api('POST', '/api/connections/no-authorize/authorize')).body.error).toBe(
    'not_authorizable',
  );
});

it('no token, refresh token or client secret appears in any API answer or log line of the run', () => {
  const secrets = [CLIENT_SECRET, 'static-key-do-not-leak'];
  for (const call of oauth.calls)
    for (const key of ['access_token', 'refresh_token'])
      if (typeof call.answer[key] === 'string') secrets.push(call.answer[key] as string);
  expect(secrets.length).toBeGreaterThan(10);
  const seen = [...answers, ...relay.logLines].join('\n');
  for (const secret of secrets) expect(seen).not.toContain(secret);
});
