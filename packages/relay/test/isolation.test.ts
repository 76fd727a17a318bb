/**
 * Isolation per destination host (SPEC §13): a host that hangs holds at most its share of the attempt
 * pool and does not delay the others; a host that keeps failing has its circuit opened, its deliveries
 * parked (no attempt spent) until one probe shows it answers again.
 */
import { afterEach, expect, it } from 'vitest';
import { sourceWithIntegration, startTestRelay, type TestRelay } from './helpers/relay.js';
import { startSink, type Sink } from './helpers/sink.js';
import { HostGate } from '../src/delivery/host-gate.js';
import { MemoryRateWindow } from '../src/delivery/rate-window.js';
import { RelayMetrics } from '../src/metrics.js';
import { createLogger } from '../src/log.js';

let relay: TestRelay | null = null;
const sinks: Sink[] = [];
afterEach(async () => {
  await relay?.close();
  relay = null;
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});

async function sink(reply?: Parameters<typeof startSink>[0]): Promise<Sink> {
  const s = await startSink(reply);
  sinks.push(s);
  return s;
}

it('keeps a healthy destination fast while 200 deliveries hang on another', { timeout: 60_000 }, async () => {
  const hanging = await sink(() => 'hang');
  const healthy = await sink(() => ({ status: 200 }));
  // Without isolation the hanging deliveries take all 16 slots for the whole 10 s timeout.
  relay = await startTestRelay({ concurrency: 16, timeoutMs: 10_000, shutdownMs: 200 });
  const stuck = await sourceWithIntegration(relay, `${hanging.url}/in`);
  const fine = await sourceWithIntegration(relay, `${healthy.url}/in`);
  for (let i = 0; i < 200; i++)
    expect((await relay.hook(stuck.sourceId, { id: `s${i}`, n: i })).status).toBe(202);
  await hanging.waitFor(4);

  const latencies: number[] = [];
  for (let i = 0; i < 20; i++) {
    const sent = Date.now();
    expect((await relay.hook(fine.sourceId, { id: `f${i}`, n: i })).status).toBe(202);
    await healthy.waitFor(i + 1, 10_000);
    latencies.push(healthy.requests[i]!.at - sent);
  }
  console.log(
    `[isolation] healthy latency ms: max ${Math.max(...latencies)}, median ${latencies.sort((a, b) => a - b)[10]}`,
  );
  expect(Math.max(...latencies)).toBeLessThan(2_000);
  // The hanging host holds its share (a quarter of 16) and no more.
  expect(hanging.requests.length).toBe(4);
});

it(
  "opens a failing host's circuit, parks its deliveries, and closes it after a successful probe",
  { timeout: 60_000 },
  async () => {
    const flaky = await sink((_req, i) => (i < 5 ? { status: 500 } : { status: 200 }));
    relay = await startTestRelay({
      hostConcurrency: 1,
      breakerFailures: 5,
      breakerCooldownMs: 800,
      maxAttempts: 10,
      backoffBaseMs: 10,
      backoffMaxMs: 50,
    });
    const { sourceId, integrationId } = await sourceWithIntegration(relay, `${flaky.url}/in`);
    for (let i = 0; i < 6; i++) expect((await relay.hook(sourceId, { id: `c${i}`, n: i })).status).toBe(202);
    await relay.until(
      () => relay!.api('GET', `/api/deliveries?integrationId=${integrationId}&status=succeeded`),
      (r) => r.body.items.length === 6,
      20_000,
    );
    const at = flaky.requests.map((r) => r.at);
    // Five failures in a row, then nothing reaches the host until the cool-down has passed.
    expect(at[5]! - at[4]!).toBeGreaterThanOrEqual(700);
    expect(flaky.requests).toHaveLength(11);
    const attempts = await relay.api('GET', `/api/attempts?integrationId=${integrationId}&limit=100`);
    expect(attempts.body.items).toHaveLength(11); // parking spent no attempt
    const logged = relay.logLines.map((l) => JSON.parse(l) as { msg: string });
    expect(logged.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['circuit open: host parked', 'circuit closed: host answers again']),
    );
  },
);

it('holds a host to the concurrency its CRM documents, below its share of the pool', async () => {
  const gate = new HostGate({
    hostConcurrency: 8,
    breakerFailures: 5,
    breakerCooldownMs: 1_000,
    timeoutMs: 5_000,
    rateLimits: {},
    window: new MemoryRateWindow(),
    metrics: new RelayMetrics(async () => ({ pending: 0, due: 0, oldestPendingAt: null })),
    log: createLogger(() => undefined),
  });
  const zoho = {
    method: 'POST',
    url: 'https://www.zohoapis.com/crm/v8/Notes',
    headers: { authorization: 'Zoho-oauthtoken x' },
    body: '{}',
  };
  const verdicts = [];
  for (let i = 0; i < 7; i++) verdicts.push(await gate.admit(zoho, undefined, 'www.zohoapis.com'));
  expect(verdicts.map((v) => (v.go ? 'go' : v.reason))).toEqual([
    'go',
    'go',
    'go',
    'go',
    'go',
    'concurrency',
    'concurrency',
  ]);
  const other = await gate.admit({ ...zoho, url: 'https://api.example.com/x' }, undefined, 'api.example.com');
  expect(other.go).toBe(true);
});
