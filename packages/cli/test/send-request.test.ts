import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest } from '../src/net/send.js';

let server: Server;
let port: number;
let hits = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('x'.repeat(100));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('sendRequest', () => {
  it('refuses a name that re-resolves to loopback at connect time (DNS rebinding)', async () => {
    const answers: LookupAddress[][] = [
      [{ address: '93.184.216.34', family: 4 }],
      [{ address: '127.0.0.1', family: 4 }],
    ];
    let calls = 0;
    const lookupAll = (_host: string, callback: (error: Error | null, addresses: LookupAddress[]) => void) =>
      callback(null, answers[Math.min(calls++, 1)]!);
    const before = hits;
    await expect(
      sendRequest(
        { method: 'GET', url: `http://rebind.test:${port}/`, headers: {} },
        { timeoutMs: 5000, allowPrivate: false, lookupAll },
      ),
    ).rejects.toThrow('refusing to send to rebind.test: it resolves to 127.0.0.1 (127.0.0.0/8 loopback)');
    expect(calls).toBe(2);
    expect(hits).toBe(before);
  });

  it('caps the response body it keeps', async () => {
    const result = await sendRequest(
      { method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} },
      { timeoutMs: 5000, allowPrivate: true, maxBodyBytes: 10 },
    );
    expect(result).toMatchObject({ status: 200, body: 'x'.repeat(10), truncated: true });
    const full = await sendRequest(
      { method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} },
      { timeoutMs: 5000, allowPrivate: true },
    );
    expect(full).toMatchObject({ body: 'x'.repeat(100), truncated: false });
  });

  it('rejects URLs that are not http(s)', async () => {
    await expect(
      sendRequest(
        { method: 'GET', url: 'file:///etc/passwd', headers: {} },
        { timeoutMs: 1000, allowPrivate: true },
      ),
    ).rejects.toThrow('only http and https URLs are supported, got file:');
  });
});
