/**
 * One HTTP attempt (src/delivery/send.ts) against a server on loopback: what is sent, what is kept
 * of the answer, the deadline, redirects, the address policy, and requests the client refuses.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowList } from '../src/delivery/address.js';
import { send, type OutboundRequest, type SendOptions } from '../src/delivery/send.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  port: number;
}

const seen: Seen[] = [];
let server: http.Server;
let base = '';
const options: SendOptions = {
  timeoutMs: 300,
  maxResponseBytes: 16,
  allow: parseAllowList(['127.0.0.1']),
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        port: req.socket.remotePort ?? 0,
      });
      if (req.url === '/hang') return;
      if (req.url === '/redirect') return res.writeHead(302, { location: '/elsewhere' }).end();
      if (req.url === '/big') return res.writeHead(200).end('x'.repeat(100));
      res.writeHead(201, { 'content-type': 'application/json', 'x-crm-id': '42' }).end('{"id":42}');
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function request(path: string, overrides: Partial<OutboundRequest> = {}): OutboundRequest {
  return {
    method: 'POST',
    url: base + path,
    headers: { 'content-type': 'application/json' },
    body: '{"name":"Zoë"}',
    ...overrides,
  };
}

describe('send', () => {
  it('sends the request and keeps the answer, on one kept connection', async () => {
    seen.length = 0;
    const first = await send(request('/calls?x=1'), options);
    const second = await send(request('/calls'), options);
    expect(first).toMatchObject({ status: 201, body: '{"id":42}', error: null });
    expect(first.headers).toMatchObject({ 'content-type': 'application/json', 'x-crm-id': '42' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/calls?x=1', body: '{"name":"Zoë"}' });
    expect(seen[0]!.headers['content-length']).toBe(String(Buffer.byteLength('{"name":"Zoë"}')));
    expect(second.status).toBe(201);
    expect(seen[1]!.port).toBe(seen[0]!.port);
  });

  it('sends the length of the body, whatever a template wrote as content-length', async () => {
    seen.length = 0;
    const result = await send(request('/calls', { headers: { 'content-length': '3' } }), options);
    expect(result.status).toBe(201);
    expect(seen[0]!.body).toBe('{"name":"Zoë"}');
    const get = await send(
      request('/calls', { method: 'GET', body: null, headers: { 'content-length': '9' } }),
      options,
    );
    expect(get.status).toBe(201);
    expect(seen[1]!.headers['content-length']).toBeUndefined();
  });

  it('keeps at most maxResponseBytes of the answer', async () => {
    const result = await send(request('/big'), options);
    expect(result.status).toBe(200);
    expect(result.body).toBe('x'.repeat(16));
  });

  it('does not follow redirects', async () => {
    seen.length = 0;
    const result = await send(request('/redirect'), options);
    expect(result.status).toBe(302);
    expect(result.headers?.location).toBe('/elsewhere');
    expect(seen.map((s) => s.url)).toEqual(['/redirect']);
  });

  it('gives up at the deadline, to be tried again', async () => {
    const result = await send(request('/hang'), options);
    expect(result).toMatchObject({ status: null, error: 'timed out after 300 ms' });
    expect(result.permanent).toBeFalsy();
  });

  it('reports an interruption as such', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await send(request('/hang'), options, controller.signal);
    expect(result).toMatchObject({ status: null, interrupted: true });
  });

  it('refuses private destinations outside the allow-list, for good', async () => {
    const result = await send(request('/calls'), { ...options, allow: parseAllowList([]) });
    expect(result.error).toMatch(/destination 127\.0\.0\.1 is a private or loopback address/);
    expect(result.permanent).toBe(true);
  });

  it('reports a refused connection as one to try again', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await send(request('/calls', { url: `http://127.0.0.1:${port}/x` }), options);
    expect(result.error).toBe(`connection refused (127.0.0.1:${port})`);
    expect(result.permanent).toBeFalsy();
  });

  it.each([
    ['a header value with a line break', { 'x-note': 'a\r\nx-injected: 1' }],
    ['a header name with a space', { 'bad name': '1' }],
  ])('refuses to send %s, for good', async (_name, headers) => {
    seen.length = 0;
    const result = await send(request('/calls', { headers }), options);
    expect(result.status).toBeNull();
    expect(result.permanent).toBe(true);
    expect(seen).toEqual([]);
  });

  it('refuses URLs it cannot send, for good', async () => {
    for (const url of ['not a url', 'ftp://127.0.0.1/x']) {
      const result = await send(request('/calls', { url }), options);
      expect(result.permanent).toBe(true);
    }
  });
});
