import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, sourceWithIntegration } from './helpers/relay.js';
import type { TestRelay } from './helpers/relay.js';
import { closedPort, startSink } from './helpers/sink.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';
import type { Sink, SinkReply } from './helpers/sink.js';

const sinks: Sink[] = [];
afterAll(async () => {
  await Promise.all(sinks.map((s) => s.close()));
});

async function sink(reply?: (req: { body: string }, i: number) => SinkReply): Promise<Sink> {
  const s = await startSink(reply);
  sinks.push(s);
  return s;
}

let relay: TestRelay;

/** Send one webhook and wait until its delivery is no longer pending. */
async function deliverOne(url: string, payload: Record<string, unknown> = { id: 'e1', n: 1 }, extra = {}) {
  const { sourceId, integrationId } = await sourceWithIntegration(relay, url, extra);
  const ack = await relay.hook(sourceId, payload);
  expect(ack.status).toBe(202);
  const done = await relay.until(
    () => relay.api('GET', `/api/deliveries?integrationId=${integrationId}`),
    (r) => r.body.items.length === 1 && r.body.items[0].status !== 'pending',
  );
  const delivery = (await relay.api('GET', `/api/deliveries/${done.body.items[0].id}`)).body;
  return { delivery, sourceId, integrationId, attempts: [...delivery.attempts].reverse() };
}

const stores = [
  { name: 'embedded store', options: {} },
  { name: 'PostgreSQL store', options: { databaseUrl: DATABASE_URL, pgSchema: uniqueSchema('delivery') } },
];

describe.each(stores)('delivery to local sinks ($name)', ({ options }) => {
  beforeAll(async () => {
    relay = await startTestRelay(options);
  });
  afterAll(async () => {
    await relay.close();
    if (options.pgSchema) await dropSchema(options.pgSchema);
  });

  it('delivers the rendered request once and logs request, status, body and duration', async () => {
    const s = await sink(() => ({ status: 201, body: '{"created":true}' }));
    const { delivery, attempts } = await deliverOne(`${s.url}/calls`, { id: 'abc', n: 7 });
    expect(delivery.status).toBe('succeeded');
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]).toMatchObject({ method: 'POST', url: '/calls' });
    expect(JSON.parse(s.requests[0]!.body)).toEqual({ id: 'abc', n: 7 });
    expect(s.requests[0]!.headers['content-type']).toMatch(/application\/json/);
    expect(s.requests[0]!.headers['x-hookmap-delivery']).toBe(delivery.id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      number: 1,
      outcome: 'success',
      responseStatus: 201,
      responseBody: '{"created":true}',
      error: null,
      request: { method: 'POST', url: `${s.url}/calls`, body: '{"id":"abc","n":7}' },
    });
    expect(attempts[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  it('retries a 500 and succeeds on the next attempt', async () => {
    const s = await sink((_r, i) => (i === 0 ? { status: 500, body: 'boom' } : { status: 200 }));
    const { delivery, attempts } = await deliverOne(s.url);
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 2 });
    expect(
      attempts.map((a: { outcome: string; responseStatus: number }) => [a.outcome, a.responseStatus]),
    ).toEqual([
      ['retry', 500],
      ['success', 200],
    ]);
    expect(attempts[0].responseBody).toBe('boom');
    expect(s.requests).toHaveLength(2);
  });

  it('does not retry a 400', async () => {
    const s = await sink(() => ({ status: 400, body: 'bad field' }));
    const { delivery, attempts } = await deliverOne(s.url);
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 1, lastStatus: 400 });
    expect(attempts[0]).toMatchObject({ outcome: 'failed', error: 'HTTP 400', responseBody: 'bad field' });
    await new Promise((r) => setTimeout(r, 100));
    expect(s.requests).toHaveLength(1);
  });

  it('waits as long as a 429 Retry-After asks before trying again', async () => {
    const s = await sink((_r, i) =>
      i === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 },
    );
    const { delivery } = await deliverOne(s.url);
    expect(delivery.status).toBe('succeeded');
    const gap = s.requests[1]!.at - s.requests[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(950); // backoff alone would be ~20 ms
  });

  it('gives up on a destination that never answers, after the allowed attempts, each timed out', async () => {
    const s = await sink(() => 'hang');
    const { delivery, attempts } = await deliverOne(s.url);
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 3 });
    for (const a of attempts) {
      expect(a.error).toMatch(/timed out after 400 ms/);
      expect(a.durationMs).toBeGreaterThanOrEqual(390);
    }
    expect(attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['retry', 'retry', 'failed']);
  });

  it('retries a refused connection and records the error', async () => {
    const port = await closedPort();
    const { delivery, attempts } = await deliverOne(`http://127.0.0.1:${port}/x`);
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 3, lastStatus: null });
    expect(attempts[0].error).toMatch(/connection refused/);
  });

  it('disables the integration on 410 Gone and says so', async () => {
    const s = await sink(() => ({ status: 410 }));
    const { delivery, attempts, integrationId, sourceId } = await deliverOne(s.url);
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 1, lastStatus: 410 });
    expect(attempts[0].error).toMatch(/410 Gone.*integration disabled/);
    const integration = (await relay.api('GET', `/api/integrations/${integrationId}`)).body;
    expect(integration.active).toBe(false);
    expect(integration.disabledReason).toMatch(/410/);
    const ack = await relay.hook(sourceId, { id: 'later', n: 2 });
    expect(ack.body).toMatchObject({ status: 'accepted', deliveries: 0 });
    expect(relay.logLines.some((l) => l.includes('integration disabled after 410'))).toBe(true);
    const retry = await relay.api('POST', `/api/deliveries/${delivery.id}/retry`);
    expect(retry.status).toBe(409);
    expect(s.requests).toHaveLength(1);
  });

  it('does not follow redirects', async () => {
    const target = await sink();
    const s = await sink(() => ({ status: 302, headers: { location: `${target.url}/elsewhere` } }));
    const { delivery } = await deliverOne(s.url);
    expect(delivery).toMatchObject({ status: 'failed', lastStatus: 302 });
    expect(target.requests).toHaveLength(0);
  });

  it('caps the stored response body', async () => {
    const s = await sink(() => ({ status: 200, body: 'x'.repeat(100_000) }));
    const { attempts } = await deliverOne(s.url);
    expect(attempts[0].responseBody.length).toBe(16 * 1024);
  });
});

describe('private destinations', () => {
  it('refuses loopback unless allow-listed, without retrying', async () => {
    const guarded = await startTestRelay({ allowPrivate: [] });
    try {
      const s = await sink();
      for (const url of [`${s.url}/a`, s.url.replace('127.0.0.1', 'localhost')]) {
        const { sourceId, integrationId } = await sourceWithIntegration(guarded, url);
        await guarded.hook(sourceId, { id: 'x', n: 1 });
        const r = await guarded.until(
          () => guarded.api('GET', `/api/attempts?integrationId=${integrationId}`),
          (r) => r.body.items.length === 1,
        );
        expect(r.body.items[0]).toMatchObject({ outcome: 'failed' });
        expect(r.body.items[0].error).toMatch(/private or loopback/);
      }
      expect(s.requests).toHaveLength(0);
    } finally {
      await guarded.close();
    }
  });
});

describe('requests that cannot be sent', () => {
  it('fails a request with an unsendable header at once, without retrying', async () => {
    const r = await startTestRelay();
    try {
      const s = await sink();
      const { sourceId, integrationId } = await sourceWithIntegration(r, s.url, {
        headers: { 'X-Name': '{{id}}' },
      });
      await r.hook(sourceId, { id: 'Zoë ☃', n: 1 });
      const done = await r.until(
        () => r.api('GET', `/api/deliveries?integrationId=${integrationId}`),
        (x) => x.body.items[0]?.status === 'failed',
      );
      expect(done.body.items[0].attemptCount).toBe(1);
      expect(done.body.items[0].lastError).toMatch(/header/i);
      expect(s.requests).toHaveLength(0);
    } finally {
      await r.close();
    }
  });
});
