/* eslint-disable @typescript-eslint/no-explicit-any -- tests read JSON answers loosely */
/**
 * Integrations and the connections they name (SPEC §10), on both stores: a document naming a connection
 * that does not exist is refused (422 `unknown_connection`, even with `force`), a connection that an
 * integration names is not deleted (409 `connection_in_use`), and a delete racing a save never leaves an
 * integration naming nothing. The Close and Attio presets, OAuth2 or as API keys. A plan renders
 * stand-ins for `connection.*` (never a real value); a replay goes through delivery with the live,
 * refreshed token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOAuth, type OAuthHarness } from './helpers/oauth.js';
import { startTestRelay, type TestRelay } from './helpers/relay.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';
import { newKey } from './helpers/connections.js';
import { standInConnection } from '../src/plan/stand-in.js';

const schema = uniqueSchema('connref');
let oauth: OAuthHarness;
beforeAll(async () => {
  oauth = await startOAuth();
});
afterAll(async () => {
  await oauth?.close();
  await dropSchema(schema);
});

it('stand-ins cover every connection value the documents read, in any spelling, and those the connection holds', () => {
  const flow = {
    name: 'flow',
    connection: 'zoho-acme',
    headers: { Authorization: 'Zoho-oauthtoken {{ connection.access_token }}' },
    steps: [
      { id: 'find', method: 'GET', url: '{{ connection.api_domain }}/crm/v2/Contacts/search' },
      {
        id: 'note',
        url: 'https://example.com/x',
        body: {
          mode: 'template',
          template: { a: '{{ $.connection["org id"] }}', b: '{{ connection.region }}' },
        },
      },
    ],
  };
  const handlebars = {
    name: 'hb',
    url: 'https://example.com/hb',
    body: { mode: 'text', engine: 'handlebars', template: '{{#if n}}{{connection.hb_value}}{{/if}}' },
  };
  expect(standInConnection([flow, handlebars], ['held_value'])).toEqual({
    hb_value: '<connection.hb_value>',
    access_token: '<connection.access_token>',
    api_domain: 'https://connection.invalid/api_domain',
    'org id': '<connection.org id>',
    region: '<connection.region>',
    held_value: '<connection.held_value>',
  });
  expect(
    standInConnection([{ name: 'none', url: 'https://example.com', body: { mode: 'auto', sections: [] } }]),
  ).toEqual({});
});

const STORES = [
  { name: 'embedded', options: {} },
  // One PostgreSQL connection: a save that holds a connection's lock must not need a second one.
  {
    name: 'postgres',
    options: { databaseUrl: DATABASE_URL, pgSchema: schema, configCacheMs: 0, pgPoolSize: 1 },
  },
] as const;

describe.each(STORES)('$name store', ({ name, options }) => {
  let relay: TestRelay;
  const answers: string[] = [];
  beforeAll(async () => {
    relay = await startTestRelay({ secretKey: newKey(), ...options });
    const api = relay.api;
    relay.api = async (...args) => {
      const answer = await api(...args);
      answers.push(answer.text);
      return answer;
    };
    const source = await relay.api('POST', '/api/sources', {
      id: 'src',
      provider: null,
      verification: 'none',
    });
    expect(source.status, source.text).toBe(201);
  });
  afterAll(async () => {
    await relay?.close();
  });

  const docNaming = (connection: string, extra: Record<string, unknown> = {}) => ({
    name: `uses ${connection}`,
    url: `${oauth.destination.url}/ref`,
    connection,
    headers: { Authorization: 'Bearer {{ connection.access_token }}' },
    body: { mode: 'template', template: { n: '{{ n }}' } },
    ...extra,
  });

  it('refuses to save an integration naming a connection that does not exist, with or without force', async () => {
    for (const force of [undefined, true]) {
      const refused = await relay.api('POST', '/api/integrations', {
        sourceId: 'src',
        doc: docNaming('ghost'),
        ...(force ? { force } : {}),
      });
      expect(refused.status, refused.text).toBe(422);
      expect(refused.body).toMatchObject({
        error: 'unknown_connection',
        details: { pointer: '/doc/connection', connection: 'ghost' },
      });
      expect(refused.body.message).toMatch(/connection "ghost", which does not exist/);
      expect(refused.body.message).toMatch(/POST \/api\/connections/);
      expect(refused.body.message).toMatch(/GET \/api\/connections/);
    }
    expect((await relay.api('GET', '/api/integrations?sourceId=src')).body.items).toEqual([]);
  });

  it('refuses to delete a connection an integration names, lists them, and deletes it once none does', async () => {
    const made = await relay.api('POST', '/api/connections', {
      id: 'kept',
      kind: 'static',
      values: { access_token: 'kept-token-value' },
    });
    expect(made.status, made.text).toBe(201);
    await relay.api('POST', '/api/connections', {
      id: 'other',
      kind: 'static',
      values: { access_token: 'o' },
    });
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const created = await relay.api('POST', '/api/integrations', {
        sourceId: 'src',
        doc: docNaming('kept', { name: `kept ${n}` }),
      });
      expect(created.status, created.text).toBe(201);
      ids.push(created.body.id);
    }
    const inUse = await relay.api('DELETE', '/api/connections/kept');
    expect(inUse.status, inUse.text).toBe(409);
    expect(inUse.body.error).toBe('connection_in_use');
    expect(inUse.body.details.integrations).toEqual([...ids].sort());
    for (const id of ids) expect(inUse.body.message).toContain(id);
    expect(inUse.body.message).toMatch(/change them .* or delete them first/);
    expect((await relay.api('GET', '/api/connections/kept')).status).toBe(200);

    // A document change to a missing connection is refused and changes nothing.
    const bad = await relay.api('PATCH', `/api/integrations/${ids[0]}`, { doc: docNaming('ghost') });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toBe('unknown_connection');
    const kept = (await relay.api('GET', `/api/integrations/${ids[0]}`)).body;
    expect(kept).toMatchObject({ version: 1, doc: { connection: 'kept' } });
    // Changes that leave the document alone need no check.
    expect((await relay.api('PATCH', `/api/integrations/${ids[0]}`, { active: false })).status).toBe(200);

    // One moves to another connection, the other is deleted: then the connection goes.
    const moved = await relay.api('PATCH', `/api/integrations/${ids[0]}`, { doc: docNaming('other') });
    expect(moved.status, moved.text).toBe(200);
    const still = await relay.api('DELETE', '/api/connections/kept');
    expect(still.body.details.integrations).toEqual([ids[1]]);
    expect((await relay.api('DELETE', `/api/integrations/${ids[1]}`)).status).toBe(204);
    expect((await relay.api('DELETE', '/api/connections/kept')).status).toBe(204);
    expect((await relay.api('DELETE', '/api/connections/kept')).status).toBe(404);
    // Rolling back to the version that named it is refused too.
    const back = await relay.api('POST', `/api/integrations/${ids[0]}/rollback`, { version: 1 });
    expect(back.status, back.text).toBe(422);
    expect(back.body.error).toBe('unknown_connection');
    expect((await relay.api('DELETE', `/api/integrations/${ids[0]}`)).status).toBe(204);
  });

  it('a delete racing a save never leaves an integration naming a missing connection', async () => {
    for (let round = 0; round < 8; round++) {
      const id = `race-${round}`;
      await relay.api('POST', '/api/connections', { id, kind: 'static', values: { access_token: 'r' } });
      const [deleted, saved] = await Promise.all([
        relay.api('DELETE', `/api/connections/${id}`),
        relay.api('POST', '/api/integrations', { sourceId: 'src', doc: docNaming(id) }),
      ]);
      const outcome = `${deleted.status}/${saved.status}`;
      expect(['204/422', '409/201'], `${deleted.text} ${saved.text}`).toContain(outcome);
      const exists = (await relay.api('GET', `/api/connections/${id}`)).status === 200;
      expect(exists).toBe(saved.status === 201);
      if (saved.status === 201)
        expect((await relay.api('DELETE', `/api/integrations/${saved.body.id}`)).status).toBe(204);
    }
  });

  it('Close and Attio presets: OAuth2 settings, or an API key as a static connection', async () => {
    const close = await relay.api('POST', '/api/connections', {
      id: 'close-oauth',
      preset: 'close',
      clientId: 'c',
    });
    expect(close.body).toMatchObject({
      kind: 'oauth2',
      authorizeUrl: 'https://app.close.com/oauth2/authorize/',
      tokenUrl: 'https://api.close.com/oauth2/token/',
      tokenAuth: 'body',
    });
    const url = new URL((await relay.api('POST', '/api/connections/close-oauth/authorize')).body.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://app.close.com/oauth2/authorize/');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    const attio = await relay.api('POST', '/api/connections', {
      id: 'attio-oauth',
      preset: 'attio',
      clientId: 'c',
    });
    expect(attio.body).toMatchObject({
      authorizeUrl: 'https://app.attio.com/authorize',
      tokenUrl: 'https://app.attio.com/oauth/token',
      tokenAuth: 'body',
    });
    const noKey = await relay.api('POST', '/api/connections', {
      id: 'close-key',
      kind: 'static',
      preset: 'close',
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body.message).toMatch(/needs values\.api_key: an API key \(Close: Settings/);
    const key = await relay.api('POST', '/api/connections', {
      id: 'close-key',
      kind: 'static',
      preset: 'close',
      values: { api_key: 'close-api-key-value' },
    });
    expect(key.status, key.text).toBe(201);
    expect(key.body).toMatchObject({ kind: 'static', preset: 'close', set: ['values.api_key'] });
    const attioKey = await relay.api('POST', '/api/connections', {
      id: 'attio-key',
      kind: 'static',
      preset: 'attio',
      values: { access_token: 'attio-token-value' },
    });
    expect(attioKey.status, attioKey.text).toBe(201);
    // The key is sent as the Close docs say: HTTP Basic, the key as user name.
    const integration = await relay.api('POST', '/api/integrations', {
      sourceId: 'src',
      doc: {
        name: 'close',
        url: `${oauth.destination.url}/close-key-${name}`,
        connection: 'close-key',
        headers: { Authorization: 'Basic {{ connection.api_key | append: ":" | base64 }}' },
        body: { mode: 'template', template: {} },
      },
    });
    expect(integration.status, integration.text).toBe(201);
    await relay.hook('src', { n: 0 });
    const sent = await relay.until(
      async () => oauth.destination.requests.find((r) => r.url === `/close-key-${name}`),
      (r) => !!r,
    );
    expect(sent!.headers.authorization).toBe(
      `Basic ${Buffer.from('close-api-key-value:').toString('base64')}`,
    );
    expect((await relay.api('DELETE', `/api/integrations/${integration.body.id}`)).status).toBe(204);
  });

  it('plans render stand-ins for connection values, never a real one; a replay uses the live, refreshed token', async () => {
    const made = await relay.api('POST', '/api/connections', {
      id: `crm-${name}`,
      tokenUrl: oauth.tokenUrl,
      clientId: 'hookmap-test',
      clientSecret: 'plan-client-secret-value',
      refreshToken: `plan-refresh-${name}`,
      accessToken: `plan-access-${name}`,
      expiresAt: new Date(Date.now() + 30_000).toISOString(),
      values: { instance_url: oauth.destination.url, account_id: `acct-secret-${name}` },
    });
    expect(made.status, made.text).toBe(201);
    const live = {
      name: 'crm',
      url: `{{ connection.instance_url }}/plan-${name}`,
      connection: `crm-${name}`,
      headers: {
        Authorization: 'Bearer {{ connection.access_token }}',
        'X-Account': '{{ connection.account_id }}',
      },
      body: { mode: 'template', template: { n: '{{ n }}' } },
    };
    const created = await relay.api('POST', '/api/integrations', { sourceId: 'src', doc: live });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as string;
    const hook = await relay.hook('src', { n: 1 });
    const first = await relay.until(
      () => relay.api('GET', `/api/deliveries?eventId=${hook.body.eventId}&integrationId=${id}`),
      (r) => r.body.items[0]?.status === 'succeeded',
    );
    expect(first.body.items).toHaveLength(1);

    const next = {
      ...live,
      body: {
        mode: 'template',
        template: {
          n: '{{ n }}',
          account: '{{ connection.account_id }}',
          token: '{{ connection.access_token | upper }}',
        },
      },
    };
    const plan = await relay.api('POST', `/api/integrations/${id}/plan`, { doc: next });
    expect(plan.status, plan.text).toBe(200);
    expect(plan.body.summary).toMatchObject({ events: 2, changed: 2, newlyFailing: 0 });
    const item = plan.body.items.find((i: any) => i.eventId === hook.body.eventId);
    expect(item.before).toMatchObject({
      url: `https://connection.invalid/instance_url/plan-${name}`,
      headers: { authorization: '[redacted]', 'x-account': '[redacted]' },
      body: { n: 1 },
    });
    expect(item.after.body).toEqual({
      n: 1,
      account: '<connection.account_id>',
      token: '<CONNECTION.ACCESS_TOKEN>',
    });
    expect(item.diff).toEqual([
      { op: 'add', path: '/body/account', value: '<connection.account_id>' },
      { op: 'add', path: '/body/token', value: '<CONNECTION.ACCESS_TOKEN>' },
    ]);
    const issued = oauth.calls.map((c) => String(c.answer.access_token));
    for (const secret of [`acct-secret-${name}`, oauth.destination.url, ...issued])
      expect(plan.text).not.toContain(secret);

    // Replay: a new delivery through the worker, which refreshes the token that is about to expire.
    await relay.api('PATCH', `/api/connections/crm-${name}`, {
      expiresAt: new Date(Date.now() + 5_000).toISOString(),
    });
    const before = oauth.calls.length;
    const replayed = await relay.api('POST', `/api/events/${hook.body.eventId}/replay`, {
      integrationId: id,
    });
    expect(replayed.status, replayed.text).toBe(202);
    const done = await relay.until(
      () => relay.api('GET', `/api/deliveries/${replayed.body.replayed[0]}`),
      (r) => r.body.status !== 'pending',
    );
    expect(done.body).toMatchObject({ status: 'succeeded', replay: true });
    expect(oauth.calls.length - before).toBe(1);
    const fresh = oauth.calls.at(-1)!.answer.access_token as string;
    const sent = oauth.destination.requests.filter((r) => r.url === `/plan-${name}`);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.headers.authorization).toBe(`Bearer ${fresh}`);
    expect(sent[1]!.headers['x-account']).toBe(`acct-secret-${name}`);
    expect(JSON.stringify(done.body)).not.toContain(fresh);
  });

  it('no connection value appears in any answer of the run', () => {
    const seen = [...answers, ...relay.logLines].join('\n');
    const secrets = ['kept-token-value', 'close-api-key-value', 'attio-token-value', `acct-secret-${name}`];
    for (const call of oauth.calls)
      for (const key of ['access_token', 'refresh_token'])
        if (typeof call.answer[key] === 'string') secrets.push(call.answer[key] as string);
    for (const secret of secrets) expect(seen).not.toContain(secret);
  });
});
