/** The editor's relay client for SPEC §12 (events, replay, versions, plan, publish), against a fake fetch. */
import { describe, expect, it } from 'vitest';
import { fakeFetch } from './support/fake-fetch.js';
import { createRelayApi, RelayError } from '../src/logs/api.js';

const api = () => createRelayApi('http://relay.test/', 'tok');

describe('relay client (SPEC §12 routes)', () => {
  it("lists a source's events and replays one through the live or a pinned version", async () => {
    const calls = fakeFetch((c) => ({
      body:
        c.method === 'GET'
          ? { items: [{ id: 'evt_1', body: '{}' }], next: null }
          : { replayed: ['d2'], count: 1, duplicates: 0 },
    }));
    expect(await api().events('src 1', 5)).toEqual([{ id: 'evt_1', body: '{}' }]);
    expect(await api().replay('evt_1', 'int_1')).toEqual({ replayed: ['d2'], count: 1, duplicates: 0 });
    await api().replay('evt/1', 'int_1', 3);
    await api().replayMany({ integrationId: 'int_1', status: 'failed', version: 2 });
    expect(calls).toEqual([
      {
        method: 'GET',
        url: 'http://relay.test/api/events?sourceId=src+1&limit=5',
        auth: 'Bearer tok',
        body: undefined,
      },
      {
        method: 'POST',
        url: 'http://relay.test/api/events/evt_1/replay',
        auth: 'Bearer tok',
        body: { integrationId: 'int_1' },
      },
      {
        method: 'POST',
        url: 'http://relay.test/api/events/evt%2F1/replay',
        auth: 'Bearer tok',
        body: { integrationId: 'int_1', version: 3 },
      },
      {
        method: 'POST',
        url: 'http://relay.test/api/events/replay',
        auth: 'Bearer tok',
        body: { integrationId: 'int_1', status: 'failed', version: 2 },
      },
    ]);
  });

  it('reads versions, one version, rolls back, plans and publishes with a message', async () => {
    const calls = fakeFetch(() => ({ body: { ok: true } }));
    const doc = {
      name: 'x',
      method: 'POST',
      url: 'https://example.com',
      body: { mode: 'template', template: { a: 1 } },
    };
    await api().versions('int_1');
    await api().version('int_1', 2);
    await api().rollback('int_1', 2);
    await api().rollback('int_1', 1, 'back to the first');
    await api().plan('int_1', doc, 50);
    await api().plan('int_1', doc);
    await api().publish('int_1', doc, 'map the title');
    await api().publish('int_1', doc);
    expect(calls.map((c) => [c.method, c.url.replace('http://relay.test', ''), c.body])).toEqual([
      ['GET', '/api/integrations/int_1/versions', undefined],
      ['GET', '/api/integrations/int_1/versions/2', undefined],
      ['POST', '/api/integrations/int_1/rollback', { version: 2 }],
      ['POST', '/api/integrations/int_1/rollback', { version: 1, message: 'back to the first' }],
      ['POST', '/api/integrations/int_1/plan', { doc, limit: 50 }],
      ['POST', '/api/integrations/int_1/plan', { doc }],
      ['PATCH', '/api/integrations/int_1', { doc, message: 'map the title' }],
      ['PATCH', '/api/integrations/int_1', { doc }],
    ]);
  });

  it("turns an error answer into a RelayError with the relay's message and status", async () => {
    fakeFetch(() => ({
      status: 409,
      body: { error: 'already_live', message: 'version 2 has the live document already (version 2)' },
    }));
    const failure = await api()
      .rollback('int_1', 2)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RelayError);
    expect((failure as RelayError).status).toBe(409);
    expect((failure as RelayError).message).toBe('version 2 has the live document already (version 2)');
  });

  it('filters deliveries by event and by the skipped status', async () => {
    const calls = fakeFetch(() => ({ body: { items: [], next: null } }));
    await api().deliveries({ eventId: 'evt_1', status: 'skipped' }, { limit: 10 });
    expect(calls[0]!.url).toBe('http://relay.test/api/deliveries?eventId=evt_1&status=skipped&limit=10');
  });
});
