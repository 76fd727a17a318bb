import { describe, expect, it } from 'vitest';
import {
  checkLiteralHost,
  DestinationRefused,
  isAllowed,
  isPrivateAddress,
  parseAllowList,
} from '../src/delivery/address.js';
import { backoffDelay, isRetryable, nextDelay, parseRetryAfter } from '../src/delivery/backoff.js';

describe('private address ranges', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '0:0:0:0:0:ffff:10.0.0.1',
    'not-an-ip',
  ])('%s is private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '1.1.1.1', '2606:4700:4700::1111', '::ffff:808:808'])(
    '%s is public',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  it('lets allow-listed addresses and ranges through, and only those', () => {
    const allow = parseAllowList(['127.0.0.1', '10.0.0.0/8', '::1/128']);
    expect(isAllowed('127.0.0.1', allow)).toBe(true);
    expect(isAllowed('::ffff:7f00:1', allow)).toBe(true);
    expect(isAllowed('10.200.1.1', allow)).toBe(true);
    expect(isAllowed('::1', allow)).toBe(true);
    expect(isAllowed('127.0.0.2', allow)).toBe(false);
    expect(isAllowed('192.168.0.1', allow)).toBe(false);
    expect(() => parseAllowList(['localhost'])).toThrow(/not an IP address/);
  });

  it('checks literal URL hosts against each allow-list, the same on every call', () => {
    const loopback = parseAllowList(['127.0.0.1']);
    const none = parseAllowList([]);
    for (let round = 0; round < 3; round++) {
      expect(() => checkLiteralHost('127.0.0.1', loopback)).not.toThrow();
      expect(() => checkLiteralHost('127.0.0.1', none)).toThrow(DestinationRefused);
      expect(() => checkLiteralHost('[::1]', loopback)).toThrow(/destination ::1 is a private/);
      expect(() => checkLiteralHost('10.0.0.1', loopback)).toThrow(DestinationRefused);
      expect(() => checkLiteralHost('93.184.216.34', none)).not.toThrow();
      expect(() => checkLiteralHost('api.hubapi.com', none)).not.toThrow();
    }
  });
});

describe('retry schedule', () => {
  const policy = { maxAttempts: 5, backoffBaseMs: 1000, backoffMaxMs: 60_000 };

  it('doubles the delay per attempt with jitter in [half, full]', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1000);
    expect(backoffDelay(3, policy, () => 1)).toBe(4000);
    expect(backoffDelay(20, policy, () => 1)).toBe(60_000);
  });

  it('reads Retry-After as seconds or an HTTP date and caps it', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThan(8000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(nextDelay(1, '3', policy)).toBe(3000);
    expect(nextDelay(1, '99999', policy)).toBe(60_000);
  });

  it('retries network errors, 5xx, 408 and 429 only', () => {
    expect([null, 500, 502, 503, 408, 429].every(isRetryable)).toBe(true);
    expect([400, 401, 403, 404, 409, 410, 422, 301, 302].some(isRetryable)).toBe(false);
  });
});
