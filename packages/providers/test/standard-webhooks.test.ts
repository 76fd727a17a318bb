import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyStandardWebhook } from '../src/index.js';

const keyBytes = Buffer.from('hookmap standard webhooks test key!!');
const secret = `whsec_${keyBytes.toString('base64')}`;
const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
const timestamp = 1_700_000_000;
const now = timestamp * 1000;
const body = '{"type":"call.completed","data":{"name":"Zoë","amount":1.0}}';

function sign(content: string, key: Buffer = keyBytes): string {
  return `v1,${createHmac('sha256', key).update(content).digest('base64')}`;
}

function headers(signature: string, ts = String(timestamp)) {
  return { 'Webhook-Id': id, 'Webhook-Timestamp': ts, 'Webhook-Signature': signature };
}

describe('verifyStandardWebhook', () => {
  const good = sign(`${id}.${timestamp}.${body}`);

  it('accepts a valid signature, as text or bytes, with any header case', async () => {
    expect(await verifyStandardWebhook(body, headers(good), secret, { now })).toBe(true);
    expect(await verifyStandardWebhook(new TextEncoder().encode(body), headers(good), secret, { now })).toBe(
      true,
    );
    const svix = { 'svix-id': id, 'svix-timestamp': String(timestamp), 'svix-signature': good };
    expect(await verifyStandardWebhook(body, svix, secret, { now: new Date(now) })).toBe(true);
  });

  it('accepts when any of several space-separated signatures matches', async () => {
    const list = `v1,${Buffer.alloc(32).toString('base64')} v1a,ignored ${good}`;
    expect(await verifyStandardWebhook(body, headers(list), secret, { now })).toBe(true);
  });

  it('rejects a tampered body, another id, a wrong secret, a missing header', async () => {
    expect(await verifyStandardWebhook(body.replace('Zoë', 'Zoe'), headers(good), secret, { now })).toBe(
      false,
    );
    const otherId = { ...headers(good), 'Webhook-Id': 'msg_other' };
    expect(await verifyStandardWebhook(body, otherId, secret, { now })).toBe(false);
    const wrong = `whsec_${Buffer.from('another key').toString('base64')}`;
    expect(await verifyStandardWebhook(body, headers(good), wrong, { now })).toBe(false);
    const { 'Webhook-Timestamp': _dropped, ...noTimestamp } = headers(good);
    expect(await verifyStandardWebhook(body, noTimestamp, secret, { now })).toBe(false);
    expect(await verifyStandardWebhook(body, headers('v2,abc'), secret, { now })).toBe(false);
  });

  it('enforces the timestamp tolerance, five minutes by default', async () => {
    expect(await verifyStandardWebhook(body, headers(good), secret, { now: now + 300_000 })).toBe(true);
    expect(await verifyStandardWebhook(body, headers(good), secret, { now: now + 301_000 })).toBe(false);
    expect(await verifyStandardWebhook(body, headers(good), secret, { now: now - 301_000 })).toBe(false);
    const wide = { now: now + 3_600_000, toleranceSeconds: 3600 };
    expect(await verifyStandardWebhook(body, headers(good), secret, wide)).toBe(true);
    const late = sign(`${id}.abc.${body}`);
    expect(await verifyStandardWebhook(body, headers(late, 'abc'), secret, { now })).toBe(false);
  });

  it('takes a secret without the whsec_ prefix as plain base64', async () => {
    expect(await verifyStandardWebhook(body, headers(good), keyBytes.toString('base64'), { now })).toBe(true);
  });
});
