/**
 * Outbound rate limits per destination host (SPEC §13): the defaults table, sliding windows that never
 * let more than the limit through in any window, 429 + Retry-After pausing the whole host, and the
 * defaults agreeing with the target presets' documented limits.
 */
import { targets } from '@hookmap/targets';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_RATE_LIMITS,
  parseRateLimit,
  rateLimitFor,
  type RateLimit,
} from '../src/delivery/rate-limits.js';
import { MemoryRateWindow } from '../src/delivery/rate-window.js';
import { PgRateWindow } from '../src/store/pg/pg-rate-window.js';
import { PgStore } from '../src/store/pg/pg-store.js';
import { sourceWithIntegration, startTestRelay, type TestRelay } from './helpers/relay.js';
import { startSink, type Sink } from './helpers/sink.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';
import { mostInWindow } from './helpers/windows.js';

describe('the defaults table', () => {
  it.each([
    ['api.hubapi.com', { limit: 100, windowMs: 10_000 }],
    ['API.HUBAPI.COM', { limit: 100, windowMs: 10_000 }],
    ['api.attio.com', { limit: 25, windowMs: 1_000 }],
    ['hooks.slack.com', { limit: 1, windowMs: 1_000, per: 'url' }],
    ['acme.pipedrive.com', { limit: 20, windowMs: 2_000 }],
    ['www.zohoapis.eu', { limit: 5_000, windowMs: 86_400_000, concurrency: 5 }],
    ['example.com', undefined],
    ['pipedrive.com.evil.test', undefined],
  ])('%s → %o', (host, rule) => {
    expect(rateLimitFor(host, DEFAULT_RATE_LIMITS)).toEqual(rule);
  });

  it.each([
    ['100/10s', { limit: 100, windowMs: 10_000 }],
    ['25/s', { limit: 25, windowMs: 1_000 }],
    ['1/1000ms', { limit: 1, windowMs: 1_000 }],
    ['60/m', { limit: 60, windowMs: 60_000 }],
    ['5000/1d', { limit: 5_000, windowMs: 86_400_000 }],
    ['off', null],
  ])('parses %s', (text, rule) => {
    expect(parseRateLimit(text)).toEqual(rule);
  });

  it.each(['0/s', 'ten/s', '5/fortnight', '5'])('refuses %s', (text) => {
    expect(() => parseRateLimit(text)).toThrow(/N\/window/);
  });
});

describe('sliding windows', () => {
  it('lets at most the limit through in any window, and says how long to wait', async () => {
    const w = new MemoryRateWindow();
    const rule = { limit: 3, windowMs: 1_000 };
    expect([await w.take('k', rule, 0), await w.take('k', rule, 100), await w.take('k', rule, 200)]).toEqual([
      0, 0, 0,
    ]);
    expect(await w.take('k', rule, 300)).toBe(700);
    expect(await w.take('k', rule, 1_000)).toBe(0);
    expect(await w.take('k', rule, 1_050)).toBe(50);
    expect(await w.take('other', rule, 1_050)).toBe(0);
  });

  it('a pause holds every take of the key', async () => {
    const w = new MemoryRateWindow();
    await w.pause('k', 2_000, 0);
    expect(await w.take('k', { limit: 100, windowMs: 1_000 }, 500)).toBe(1_500);
  });

  it('is shared by every process on one PostgreSQL database', async (ctx) => {
    const schema = uniqueSchema('rate');
    const store = new PgStore({ databaseUrl: DATABASE_URL, schema, poolSize: 1 });
    try {
      await store.init();
    } catch {
      await store.close();
      ctx.skip(`PostgreSQL is not reachable at ${DATABASE_URL}`);
    }
    const a = new PgRateWindow(DATABASE_URL, schema);
    const b = new PgRateWindow(DATABASE_URL, schema);
    try {
      const rule: RateLimit = { limit: 5, windowMs: 60_000 };
      const waits = await Promise.all(
        Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).take('host#1', rule)),
      );
      expect(waits.filter((w) => w === 0)).toHaveLength(5);
      for (const w of waits.filter((w) => w > 0)) expect(w).toBeLessThanOrEqual(60_000);
      await a.pause('host#2', 5_000);
      expect(await b.take('host#2', rule)).toBeGreaterThan(4_000);
    } finally {
      await Promise.all([a.close(), b.close(), store.close()]);
      await dropSchema(schema);
    }
  });
});

describe('delivery under a rate limit', () => {
  let relay: TestRelay | null = null;
  const sinks: Sink[] = [];
  afterEach(async () => {
    await relay?.close();
    relay = null;
    await Promise.all(sinks.splice(0).map((s) => s.close()));
  });

  it(
    'a burst reaches a rate-limited sink no faster than the limit, and nothing is lost',
    { timeout: 60_000 },
    async () => {
      const limited = await startSink(() => ({ status: 200 }));
      sinks.push(limited);
      relay = await startTestRelay({ concurrency: 16 });
      const { sourceId, integrationId } = await sourceWithIntegration(relay, `${limited.url}/in`, {
        rateLimit: { limit: 5, windowMs: 2_000 },
      });
      const N = 20;
      for (let i = 0; i < N; i++)
        expect((await relay.hook(sourceId, { id: `r${i}`, n: i })).status).toBe(202);
      await limited.waitFor(N, 30_000);
      await relay.until(
        () => relay!.api('GET', `/api/deliveries?integrationId=${integrationId}&status=succeeded&limit=100`),
        (r) => r.body.items.length === N,
      );
      const times = limited.requests.map((r) => r.at);
      // Arrival times jitter against send times on a busy machine: measure over a slightly shorter window.
      expect(mostInWindow(times, 2_000 - 300)).toBeLessThanOrEqual(5);
      expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(3 * 2_000 - 300);
      expect(new Set(limited.requests.map((r) => (JSON.parse(r.body) as { id: string }).id)).size).toBe(N);
      const attempts = await relay.api('GET', `/api/attempts?integrationId=${integrationId}&limit=100`);
      expect(attempts.body.items).toHaveLength(N); // waiting spent no attempt
    },
  );

  it(
    'a 429 with Retry-After pauses the whole host, not just the refused delivery',
    { timeout: 60_000 },
    async () => {
      const throttled = await startSink((_req, i) =>
        i === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 },
      );
      sinks.push(throttled);
      relay = await startTestRelay({ hostConcurrency: 1 });
      const { sourceId, integrationId } = await sourceWithIntegration(relay, `${throttled.url}/in`);
      for (let i = 0; i < 5; i++)
        expect((await relay.hook(sourceId, { id: `p${i}`, n: i })).status).toBe(202);
      await throttled.waitFor(6, 20_000);
      const [first, second] = throttled.requests;
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
      await relay.until(
        () => relay!.api('GET', `/api/deliveries?integrationId=${integrationId}&status=succeeded`),
        (r) => r.body.items.length === 5,
      );
      const logged = relay.logLines.map((l) => JSON.parse(l) as { msg: string; pauseMs?: number });
      expect(logged.find((l) => l.msg === 'destination asked to slow down (429): host paused')?.pauseMs).toBe(
        1_000,
      );
    },
  );
});

/** The relay's shape of a preset's documented `rateLimit` ({ requests, perMs, scope, concurrency? }). */
function asRelayRule(declared: {
  requests: number;
  perMs: number;
  scope: string;
  concurrency?: number;
}): RateLimit {
  return {
    limit: declared.requests,
    windowMs: declared.perMs,
    ...(declared.scope === 'webhook' ? { per: 'url' as const } : {}),
    ...(declared.concurrency ? { concurrency: declared.concurrency } : {}),
  };
}

describe('agreement with the target presets', () => {
  type Declared = Parameters<typeof asRelayRule>[0];
  const withLimits = targets.filter((t) => (t as { rateLimit?: unknown }).rateLimit !== undefined);

  it('every preset with a documented rateLimit has the same default here, by host', (ctx) => {
    if (withLimits.length === 0)
      ctx.skip('no target preset carries a rateLimit field yet (@hookmap/targets, issue 16)');
    let compared = 0;
    for (const target of withLimits) {
      const declared = (target as unknown as { rateLimit: Declared }).rateLimit;
      const host = /^https:\/\/([^/{}]+)\//.exec(target.url)?.[1];
      if (!host) continue; // the host comes from a secret (Salesforce instance, Pipedrive domain, Slack webhook URL)
      expect({ target: target.id, rule: rateLimitFor(host, DEFAULT_RATE_LIMITS) }).toEqual({
        target: target.id,
        rule: asRelayRule(declared),
      });
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('presets whose host comes from a secret match the default of the host they document', (ctx) => {
    if (withLimits.length === 0)
      ctx.skip('no target preset carries a rateLimit field yet (@hookmap/targets, issue 16)');
    const byCrm: Record<string, string> = { slack: 'hooks.slack.com', pipedrive: 'acme.pipedrive.com' };
    for (const target of withLimits.filter((t) => byCrm[t.crm] && !/^https:\/\/[^/{}]+\//.test(t.url))) {
      const declared = (target as unknown as { rateLimit: Declared }).rateLimit;
      expect({ target: target.id, rule: rateLimitFor(byCrm[target.crm]!, DEFAULT_RATE_LIMITS) }).toEqual({
        target: target.id,
        rule: asRelayRule(declared),
      });
    }
  });
});
