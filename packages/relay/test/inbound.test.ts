import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendee, signAttendeePayload } from '@hookmap/providers';
import { startTestRelay } from './helpers/relay.js';
import type { TestRelay } from './helpers/relay.js';
import { startSink } from './helpers/sink.js';
import type { Sink } from './helpers/sink.js';

const ATTENDEE_SECRET = Buffer.from('attendee-project-secret-0123456789').toString('base64');
const SW_SECRET = `whsec_${Buffer.from('standard-webhooks-secret-abcdef').toString('base64')}`;

let relay: TestRelay;
let sink: Sink;

beforeAll(async () => {
  relay = await startTestRelay({ maxBodyBytes: 4096 });
  sink = await startSink();
});
afterAll(async () => {
  await relay.close();
  await sink.close();
});

async function attendeeSource(): Promise<string> {
  const source = await relay.api('POST', '/api/sources', {
    name: 'Attendee',
    provider: 'attendee',
    secret: ATTENDEE_SECRET,
  });
  expect(source.status).toBe(201);
  const integration = await relay.api('POST', '/api/integrations', {
    sourceId: source.body.id,
    doc: {
      url: `${sink.url}/attendee`,
      body: { mode: 'template', template: { bot: '{{bot_id}}', key: '{{idempotency_key}}' } },
    },
  });
  expect(integration.status).toBe(201);
  return source.body.id;
}

function attendeeSample(key: string): string {
  const payload = structuredClone(attendee.samples[0]!.payload) as Record<string, unknown>;
  return JSON.stringify({ ...payload, idempotency_key: key });
}

async function postRaw(sourceId: string, raw: string, headers: Record<string, string>) {
  const res = await fetch(relay.hookUrl(sourceId), { method: 'POST', headers, body: raw });
  return {
    status: res.status,
    body: (await res.json()) as { status?: string; message?: string; eventId?: string },
  };
}

describe('inbound signatures', () => {
  it('accepts a correctly signed Attendee webhook and rejects a wrong or missing signature with 401', async () => {
    const sourceId = await attendeeSource();
    const raw = attendeeSample('sig-ok-1');
    const signature = await signAttendeePayload(raw, ATTENDEE_SECRET);
    const good = await postRaw(sourceId, raw, {
      'content-type': 'application/json',
      'x-webhook-signature': signature,
    });
    expect(good).toMatchObject({ status: 202, body: { status: 'accepted', deliveries: 1 } });

    const tampered = raw.replace('sig-ok-1', 'sig-ok-2');
    const bad = await postRaw(sourceId, tampered, {
      'content-type': 'application/json',
      'x-webhook-signature': signature,
    });
    expect(bad).toMatchObject({ status: 401, body: { error: 'bad_signature' } });
    const missing = await postRaw(sourceId, tampered, { 'content-type': 'application/json' });
    expect(missing.status).toBe(401);
    expect(missing.body.message).toMatch(/missing x-webhook-signature/);

    await sink.waitFor(1);
    const events = await relay.api('GET', `/api/events?sourceId=${sourceId}`);
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0].body).toBe(raw);
  });

  it('verifies Standard Webhooks when a source is configured for it', async () => {
    const source = await relay.api('POST', '/api/sources', {
      provider: null,
      verification: 'standard-webhooks',
      secret: SW_SECRET,
    });
    const raw = JSON.stringify({ hello: 'world' });
    const id = 'msg_2b1',
      ts = String(Math.floor(Date.now() / 1000));
    const key = Buffer.from(SW_SECRET.slice(6), 'base64');
    const sig = createHmac('sha256', key).update(`${id}.${ts}.${raw}`).digest('base64');
    const headers = { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': ts };
    expect(
      (await postRaw(source.body.id, raw, { ...headers, 'webhook-signature': `v1,${sig}` })).status,
    ).toBe(202);
    expect(
      (await postRaw(source.body.id, raw, { ...headers, 'webhook-signature': `v1,${sig.slice(1)}A` })).status,
    ).toBe(401);
    // the webhook-id is the idempotency key
    expect(
      (await postRaw(source.body.id, raw, { ...headers, 'webhook-signature': `v1,${sig}` })).body.status,
    ).toBe('duplicate');
  });

  it('refuses a secret on a provider that does not sign, unless Standard Webhooks is chosen', async () => {
    const r = await relay.api('POST', '/api/sources', { provider: 'osvi', secret: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/does not sign/);
  });
});

describe('inbound bodies and duplicates', () => {
  it('answers a repeated idempotency key with 200 and delivers it once', async () => {
    const sourceId = await attendeeSource();
    const before = sink.requests.length;
    const raw = attendeeSample('dup-key-1');
    const headers = {
      'content-type': 'application/json',
      'x-webhook-signature': await signAttendeePayload(raw, ATTENDEE_SECRET),
    };
    const first = await postRaw(sourceId, raw, headers);
    const again = await Promise.all([postRaw(sourceId, raw, headers), postRaw(sourceId, raw, headers)]);
    expect(first.status).toBe(202);
    for (const r of again)
      expect(r).toMatchObject({ status: 200, body: { status: 'duplicate', eventId: first.body.eventId } });
    await sink.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 150));
    expect(sink.requests.filter((r) => r.body.includes('dup-key-1'))).toHaveLength(1);
  });

  it('rejects oversized, malformed, non-JSON and non-object bodies with a clear 4xx', async () => {
    const source = await relay.api('POST', '/api/sources', { provider: null });
    const id = source.body.id;
    const big = await relay.hook(id, { blob: 'x'.repeat(5000) });
    expect(big).toMatchObject({ status: 413, body: { error: 'body_too_large' } });
    expect(big.body.message).toMatch(/4096 bytes/);
    const malformed = await relay.hook(id, '{"a": 1,');
    expect(malformed).toMatchObject({ status: 400, body: { error: 'malformed_json' } });
    const text = await fetch(relay.hookUrl(id), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { message: string }).message).toMatch(/application\/json/);
    expect((await relay.hook(id, [1, 2])).status).toBe(400);
    expect((await relay.hook(id, '')).status).toBe(400);
    expect((await relay.hook('no-such-source', { a: 1 })).status).toBe(404);
    expect((await relay.api('GET', `/api/events?sourceId=${id}`)).body.items).toEqual([]);
  });

  it('acknowledges before delivery finishes (a slow destination does not slow the answer)', async () => {
    const slow = await startSink(() => ({ status: 200, delayMs: 1500 }));
    try {
      const source = await relay.api('POST', '/api/sources', { provider: null });
      await relay.api('POST', '/api/integrations', {
        sourceId: source.body.id,
        doc: { url: slow.url, body: { mode: 'template', template: {} } },
      });
      const started = Date.now();
      const ack = await relay.hook(source.body.id, { a: 1 });
      expect(ack.status).toBe(202);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await slow.close();
    }
  });
});

describe('integration events filter', () => {
  it('creates deliveries only for integrations that list the webhook event (or list none)', async () => {
    const source = await relay.api('POST', '/api/sources', {
      name: 'Attendee',
      provider: 'attendee',
      secret: ATTENDEE_SECRET,
    });
    const make = async (events?: string[]) => {
      const res = await relay.api('POST', '/api/integrations', {
        sourceId: source.body.id,
        doc: {
          url: `${sink.url}/filtered`,
          body: { mode: 'template', template: { t: '{{trigger}}' } },
          ...(events ? { events } : {}),
        },
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const all = await make();
    const transcripts = await make(['transcript.update']);
    const badShape = await relay.api('POST', '/api/integrations', {
      sourceId: source.body.id,
      doc: { url: sink.url, events: 'transcript.update' },
    });
    expect(badShape.status).toBe(422);
    expect(badShape.text).toMatch(/events/);
    const send = async (trigger: string) => {
      const sample = attendee.samples.find((s) => (s.payload as { trigger?: string }).trigger === trigger);
      const raw = JSON.stringify({ ...(sample!.payload as object), idempotency_key: `filter-${trigger}` });
      const signature = await signAttendeePayload(raw, ATTENDEE_SECRET);
      return postRaw(source.body.id, raw, {
        'content-type': 'application/json',
        'x-webhook-signature': signature,
      });
    };
    expect(await send('bot.state_change')).toMatchObject({ status: 202, body: { deliveries: 1 } });
    expect(await send('transcript.update')).toMatchObject({ status: 202, body: { deliveries: 2 } });
    const of = async (id: string) =>
      (await relay.api('GET', `/api/deliveries?integrationId=${id}`)).body.items.length;
    expect(await of(all)).toBe(2);
    expect(await of(transcripts)).toBe(1);
  });

  it('creates a delivery only when the integration\'s "when" holds for the webhook', async () => {
    const source = await relay.api('POST', '/api/sources', {
      name: 'Attendee',
      provider: 'attendee',
      secret: ATTENDEE_SECRET,
    });
    const made = await relay.api('POST', '/api/integrations', {
      sourceId: source.body.id,
      doc: {
        url: `${sink.url}/ended`,
        when: "{{ data.new_state == 'ended' }}",
        body: { mode: 'template', template: { s: '{{data.new_state}}' } },
      },
    });
    expect(made.status).toBe(201);
    const broken = await relay.api('POST', '/api/integrations', {
      sourceId: source.body.id,
      doc: { url: sink.url, when: '{{ data.new_state == }}' },
    });
    expect(broken.status).toBe(422);
    expect(broken.text).toMatch(/\/when/);
    const state = attendee.samples.find(
      (x) => (x.payload as { trigger?: string }).trigger === 'bot.state_change',
    )!.payload as { data: object };
    const send = async (newState: string) => {
      const raw = JSON.stringify({
        ...state,
        data: { ...state.data, new_state: newState },
        idempotency_key: `when-${newState}`,
      });
      return postRaw(source.body.id, raw, {
        'content-type': 'application/json',
        'x-webhook-signature': await signAttendeePayload(raw, ATTENDEE_SECRET),
      });
    };
    expect(await send('joining')).toMatchObject({ status: 202, body: { deliveries: 0 } });
    expect(await send('ended')).toMatchObject({ status: 202, body: { deliveries: 1 } });
  });
});
