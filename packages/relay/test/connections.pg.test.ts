/**
 * Connections on PostgreSQL (SPEC §10): two relays sharing the database refresh an expired token once
 * between them — the row lock makes the second wait, and it re-reads the row the first one stored —
 * and the relay refuses PostgreSQL without HOOKMAP_SECRET_KEY unless told HOOKMAP_ALLOW_PLAINTEXT_SECRETS=1.
 */
import { afterAll, expect, it } from 'vitest';
import pg from 'pg';
import { startRelay } from '../src/relay.js';
import { ConfigError } from '../src/config-check.js';
import { optionsFromEnv } from '../src/config.js';
import { startOAuth } from './helpers/oauth.js';
import { startTestRelay, type TestRelay } from './helpers/relay.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';
import { newKey } from './helpers/connections.js';

const oauth = await startOAuth();
const schema = uniqueSchema('connpg');
const relays: TestRelay[] = [];
afterAll(async () => {
  for (const r of relays) await r.close();
  await dropSchema(schema);
  await oauth.close();
});

it('two relays on one PostgreSQL database refresh an expired token once between them', { timeout: 30_000 }, async () => {
  const secretKey = newKey();
  const options = { databaseUrl: DATABASE_URL, pgSchema: schema, secretKey, configCacheMs: 0 };
  const a = await startTestRelay(options);
  relays.push(a);
  const b = await startTestRelay(options);
  relays.push(b);
  const made = await a.api('POST', '/api/connections', {
    id: 'shared', tokenUrl: oauth.tokenUrl, clientId: 'hookmap-test', clientSecret: 'pg-client-secret-value',
    refreshToken: 'pg-first-refresh', accessToken: 'pg-first-access', expiresAt: new Date(Date.now() - 1000).toISOString(),
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
    for (const secret of ['pg-client-secret-value', String(token), String(oauth.calls.at(-1)!.answer.refresh_token)]) expect(raw).not.toContain(secret);
  } finally {
    await client.end();
  }
  expect((await b.store.getConnection('shared'))?.refreshToken).toBe(oauth.calls.at(-1)!.answer.refresh_token);
  // Expired again: one more refresh, whichever relay asks first.
  await b.api('PATCH', '/api/connections/shared', { expiresAt: new Date(Date.now() - 1000).toISOString() });
  await Promise.all([a.connections.scopeFor('shared'), b.connections.scopeFor('shared'), a.connections.scopeFor('shared')]);
  expect(oauth.calls.length - before).toBe(2);
  expect(oauth.calls.at(-1)!.refreshToken).toBe(oauth.calls.at(-2)!.answer.refresh_token);
});

it('refuses PostgreSQL without a secret key, naming the variables, unless plaintext is allowed', async () => {
  const error = await startRelay({ databaseUrl: DATABASE_URL, pgSchema: schema, port: 0, log: false }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as Error).message).toMatch(/HOOKMAP_SECRET_KEY/);
  expect((error as Error).message).toMatch(/HOOKMAP_ALLOW_PLAINTEXT_SECRETS=1/);
  expect(() => optionsFromEnv({ HOOKMAP_SECRET_KEY: 'too-short' })).toThrow(/HOOKMAP_SECRET_KEY="too-short" is not accepted; expected 32 random bytes in base64/);
  expect(optionsFromEnv({ HOOKMAP_ALLOW_PLAINTEXT_SECRETS: '1', HOOKMAP_SECRET_KEY_PREVIOUS: newKey() })).toMatchObject({ allowPlaintextSecrets: true });
  const allowed = await startRelay({ databaseUrl: DATABASE_URL, pgSchema: schema, port: 0, log: false, allowPlaintextSecrets: true });
  await allowed.close();
});
