/**
 * Issue #12, inbound: unguessable path tokens, shared-secret verification, dedupe that a forged webhook
 * cannot poison, payload depth refused at the door, bodies kept byte-exact, and webhooks for a disabled
 * integration recorded as skipped deliveries that can be replayed. On both stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay } from './helpers/relay.js';
import type { TestRelay } from './helpers/relay.js';
import { startSink } from './helpers/sink.js';
import type { Sink } from './helpers/sink.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';
import { nowIso } from '../src/ids.js';

const SHARED = 'shared-secret-3b9f1c7e55aa';

async function post(url: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const stores: { kind: string; options: () => { databaseUrl?: string; pgSchema?: string } }[] = [
  { kind: 'embedded', options: () => ({}) },
  { kind: 'postgres', options: () => ({ databaseUrl: DATABASE_URL, pgSchema: uniqueSchema('inbound_sec') }) },
];

describe.each(stores)('inbound security ($kind store)', ({ options }) => {
  let relay: TestRelay;
  let sink: Sink;
  let schema: string | undefined;

  beforeAll(async () => {
    const o = options();
    schema = o.pgSchema;
    relay = await startTestRelay({ ...o, configCacheMs: 0 });
    sink = await startSink();
  });
  afterAll(async () => {
    await relay.close();
    await sink.close();
    if (schema) await dropSchema(schema);
  });

  it('gives every source an unguessable path token, shown once, refused on the bare or a wrong path, rotatable', async () => {
    const made = await relay.api('POST', '/api/sources', { provider: 'otter' });
    expect(made.status).toBe(201);
    const { id, pathToken, hookPath } = made.body;
    expect(pathToken).toMatch(/^[\w-]{43}$/);
    expect(hookPath).toBe(`/hooks/${id}/${pathToken}`);
    const shown = await relay.api('GET', `/api/sources/${id}`);
    expect(shown.body).toMatchObject({ pathTokenSet: true, hookPath: null });
    expect(shown.text + (await relay.api('GET', '/api/sources')).text).not.toContain(pathToken);
    const body = JSON.stringify({ id: 'o1' });
    const bare = await post(`${relay.url}/hooks/${id}`, body);
    const wrong = await post(`${relay.url}/hooks/${id}/${'A'.repeat(43)}`, body);
    const unknown = await post(`${relay.url}/hooks/no-such-source/${pathToken}`, body);
    // the same answer as an unknown source: nothing tells a guesser which ids exist
    for (const r of [bare, wrong, unknown])
      expect(r).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect((await post(relay.url + hookPath, body)).status).toBe(202);

    const rotated = await relay.api('POST', `/api/sources/${id}/rotate-token`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.pathToken).not.toBe(pathToken);
    expect((await post(relay.url + hookPath, JSON.stringify({ id: 'o2' }))).status).toBe(404);
    expect((await post(relay.url + rotated.body.hookPath, JSON.stringify({ id: 'o2' }))).status).toBe(202);
  });

  it('keeps the bare path only for a source made before path tokens', async () => {
    const now = nowIso();
    await relay.store.putSource({
      id: 'legacy-src',
      name: 'legacy',
      provider: null,
      verification: 'auto',
      secret: null,
      createdAt: now,
      updatedAt: now,
    });
    expect((await post(`${relay.url}/hooks/legacy-src`, '{"a":1}')).status).toBe(202);
    expect((await relay.api('GET', '/api/sources/legacy-src')).body).toMatchObject({
      pathTokenSet: false,
      hookPath: '/hooks/legacy-src',
    });
  });

  it('checks a shared secret in a header the sender can add (OSVI custom headers), in constant time', async () => {
    const made = await relay.api('POST', '/api/sources', {
      provider: 'osvi',
      verification: 'shared-secret',
      secret: SHARED,
      secretHeader: 'Authorization',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      verification: 'shared-secret',
      secretHeader: 'authorization',
      secretSet: true,
    });
    const url = relay.url + made.body.hookPath;
    const body = JSON.stringify({ call_log_id: 'sh-1', call_status: 'picked' });
    expect(await post(url, body)).toMatchObject({
      status: 401,
      body: { error: 'bad_signature', message: 'missing authorization header' },
    });
    expect((await post(url, body, { authorization: 'Bearer nope' })).status).toBe(401);
    const ok = await post(url, body, { authorization: `Bearer ${SHARED}` });
    expect(ok.status).toBe(202);
    const event = await relay.api('GET', `/api/events/${ok.body.eventId}`);
    expect(event.body.headers.authorization).toBe('[redacted]');
    expect(event.text).not.toContain(SHARED);
    // the default header, and a secret too short to be one
    const plain = await relay.api('POST', '/api/sources', {
      provider: 'quil',
      verification: 'shared-secret',
      secret: SHARED,
    });
    expect(
      (await post(relay.url + plain.body.hookPath, '{"a":1}', { 'x-hookmap-secret': SHARED })).status,
    ).toBe(202);
    expect(
      (
        await relay.api('POST', '/api/sources', {
          provider: 'quil',
          verification: 'shared-secret',
          secret: 'short',
        })
      ).status,
    ).toBe(400);
    expect(
      (await relay.api('POST', '/api/sources', { provider: 'quil', verification: 'shared-secret' })).status,
    ).toBe(400);
  });

  it('does not let a forged webhook with a real id make the genuine one a duplicate', async () => {
    const made = await relay.api('POST', '/api/sources', { provider: 'osvi' });
    const url = relay.url + made.body.hookPath;
    const forged = await post(url, JSON.stringify({ call_log_id: 'real-id-1', call_status: 'forged' }));
    expect(forged.status).toBe(202);
    const genuine = JSON.stringify({ call_log_id: 'real-id-1', call_status: 'picked' });
    expect((await post(url, genuine)).body.status).toBe('accepted');
    // the sender's own retry, byte for byte, is still a duplicate
    expect((await post(url, genuine)).body.status).toBe('duplicate');
    // with a secret that proves the sender, the provider's id alone dedupes
    const signed = await relay.api('POST', '/api/sources', {
      provider: 'osvi',
      verification: 'shared-secret',
      secret: SHARED,
    });
    const auth = { 'x-hookmap-secret': SHARED };
    expect(
      (
        await post(
          relay.url + signed.body.hookPath,
          JSON.stringify({ call_log_id: 'r2', call_status: 'a' }),
          auth,
        )
      ).status,
    ).toBe(202);
    expect(
      (
        await post(
          relay.url + signed.body.hookPath,
          JSON.stringify({ call_log_id: 'r2', call_status: 'b' }),
          auth,
        )
      ).body.status,
    ).toBe('duplicate');
  });

  it('refuses payloads nested deeper than the payload depth limit with 400, at the door', async () => {
    const made = await relay.api('POST', '/api/sources', { provider: null });
    const url = relay.url + made.body.hookPath;
    const nested = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    expect((await post(url, nested(200))).status).toBe(202);
    for (const n of [300, 100_000]) {
      const r = await post(url, nested(n));
      expect(r).toMatchObject({ status: 400, body: { error: 'too_deep' } });
    }
    // brackets inside strings are text, not nesting
    expect((await post(url, JSON.stringify({ text: '['.repeat(1000) }))).status).toBe(202);
  });

  it('never decodes a body lossily: two different non-UTF-8 bodies are not deduped into one', async () => {
    const made = await relay.api('POST', '/api/sources', { provider: 'osvi' });
    const url = relay.url + made.body.hookPath;
    const first = Buffer.concat([Buffer.from('{"call_log_id":"c-'), Buffer.from([0xff]), Buffer.from('"}')]);
    const second = Buffer.concat([Buffer.from('{"call_log_id":"c-'), Buffer.from([0xfe]), Buffer.from('"}')]);
    const a = await post(url, first);
    const b = await post(url, second);
    expect(a).toMatchObject({ status: 400, body: { error: 'bad_encoding' } });
    expect(b).toMatchObject({ status: 400, body: { error: 'bad_encoding' } });
    expect((await relay.api('GET', `/api/events?sourceId=${made.body.id}`)).body.items).toEqual([]);
    // UTF-8 text is kept exactly, and different bytes stay different webhooks
    const accented = await post(url, Buffer.from('{"call_log_id":"c-é"}'));
    const composed = await post(url, Buffer.from('{"call_log_id":"c-e\u0301"}'));
    expect([accented.body.status, composed.body.status]).toEqual(['accepted', 'accepted']);
    expect((await relay.api('GET', `/api/events/${accented.body.eventId}`)).body.body).toBe(
      '{"call_log_id":"c-é"}',
    );
  });

  it('records webhooks for a disabled integration as skipped deliveries, replayed after re-enabling', async () => {
    const made = await relay.api('POST', '/api/sources', { provider: null });
    const integration = await relay.api('POST', '/api/integrations', {
      sourceId: made.body.id,
      doc: { url: `${sink.url}/skipped`, body: { mode: 'template', template: { id: '{{id}}' } } },
    });
    await relay.api('PATCH', `/api/integrations/${integration.body.id}`, { active: false });
    const sent = await relay.hook(made.body.id, { id: 'while-off' });
    expect(sent).toMatchObject({ status: 202, body: { status: 'accepted', deliveries: 0, skipped: 1 } });
    const skipped = await relay.api(
      'GET',
      `/api/deliveries?integrationId=${integration.body.id}&status=skipped`,
    );
    expect(skipped.body.items).toHaveLength(1);
    expect(skipped.body.items[0]).toMatchObject({
      eventId: sent.body.eventId,
      attemptCount: 0,
      lastError: expect.stringMatching(/^skipped: /),
    });
    expect(sink.requests.filter((r) => r.url === '/skipped')).toHaveLength(0);
    // a single retry is refused while it is still disabled
    expect((await relay.api('POST', `/api/deliveries/${skipped.body.items[0].id}/retry`)).status).toBe(409);
    await relay.api('PATCH', `/api/integrations/${integration.body.id}`, { active: true });
    const replay = await relay.api('POST', '/api/deliveries/retry', {
      integrationId: integration.body.id,
      status: 'skipped',
    });
    expect(replay.body.count).toBe(1);
    await relay.until(
      () => relay.api('GET', `/api/deliveries?integrationId=${integration.body.id}&status=succeeded`),
      (r) => r.body.items.length === 1,
    );
    expect(JSON.parse(sink.requests.find((r) => r.url === '/skipped')!.body)).toEqual({ id: 'while-off' });
  });
});
