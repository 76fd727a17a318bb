/**
 * Connections on PostgreSQL (SPEC §10): two relays sharing the database refresh an expired token once
 * between them — the row lock makes the second wait, and it re-reads the row the first one stored —
 * a relay killed (-9) during a refresh leaves the old tokens for another relay to refresh with; and the
 * relay refuses PostgreSQL without HOOKMAP_SECRET_KEY unless told HOOKMAP_ALLOW_PLAINTEXT_SECRETS=1.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import pg from 'pg';
import { startRelay } from '../src/relay.js';
import { ConfigError } from '../src/config-check.js';
import { optionsFromEnv } from '../src/config.js';
import { startOAuth } from './helpers/oauth.js';
import { startTestRelay, type TestRelay } from './helpers/relay.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';
import { newKey } from './helpers/connections.js';
import { adminCall, spawnRelay } from './helpers/child.js';

const oauth = await startOAuth();
const schema = uniqueSchema('connpg');
const killSchema = uniqueSchema('connkill');
const relays: TestRelay[] = [];
afterAll(async () => {
  for (const r of relays) await r.close();
  await dropSchema(schema);
  await dropSchema(killSchema);
  await oauth.close();
});

it(
  'two relays on one PostgreSQL database refresh an expired token once between them',
  { timeout: 30_000 },
  async () => {
    const secretKey = newKey();
    const options = { databaseUrl: DATABASE_URL, pgSchema: schema, secretKey, configCacheMs: 0 };
    const a = await startTestRelay(options);
    relays.push(a);
    const b = await startTestRelay(options);
    relays.push(b);
    const made = await a.api('POST', '/api/connections', {
      id: 'shared',
      tokenUrl: oauth.tokenUrl,
      clientId: 'hookmap-test',
      clientSecret: 'pg-client-secret-value',
      refreshToken: 'pg-first-refresh',
      accessToken: 'pg-first-access',
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(made.status, made.text).toBe(201);
    const before = oauth.calls.length;
    const scopes = await Promise.all([
      ...Array.from({ length: 10 }, () => a.connections.scopeFor('shared')),
      ...Array.from({ length: 10 }, () => b.connections.scopeFor('shared')),
    ]);
    expect(oauth.calls.length - before).toBe(1);
    const token = oauth.calls.at(-1)!.answer.access_token;
    expect(scopes.map((s) => s.values.access_token)).toEqual(Array(20).fill(token));
    // The rotated refresh token was stored with the access token; none of it is in clear in the row.
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT * FROM ${schema}.connections`);
      const raw = JSON.stringify(rows);
      for (const secret of [
        'pg-client-secret-value',
        String(token),
        String(oauth.calls.at(-1)!.answer.refresh_token),
      ])
        expect(raw).not.toContain(secret);
    } finally {
      await client.end();
    }
    expect((await b.store.getConnection('shared'))?.refreshToken).toBe(
      oauth.calls.at(-1)!.answer.refresh_token,
    );
    // Expired again: one more refresh, whichever relay asks first.
    await b.api('PATCH', '/api/connections/shared', { expiresAt: new Date(Date.now() - 1000).toISOString() });
    await Promise.all([
      a.connections.scopeFor('shared'),
      b.connections.scopeFor('shared'),
      a.connections.scopeFor('shared'),
    ]);
    expect(oauth.calls.length - before).toBe(2);
    expect(oauth.calls.at(-1)!.refreshToken).toBe(oauth.calls.at(-2)!.answer.refresh_token);
  },
);

it('refuses PostgreSQL without a secret key, naming the variables, unless plaintext is allowed', async () => {
  const error = await startRelay({ databaseUrl: DATABASE_URL, pgSchema: schema, port: 0, log: false }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as Error).message).toMatch(/HOOKMAP_SECRET_KEY/);
  expect((error as Error).message).toMatch(/HOOKMAP_ALLOW_PLAINTEXT_SECRETS=1/);
  expect(() => optionsFromEnv({ HOOKMAP_SECRET_KEY: 'too-short' })).toThrow(
    /HOOKMAP_SECRET_KEY="too-short" is not accepted; expected 32 random bytes in base64/,
  );
  expect(
    optionsFromEnv({ HOOKMAP_ALLOW_PLAINTEXT_SECRETS: '1', HOOKMAP_SECRET_KEY_PREVIOUS: newKey() }),
  ).toMatchObject({ allowPlaintextSecrets: true });
  const allowed = await startRelay({
    databaseUrl: DATABASE_URL,
    pgSchema: schema,
    port: 0,
    log: false,
    allowPlaintextSecrets: true,
  });
  await allowed.close();
});

/** A token endpoint in front of the OAuth server that never answers its first request (the refresh in flight). */
async function stallingTokenEndpoint(target: string) {
  let stalled: () => void = () => undefined;
  const firstArrived = new Promise<void>((resolve) => (stalled = resolve));
  let first = true;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (first) {
        first = false;
        stalled();
        return;
      }
      void fetch(target, {
        method: 'POST',
        body: Buffer.concat(chunks),
        headers: {
          'content-type': String(req.headers['content-type']),
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        },
      }).then(async (r) =>
        res
          .writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' })
          .end(await r.text()),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`,
    firstArrived,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

it(
  'a relay killed (-9) during a refresh leaves the old tokens stored; another relay refreshes and delivers',
  { timeout: 60_000 },
  async () => {
    const secretKey = newKey();
    const admin = 'kill-test-admin-token';
    const front = await stallingTokenEndpoint(oauth.tokenUrl);
    const child = await spawnRelay({
      DATABASE_URL,
      HOOKMAP_PG_SCHEMA: killSchema,
      HOOKMAP_SECRET_KEY: secretKey,
      HOOKMAP_ADMIN_TOKEN: admin,
      HOOKMAP_ALLOW_PRIVATE: '127.0.0.1',
      HOOKMAP_CONFIG_CACHE_MS: '0',
      HOOKMAP_TIMEOUT_MS: '1000',
      HOOKMAP_LEASE_MS: '1000',
    });
    try {
      await adminCall(child.url, admin, 'POST', '/api/connections', {
        id: 'killed',
        tokenUrl: front.url,
        clientId: 'hookmap-test',
        clientSecret: 'kill-client-secret',
        refreshToken: 'killed-first-refresh',
        accessToken: 'killed-first-access',
        expiresAt: new Date(Date.now() - 1000).toISOString(),
      });
      const source = await adminCall(child.url, admin, 'POST', '/api/sources', {
        id: 'src-killed',
        provider: null,
        verification: 'none',
      });
      await adminCall(child.url, admin, 'POST', '/api/integrations', {
        sourceId: 'src-killed',
        doc: {
          name: 'crm',
          url: `${oauth.destination.url}/killed`,
          connection: 'killed',
          headers: { Authorization: 'Bearer {{ connection.access_token }}' },
          body: { mode: 'template', template: { n: '{{ n }}' } },
        },
      });
      const ack = await fetch(child.url + source.hookPath, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"n":1}',
      });
      expect(ack.status).toBe(202);
      await front.firstArrived; // the child holds the connection's row lock, its token request in flight
      await child.crash();

      const b = await startTestRelay({
        databaseUrl: DATABASE_URL,
        pgSchema: killSchema,
        secretKey,
        configCacheMs: 0,
      });
      relays.push(b);
      const before = oauth.calls.length;
      const scope = await b.connections.scopeFor('killed');
      expect(oauth.calls.length - before).toBe(1);
      expect(oauth.calls.at(-1)!.refreshToken).toBe('killed-first-refresh'); // the killed refresh stored nothing
      expect(scope.values.access_token).toBe(oauth.calls.at(-1)!.answer.access_token);
      // The delivery the killed relay held is delivered once its lease runs out, with the new token.
      const delivered = await b.until(
        () => b.api('GET', '/api/deliveries?sourceId=src-killed'),
        (r) => r.body.items[0]?.status === 'succeeded',
        30_000,
      );
      expect(delivered.body.items).toHaveLength(1);
      expect(
        oauth.destination.requests.filter((r) => r.url === '/killed').map((r) => r.headers.authorization),
      ).toEqual([`Bearer ${scope.values.access_token}`]);
    } finally {
      await child.stop();
      await front.close();
    }
  },
);
