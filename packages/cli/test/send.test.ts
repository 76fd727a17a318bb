import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixture, runCli } from './helpers/run-cli.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
let dir: string;
let received: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/redirect') {
        res.writeHead(302, { Location: '/elsewhere' }).end();
      } else if (req.url === '/slow') {
        setTimeout(() => res.writeHead(200).end('late'), 3000).unref();
      } else if (req.url === '/fail') {
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end('boom');
      } else {
        res.writeHead(201, { 'Content-Type': 'application/json', 'X-Test': 'yes' }).end('{"id":"call_1"}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'hookmap-send-'));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  received = [];
});

function integrationFor(url: string): string {
  const path = join(dir, `integration-${received.length}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      provider: 'osvi',
      url,
      headers: { Authorization: 'Bearer {{ secrets.CRM_TOKEN }}' },
      body: {
        mode: 'template',
        template: { name: '{{ data_capture.customer_name }}', lead: '{{ call_trigger_data.crm_id }}' },
      },
    }),
  );
  return path;
}

const payload = fixture('osvi-payload.json');

/** A port nothing listens on: bind one, then free it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
const secrets = ['--secrets', fixture('secrets.env')];

describe('hookmap send', () => {
  it('refuses loopback addresses without --allow-private', async () => {
    const result = await runCli(['send', integrationFor(`${base}/ok`), payload]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'refusing to send to 127.0.0.1 (127.0.0.0/8 loopback); pass --allow-private',
    );
    expect(received).toHaveLength(0);
  });

  it('refuses a host name that resolves to loopback', async () => {
    const port = new URL(base).port;
    const result = await runCli(['send', integrationFor(`http://localhost:${port}/ok`), payload]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refusing to send to localhost: it resolves to (127\.0\.0\.1|::1)/);
    expect(received).toHaveLength(0);
  });

  it('performs the request with --allow-private and prints status, headers and body', async () => {
    const result = await runCli([
      'send',
      integrationFor(`${base}/ok`),
      payload,
      ...secrets,
      '--allow-private',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^HTTP 201 Created\n/);
    expect(result.stdout).toContain('x-test: yes');
    expect(result.stdout.trimEnd().endsWith('{"id":"call_1"}')).toBe(true);
    expect(received).toHaveLength(1);
    const request = received[0]!;
    expect(request.method).toBe('POST');
    expect(request.headers.authorization).toBe('Bearer tok-from-file');
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(request.body)).toEqual({ name: 'John Doe', lead: 'lead_42' });
  });

  it('does not follow redirects and prints the Location', async () => {
    const result = await runCli(['send', integrationFor(`${base}/redirect`), payload, '--allow-private']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^HTTP 302 Found\n/);
    expect(result.stderr).toContain('redirect not followed: Location: /elsewhere');
    expect(received.map((r) => r.url)).toEqual(['/redirect']);
  });

  it('times out', async () => {
    const result = await runCli([
      'send',
      integrationFor(`${base}/slow`),
      payload,
      ...secrets,
      '--allow-private',
      '--timeout',
      '300ms',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\nerror: request to 127\.0\.0\.1:\d+ timed out after 300ms\n$/);
    expect(result.stdout).toBe('');
  });

  it('exits 1 on an HTTP error status, still printing the response', async () => {
    const result = await runCli(['send', integrationFor(`${base}/fail`), payload, '--allow-private']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^HTTP 500 Internal Server Error\n[\s\S]*boom\n$/);
  });

  it('prints the request and sends nothing with --dry-run', async () => {
    const result = await runCli(['send', integrationFor(`${base}/ok`), payload, '--dry-run']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      method: 'POST',
      url: `${base}/ok`,
      body: { lead: 'lead_42' },
    });
    expect(received).toHaveLength(0);
  });

  it('reports connection refused in one line', async () => {
    const closed = await closedPort();
    const result = await runCli([
      'send',
      integrationFor(`http://127.0.0.1:${closed}/x`),
      payload,
      ...secrets,
      '--allow-private',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`\\nerror: connection refused by 127\\.0\\.0\\.1:${closed}\\n$`),
    );
  });

  it('rejects an invalid --timeout', async () => {
    const result = await runCli(['send', integrationFor(`${base}/ok`), payload, '--timeout', 'soon']);
    expect(result.stderr).toContain('invalid duration "soon"');
    expect(result.code).toBe(1);
  });
});
