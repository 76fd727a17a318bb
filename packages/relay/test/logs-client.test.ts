/** The editor's Integration Logs client (apps/editor/src/logs/api.ts) against a live relay: the two agree. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRelayApi, RelayError } from '../../../apps/editor/src/logs/api.js';
import { ADMIN_TOKEN, startTestRelay, sourceWithIntegration } from './helpers/relay.js';
import type { TestRelay } from './helpers/relay.js';
import { startSink } from './helpers/sink.js';
import type { Sink } from './helpers/sink.js';

let relay: TestRelay;
let sink: Sink;
let fail = true;

beforeAll(async () => {
  relay = await startTestRelay();
  sink = await startSink(() => (fail ? { status: 422, body: '{"error":"missing field"}' } : { status: 200 }));
});
afterAll(async () => {
  await relay.close();
  await sink.close();
});

it('lists, inspects, retries (one and bulk) and sends a test through the editor client', async () => {
  const api = createRelayApi(relay.url, ADMIN_TOKEN);
  const { sourceId, integrationId } = await sourceWithIntegration(relay, `${sink.url}/crm`);
  for (const n of [1, 2, 3]) await relay.hook(sourceId, { id: `c${n}`, n });
  await relay.until(
    () => api.deliveries({ integrationId, status: 'failed' }),
    (p) => p.items.length === 3,
  );

  expect((await api.sources()).map((x) => x.id)).toContain(sourceId);
  expect((await api.integrations(sourceId)).map((i) => i.id)).toEqual([integrationId]);
  const page = await api.deliveries({ integrationId }, { limit: 2 });
  expect(page.items).toHaveLength(2);
  expect((await api.deliveries({ integrationId }, { limit: 2, before: page.next! })).items).toHaveLength(1);

  const detail = await api.delivery(page.items[0]!.id);
  expect(detail.attempts[0]).toMatchObject({
    responseStatus: 422,
    responseBody: '{"error":"missing field"}',
    outcome: 'failed',
  });
  expect(detail.attempts[0]!.request?.url).toBe(`${sink.url}/crm`);

  fail = false;
  expect((await api.retry(page.items[0]!.id)).count).toBe(1);
  await relay.until(
    () => api.deliveries({ integrationId, status: 'succeeded' }),
    (p) => p.items.length === 1,
  );
  expect((await api.retryMany({ integrationId, status: 'failed' })).count).toBe(2);
  await relay.until(
    () => api.deliveries({ integrationId, status: 'succeeded' }),
    (p) => p.items.length === 3,
  );

  const test = await api.sendTest(integrationId);
  expect(test.attempt).toMatchObject({ outcome: 'success', responseStatus: 200 });
});

it('reports a wrong token as unauthorized and an unreachable relay clearly', async () => {
  await expect(createRelayApi(relay.url, 'nope').sources()).rejects.toMatchObject({
    status: 401,
    message: expect.stringMatching(/^unauthorized/),
  });
  const err = await createRelayApi('http://127.0.0.1:9', ADMIN_TOKEN)
    .sources()
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(RelayError);
  expect((err as RelayError).message).toMatch(/cannot reach the relay/);
});
