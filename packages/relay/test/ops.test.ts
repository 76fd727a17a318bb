/**
 * Operating the relay (SPEC §13): /healthz and /readyz without a token, /readyz following the
 * store's reachability, /metrics in Prometheus text format, request ids through the logs.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, sourceWithIntegration, startTestRelay, type TestRelay } from './helpers/relay.js';
import { startSink, type Sink } from './helpers/sink.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';
import { startTcpProxy } from './helpers/tcp-proxy.js';

/** The value of one sample line of the exposition text, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

async function metricsText(
  relay: TestRelay,
  token: string | null = ADMIN_TOKEN,
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${relay.url}/metrics`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, text: await res.text() };
}

describe('health, readiness and metrics (embedded store)', () => {
  let relay: TestRelay;
  let sink: Sink;
  beforeAll(async () => {
    sink = await startSink((_req, i) => (i === 0 ? { status: 503 } : { status: 200 }));
    relay = await startTestRelay();
  });
  afterAll(async () => {
    await relay.close();
    await sink.close();
  });

  it('answers /healthz and /readyz without a token', async () => {
    expect(await relay.api('GET', '/healthz', undefined, null)).toMatchObject({
      status: 200,
      body: { ok: true, store: 'embedded' },
    });
    expect(await relay.api('GET', '/readyz', undefined, null)).toMatchObject({
      status: 200,
      body: { ready: true },
    });
  });

  it('serves /metrics only with the admin token', async () => {
    expect((await relay.api('GET', '/metrics', undefined, null)).status).toBe(401);
    expect((await relay.api('GET', '/metrics', undefined, 'wrong')).status).toBe(401);
    const res = await fetch(`${relay.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('counts webhooks, attempts, deliveries and the queue, with # TYPE lines', async () => {
    const { sourceId } = await sourceWithIntegration(relay, `${sink.url}/in`);
    const host = new URL(sink.url).host;
    expect((await relay.hook(sourceId, { id: 'm1', n: 1 }, { 'idempotency-key': 'm1' })).status).toBe(202);
    expect((await relay.hook(sourceId, { id: 'm1', n: 1 }, { 'idempotency-key': 'm1' })).status).toBe(200);
    expect((await relay.hook(sourceId, '[1]')).status).toBe(400);
    expect((await relay.hook('nope', { id: 'x' })).status).toBe(404);
    await sink.waitFor(2);
    const text = await relay.until(
      async () => (await metricsText(relay)).text,
      (t) => sample(t, 'hookmap_deliveries_total', { outcome: 'succeeded', host }) === 1,
    );
    for (const [name, type] of [
      ['hookmap_webhooks_accepted_total', 'counter'],
      ['hookmap_webhooks_rejected_total', 'counter'],
      ['hookmap_deliveries_total', 'counter'],
      ['hookmap_attempts_total', 'counter'],
      ['hookmap_attempt_duration_seconds', 'histogram'],
      ['hookmap_queue_depth', 'gauge'],
      ['hookmap_oldest_pending_age_seconds', 'gauge'],
      ['hookmap_token_refreshes_total', 'counter'],
      ['hookmap_plans_total', 'counter'],
      ['hookmap_replays_total', 'counter'],
      ['hookmap_deliveries_parked_total', 'counter'],
    ])
      expect(text).toContain(`# TYPE ${name} ${type}`);
    expect(sample(text, 'hookmap_webhooks_accepted_total', { source: sourceId })).toBe(1);
    expect(sample(text, 'hookmap_webhooks_duplicate_total', { source: sourceId })).toBe(1);
    expect(sample(text, 'hookmap_webhooks_rejected_total', { source: sourceId, reason: 'bad_payload' })).toBe(
      1,
    );
    expect(sample(text, 'hookmap_webhooks_rejected_total', { source: 'unknown', reason: 'not_found' })).toBe(
      1,
    );
    expect(sample(text, 'hookmap_attempts_total', { outcome: 'retry', host })).toBe(1);
    expect(sample(text, 'hookmap_attempts_total', { outcome: 'success', host })).toBe(1);
    expect(sample(text, 'hookmap_attempt_duration_seconds_count', { host })).toBe(2);
    expect(sample(text, 'hookmap_queue_depth', { state: 'due' })).toBe(0);
    expect(sample(text, 'hookmap_oldest_pending_age_seconds')).toBe(0);
  });

  it('reports the queue depth and the age of the oldest pending delivery', async () => {
    const stuck = await startSink(() => ({ status: 500 }));
    const slow = await startTestRelay({ backoffBaseMs: 60_000, backoffMaxMs: 60_000 });
    try {
      const { sourceId } = await sourceWithIntegration(slow, `${stuck.url}/in`);
      await slow.hook(sourceId, { id: 'q1', n: 1 });
      await slow.hook(sourceId, { id: 'q2', n: 2 });
      await stuck.waitFor(2);
      const text = await slow.until(
        async () => (await metricsText(slow)).text,
        (t) => sample(t, 'hookmap_queue_depth', { state: 'waiting' }) === 2,
      );
      expect(sample(text, 'hookmap_queue_depth', { state: 'due' })).toBe(0);
      expect(sample(text, 'hookmap_oldest_pending_age_seconds')).toBeGreaterThan(0);
    } finally {
      await slow.close();
      await stuck.close();
    }
  });

  it('follows a webhook through its delivery and attempts with one request id', async () => {
    const { sourceId } = await sourceWithIntegration(relay, `${sink.url}/traced`);
    const res = await fetch(relay.hookUrl(sourceId), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'lb-7f3a' },
      body: JSON.stringify({ id: 't1', n: 1 }),
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-request-id')).toBe('lb-7f3a');
    const { eventId } = (await res.json()) as { eventId: string };
    const lines = await relay.until(
      async () =>
        relay.logLines
          .map((l) => JSON.parse(l) as Record<string, unknown>)
          .filter((l) => l.requestId === 'lb-7f3a'),
      (found) => found.some((l) => l.msg === 'attempt'),
    );
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['webhook accepted', 'attempt']));
    for (const line of lines) expect(line.eventId).toBe(eventId);
    const generated = await fetch(relay.hookUrl(sourceId), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad id with spaces' },
      body: JSON.stringify({ id: 't2', n: 2 }),
    });
    expect(generated.headers.get('x-request-id')).toMatch(/^req_[0-9a-z]+$/);
  });
});

it('serves /metrics without a token when metricsPublic is set', async () => {
  const relay = await startTestRelay({ metricsPublic: true });
  try {
    const res = await metricsText(relay, null);
    expect(res.status).toBe(200);
    expect(res.text).toContain('# TYPE hookmap_webhooks_accepted_total counter');
  } finally {
    await relay.close();
  }
});

describe('/readyz with PostgreSQL', () => {
  const schema = uniqueSchema('ready');
  let available = true;
  beforeAll(async () => {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    try {
      await client.connect();
    } catch {
      available = false;
    } finally {
      await client.end().catch(() => undefined);
    }
  });
  afterAll(async () => {
    if (available) await dropSchema(schema);
  });

  it('is 503 while the database refuses connections and 200 again once it is back', async (ctx) => {
    if (!available) ctx.skip(`PostgreSQL is not reachable at ${DATABASE_URL}`);
    const target = new URL(DATABASE_URL);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(DATABASE_URL);
    viaProxy.port = String(proxy.port);
    const relay = await startTestRelay({ databaseUrl: viaProxy.toString(), pgSchema: schema });
    try {
      expect((await relay.api('GET', '/readyz', undefined, null)).status).toBe(200);
      await proxy.stop();
      const down = await relay.api('GET', '/readyz', undefined, null);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ ready: false, store: 'postgres' });
      expect(down.body.reason).toMatch(/store not reachable/);
      expect((await relay.api('GET', '/healthz', undefined, null)).status).toBe(200); // alive all the same
      await proxy.start();
      await relay.until(
        () => relay.api('GET', '/readyz', undefined, null),
        (r) => r.status === 200,
      );
    } finally {
      await relay.close();
      await proxy.stop();
    }
  });
});
