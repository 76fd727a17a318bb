import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { BlockedAddressError, assertPublicDestination, guardedLookup } from '../src/net/guard.js';
import { parseDuration } from '../src/net/send.js';

function fakeDns(answers: Record<string, LookupAddress[]>) {
  return (host: string, callback: (error: Error | null, addresses: LookupAddress[]) => void) => {
    const found = answers[host];
    if (found) callback(null, found);
    else callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
  };
}

const dns = fakeDns({
  'public.example': [
    { address: '93.184.216.34', family: 4 },
    { address: '2606:2800:220:1::1', family: 6 },
  ],
  'mixed.example': [
    { address: '93.184.216.34', family: 4 },
    { address: '::1', family: 6 },
  ],
  'mapped.example': [{ address: '::ffff:10.0.0.5', family: 6 }],
});

describe('assertPublicDestination', () => {
  it('accepts hosts whose every address is public', async () => {
    await expect(assertPublicDestination(new URL('https://public.example/x'), dns)).resolves.toHaveLength(2);
  });

  it('refuses when any resolved address is private, v4 or v6', async () => {
    await expect(assertPublicDestination(new URL('https://mixed.example/'), dns)).rejects.toThrow(
      'refusing to send to mixed.example: it resolves to ::1 (::1/128 loopback)',
    );
    await expect(assertPublicDestination(new URL('http://mapped.example/'), dns)).rejects.toBeInstanceOf(
      BlockedAddressError,
    );
  });

  it('checks IP literals without DNS', async () => {
    await expect(assertPublicDestination(new URL('http://127.0.0.1:8080/'), dns)).rejects.toThrow(
      '127.0.0.0/8 loopback',
    );
    await expect(assertPublicDestination(new URL('http://[::ffff:7f00:1]/'), dns)).rejects.toThrow(
      'IPv4-mapped',
    );
    await expect(assertPublicDestination(new URL('http://0x7f.1/'), dns)).rejects.toThrow('127.0.0.0/8');
  });

  it('passes DNS errors through', async () => {
    await expect(assertPublicDestination(new URL('http://nowhere.example/'), dns)).rejects.toThrow(
      'ENOTFOUND',
    );
  });
});

describe('guardedLookup', () => {
  function call(host: string, options: { all?: boolean; family?: number }) {
    return new Promise<{ error: Error | null; address: unknown; family?: number }>((resolve) => {
      guardedLookup(dns)(host, options, (error, address, family) => resolve({ error, address, family }));
    });
  }

  it('answers in the single and the all form', async () => {
    expect(await call('public.example', {})).toEqual({ error: null, address: '93.184.216.34', family: 4 });
    expect((await call('public.example', { all: true })).address).toHaveLength(2);
    expect(await call('public.example', { family: 6 })).toMatchObject({
      address: '2606:2800:220:1::1',
      family: 6,
    });
  });

  it('fails the connection when an address is private', async () => {
    expect((await call('mixed.example', { all: true })).error).toBeInstanceOf(BlockedAddressError);
  });
});

describe('parseDuration', () => {
  it.each([
    ['15s', 15000],
    ['500ms', 500],
    ['2m', 120000],
    ['3', 3000],
    ['1.5s', 1500],
  ])('%s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
  it('rejects junk', () => {
    expect(() => parseDuration('soon')).toThrow('invalid duration "soon"');
    expect(() => parseDuration('0s')).toThrow('must be positive');
  });
});
