/**
 * Issue #12: a secret is masked in every form a template can give it — a header whose template reads a
 * secret is masked whole (the Close preset's `Basic {{ secrets.KEY | append: ":" | base64 }}`), and any
 * echo of its rendered value or of a secret under url_encode, base64, upper or lower is masked in stored
 * attempts, logs and API answers. Inbound credential headers are not stored or returned in clear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay } from './helpers/relay.js';
import type { TestRelay } from './helpers/relay.js';
import { startSink } from './helpers/sink.js';
import type { Sink } from './helpers/sink.js';
import { Redactor, secretHeaderNames } from '../src/redact.js';
import { newId, nowIso } from '../src/ids.js';

const CLOSE_KEY = 'api_7Hq2LmZ9pXw4';
const URL_SECRET = 'tok en/+&=Zq9ü';
const CASED = 'MixedCaseSecret42';
const B64_SECRET = 'raw-b64-secret-x';

let relay: TestRelay;
let echo: Sink;

beforeAll(async () => {
  relay = await startTestRelay();
  // Echoes everything it got, in the body and in a response header.
  echo = await startSink((req) => ({
    status: 200,
    headers: {
      'x-echo-authorization': String(req.headers.authorization),
      'content-type': 'application/json',
    },
    body: JSON.stringify({ url: req.url, headers: req.headers, body: req.body }),
  }));
});
afterAll(async () => {
  await relay.close();
  await echo.close();
});

function forms(): string[] {
  const basic = Buffer.from(`${CLOSE_KEY}:`).toString('base64');
  const urlEncoded = encodeURIComponent(URL_SECRET).replace(/%20/g, '+');
  return [
    CLOSE_KEY,
    basic,
    `Basic ${basic}`,
    URL_SECRET,
    urlEncoded,
    encodeURIComponent(URL_SECRET),
    CASED,
    CASED.toUpperCase(),
    CASED.toLowerCase(),
    B64_SECRET,
    Buffer.from(B64_SECRET).toString('base64'),
    Buffer.from(B64_SECRET).toString('base64url'),
  ];
}

describe('outbound secrets in every encoding', () => {
  it('masks secret headers whole and every echo of their values in attempts, API answers and logs', async () => {
    const source = await relay.api('POST', '/api/sources', { provider: null });
    const integration = await relay.api('POST', '/api/integrations', {
      sourceId: source.body.id,
      doc: {
        url: `${echo.url}/in?q={{ secrets.URL_SECRET | url_encode }}`,
        headers: {
          Authorization: 'Basic {{ secrets.CLOSE_KEY | append: ":" | base64 }}',
          'X-Q': '{{ secrets.URL_SECRET | url_encode }}',
          'X-Upper': 'v={{ secrets.CASED | upper }}',
          'X-Encoded': '{{ secrets.B64_SECRET | base64 }}',
          'X-Plain': 'hello {{ id }}',
        },
        body: { mode: 'template', template: { lower: '{{ secrets.CASED | lower }}', id: '{{ id }}' } },
      },
      secrets: { CLOSE_KEY, URL_SECRET, CASED, B64_SECRET },
    });
    expect(integration.status).toBe(201);
    const sent = await relay.hook(source.body.id, { id: 'm1' });
    expect(sent.status).toBe(202);
    const attempts = await relay.until(
      () => relay.api('GET', `/api/attempts?integrationId=${integration.body.id}`),
      (r) => r.body.items.length === 1,
    );
    // the destination got the real values
    const got = echo.requests.at(-1)!;
    expect(got.headers.authorization).toBe(`Basic ${Buffer.from(`${CLOSE_KEY}:`).toString('base64')}`);
    expect(got.headers['x-upper']).toBe(`v=${CASED.toUpperCase()}`);
    const attempt = attempts.body.items[0];
    expect(attempt.outcome).toBe('success');
    expect(attempt.request.headers).toMatchObject({
      authorization: '[redacted]',
      'x-q': '[redacted]',
      'x-upper': '[redacted]',
      'x-encoded': '[redacted]',
      'x-plain': 'hello m1',
    });
    expect(attempt.responseHeaders['x-echo-authorization']).toBe('[redacted]');
    const delivery = await relay.api('GET', `/api/deliveries/${attempt.deliveryId}`);
    const everything = [attempts.text, delivery.text, ...relay.logLines].join('\n');
    for (const form of forms()) expect(everything, form).not.toContain(form);
    expect(everything).toContain('hello m1');
  });

  it('decides from the template, not the value: a header built from a secret is secret whatever filters ran', () => {
    const names = secretHeaderNames({
      url: 'https://x.example/',
      headers: {
        Authorization: 'Basic {{ secrets.K | append: ":" | base64 }}',
        'X-Conn': '{{ $.connection.access_token | upper }}',
        'X-Quoted': '{{ secrets["A"] }}',
        'X-Mixed': '{{ secrets.A ?? id }}',
        'X-Id': '{{ id }}',
        'X-Literal': 'v1',
      },
      steps: undefined,
    });
    expect([...names].sort()).toEqual(['authorization', 'x-conn', 'x-mixed', 'x-quoted']);
    const r = Redactor.forIntegration({
      doc: { url: 'https://x', headers: { 'X-Id': '{{ id }}' } },
      secrets: { K: 'user-secret' },
    });
    // base64 of the secret inside a longer value, at every alignment
    for (const prefix of ['', 'a', 'ab', 'abc:']) {
      const encoded = Buffer.from(`${prefix}user-secret:tail`).toString('base64');
      expect(r.text(`echo ${encoded}`), prefix).toContain('[redacted]');
    }
    expect(r.headers({ 'x-id': 'm1' })).toEqual({ 'x-id': 'm1' });
  });
});

describe('attempts recorded before masking', () => {
  it('are masked again with the integration secrets when the admin API returns them', async () => {
    const source = await relay.api('POST', '/api/sources', { provider: null });
    const integration = await relay.api('POST', '/api/integrations', {
      sourceId: source.body.id,
      doc: { url: `${echo.url}/old`, headers: { 'X-Key': '{{ secrets.K | base64 }}' } },
      secrets: { K: CLOSE_KEY },
    });
    const now = nowIso();
    const event = {
      id: newId('evt'),
      sourceId: source.body.id,
      idempotencyKey: null,
      body: '{}',
      headers: {},
      receivedAt: now,
      test: true,
    };
    const delivery = {
      id: newId('dlv'),
      eventId: event.id,
      integrationId: integration.body.id,
      sourceId: source.body.id,
      status: 'pending' as const,
      attemptCount: 0,
      maxAttempts: 1,
      nextAttemptAt: now,
      lastStatus: null,
      lastError: null,
      createdAt: now,
      updatedAt: now,
    };
    await relay.store.acceptEvent({
      event,
      deliveries: [delivery],
      leaseOwner: 'old-relay',
      leaseMs: 60_000,
    });
    const encoded = Buffer.from(CLOSE_KEY).toString('base64');
    await relay.store.recordAttempt(
      {
        id: newId('att'),
        deliveryId: delivery.id,
        integrationId: integration.body.id,
        eventId: event.id,
        number: 1,
        startedAt: now,
        durationMs: 1,
        request: { method: 'POST', url: `${echo.url}/old`, headers: { 'x-key': encoded }, body: null },
        responseStatus: 200,
        responseHeaders: { 'x-echo': encoded },
        responseBody: `you sent ${encoded}`,
        error: null,
        outcome: 'success',
        worker: 'old-relay',
      },
      { status: 'succeeded', nextAttemptAt: now, lastStatus: 200, lastError: null },
    );
    const list = await relay.api('GET', `/api/attempts?deliveryId=${delivery.id}`);
    const one = await relay.api('GET', `/api/deliveries/${delivery.id}`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].request.headers['x-key']).toBe('[redacted]');
    for (const text of [list.text, one.text]) expect(text).not.toContain(encoded);
  });
});

describe('inbound credential headers', () => {
  it('keeps them by name with their values masked, and never returns them in clear', async () => {
    const source = await relay.api('POST', '/api/sources', { provider: null });
    const credentials: Record<string, string> = {
      authorization: 'Bearer inbound-bearer-5f1c',
      'x-api-key': 'inbound-api-key-77aa',
      cookie: 'session=inbound-cookie-93',
      'x-webhook-signature': 'inbound-signature-0b0b',
      'x-auth-token': 'inbound-auth-token-1d2e',
    };
    const sent = await relay.hook(source.body.id, { id: 'in1' }, credentials);
    expect(sent.status).toBe(202);
    const event = await relay.api('GET', `/api/events/${sent.body.eventId}`);
    const list = await relay.api('GET', `/api/events?sourceId=${source.body.id}`);
    for (const name of Object.keys(credentials)) expect(event.body.headers[name], name).toBe('[redacted]');
    for (const value of Object.values(credentials)) {
      expect(event.text).not.toContain(value);
      expect(list.text).not.toContain(value);
      expect(relay.logLines.join('\n')).not.toContain(value);
    }
    // the stored record itself holds no credential
    const stored = await relay.store.getEvent(sent.body.eventId);
    for (const value of Object.values(credentials)) expect(JSON.stringify(stored)).not.toContain(value);
  });
});
