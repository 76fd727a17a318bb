/**
 * Deny by default (issue #12): every route that did not declare itself public answers 401 without the
 * admin token, whatever form the request target takes — percent-encoded letters, absolute-form, double
 * slashes, case, trailing slash — and whatever the method. Failed logins are limited per address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestRelay } from './helpers/relay.js';
import type { TestRelay } from './helpers/relay.js';
import { rawRequest } from './helpers/raw-http.js';
import { assertAdminTokenFor, weakTokenProblem } from '../src/admin-token.js';
import { boundUrl, startRelay } from '../src/relay.js';
import { ConfigError } from '../src/config-check.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

function concrete(url: string): string {
  return url.replace(/:(\w+)/g, 'x1').replace('*', 'x');
}

/** The target forms a router may decode or normalise into `path`. */
function targetForms(path: string, base: string): string[] {
  const [first = '', ...rest] = path.split('/').slice(1);
  const tail = rest.length ? `/${rest.join('/')}` : '';
  const encodeFirst = (i: number) =>
    `/${first.slice(0, i)}%${first.charCodeAt(i).toString(16)}${first.slice(i + 1)}${tail}`;
  return [
    path,
    encodeFirst(0), // /%61pi/...
    first.length > 2 ? encodeFirst(2) : encodeFirst(0), // /ap%69/...
    `/${[...first].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('')}${tail}`,
    `/%25${first.charCodeAt(0).toString(16)}${first.slice(1)}${tail}`, // double-encoded
    `/${first.toUpperCase()}${tail}`,
    `/${first}${tail.replace('/', '%2F')}`,
    `/${first}${tail.replace('/', '%2f')}`,
    `/${path}`, // //api/...
    path.replace(/\/([^/]*)$/, '//$1'),
    `${path}/`,
    `${path}?x=1`,
    `${path};x=1`,
    `/hooks/../..${path}`, // dot segments are not resolved: this matches no route
    `/./${path.slice(1)}`,
    `${base}${path}`, // absolute-form, this host
    `http://attacker.example${path}`, // absolute-form, another host
    `HTTP://127.0.0.1${path}`,
  ];
}

let relay: TestRelay;
let open: TestRelay;

beforeAll(async () => {
  relay = await startTestRelay();
  open = await startTestRelay({ adminToken: undefined });
});
afterAll(async () => {
  await relay.close();
  await open.close();
});

describe('admin routes deny by default', () => {
  it('only the webhook intake, the health checks and the OAuth callback are public', () => {
    const publicRoutes = relay.routes
      .filter((r) => r.public)
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicRoutes).toEqual([
      'GET /healthz',
      'GET /oauth/callback',
      'GET /readyz',
      'POST /hooks/:sourceId',
      'POST /hooks/:sourceId/:token',
    ]);
    expect(relay.routes.filter((r) => !r.public).length).toBeGreaterThanOrEqual(20);
  });

  it('answers 401 on every non-public route, in every target form and method, without or with a wrong token', async () => {
    const paths = [...new Set(relay.routes.filter((r) => !r.public).map((r) => concrete(r.url)))];
    let checked = 0;
    for (const path of paths) {
      for (const target of targetForms(path, relay.url)) {
        for (const method of METHODS) {
          for (const auth of [undefined, 'Bearer wrong-token', `Bearer ${ADMIN_TOKEN}x`, ADMIN_TOKEN]) {
            const headers: Record<string, string> = auth ? { authorization: auth } : {};
            const body =
              method === 'POST' || method === 'PUT' || method === 'PATCH'
                ? '{"id":"pwned","provider":null}'
                : undefined;
            if (body) headers['content-type'] = 'application/json';
            const r = await rawRequest(relay.url, method, target, headers, body);
            expect(r.status, `${method} ${target} (${auth ?? 'no token'}): ${r.body}`).toBe(401);
            if (method !== 'HEAD') expect(JSON.parse(r.body)).toMatchObject({ error: 'unauthorized' });
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(5_000);
    // nothing was created on the way
    expect((await relay.api('GET', '/api/sources/pwned')).status).toBe(404);
  });

  it('answers 401 in every form when no admin token is configured, whatever is presented', async () => {
    const paths = [...new Set(open.routes.filter((r) => !r.public).map((r) => concrete(r.url)))];
    for (const path of paths) {
      for (const target of targetForms(path, open.url)) {
        for (const method of ['GET', 'POST']) {
          for (const auth of [undefined, 'Bearer anything', 'Bearer ', 'Bearer undefined']) {
            const headers: Record<string, string> = {
              'content-type': 'application/json',
              ...(auth ? { authorization: auth } : {}),
            };
            const r = await rawRequest(
              open.url,
              method,
              target,
              headers,
              method === 'POST' ? '{}' : undefined,
            );
            expect(r.status, `${method} ${target} (${auth ?? 'no token'})`).toBe(401);
          }
        }
      }
    }
  });

  it('authorises the matched route, so the encoded forms the router accepts work with the token', async () => {
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    expect((await rawRequest(relay.url, 'GET', '/%61pi/sources', auth)).status).toBe(200);
    expect((await rawRequest(relay.url, 'GET', `${relay.url}/api/sources`, auth)).status).toBe(200);
    const unknown = await rawRequest(relay.url, 'GET', '/api/nothing-here', auth);
    expect(unknown.status).toBe(404);
    expect((await rawRequest(relay.url, 'GET', '/api/nothing-here')).status).toBe(401);
  });

  it('serves the public routes without a token', async () => {
    expect((await rawRequest(relay.url, 'GET', '/healthz')).status).toBe(200);
    expect((await rawRequest(relay.url, 'GET', '/readyz')).status).toBe(200);
    expect((await rawRequest(relay.url, 'GET', '/metrics')).status).toBe(401);
    expect(
      (await rawRequest(relay.url, 'GET', '/metrics', { authorization: `Bearer ${ADMIN_TOKEN}` })).status,
    ).toBe(200);
  });

  it('serves /metrics without a token only when HOOKMAP_METRICS_PUBLIC', async () => {
    const pub = await startTestRelay({ metricsPublic: true });
    try {
      expect(pub.routes.find((r) => r.url === '/metrics')?.public).toBe(true);
      expect((await rawRequest(pub.url, 'GET', '/metrics')).status).toBe(200);
      expect((await rawRequest(pub.url, 'GET', '/%61pi/sources')).status).toBe(401);
    } finally {
      await pub.close();
    }
  });
});

describe('failed admin logins', () => {
  it('answers 429 with Retry-After after too many wrong tokens from one address, even to the right token', async () => {
    const limited = await startTestRelay({ adminLoginLimit: 3 });
    try {
      // requests without a token guess nothing and do not count
      for (let k = 0; k < 5; k++)
        expect((await limited.api('GET', '/api/sources', undefined, null)).status).toBe(401);
      for (let k = 0; k < 3; k++)
        expect((await limited.api('GET', '/api/sources', undefined, `guess-${k}`)).status).toBe(401);
      const blocked = await rawRequest(limited.url, 'GET', '/api/sources', {
        authorization: 'Bearer guess-4',
      });
      expect(blocked.status).toBe(429);
      expect(Number(/retry-after: (\d+)/i.exec(blocked.head)?.[1])).toBeGreaterThan(0);
      expect((await limited.api('GET', '/api/sources')).status).toBe(429);
      // the webhook intake and health checks are not admin logins
      expect((await rawRequest(limited.url, 'GET', '/healthz')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('admin token strength', () => {
  it('refuses a weak token when listening beyond loopback, naming HOOKMAP_ADMIN_TOKEN', async () => {
    for (const token of [
      'change-me',
      'short-but-random-Xy7',
      'a'.repeat(64),
      'abababababababababababababababababab',
    ]) {
      expect(weakTokenProblem(token), token).not.toBeNull();
      expect(() => assertAdminTokenFor('0.0.0.0', token)).toThrow(ConfigError);
      expect(() => assertAdminTokenFor('0.0.0.0', token)).toThrow(/HOOKMAP_ADMIN_TOKEN/);
      expect(() => assertAdminTokenFor('127.0.0.1', token)).not.toThrow();
      expect(() => assertAdminTokenFor('::1', token)).not.toThrow();
    }
    expect(() => assertAdminTokenFor('0.0.0.0', 'q3J8vN0x2LrT9pWm4KsZ7bHc1YdF6gEa5uIoP')).not.toThrow();
    // startRelay refuses before it opens anything
    await expect(
      startRelay({ host: '0.0.0.0', port: 0, adminToken: 'change-me', log: false }),
    ).rejects.toThrow(/HOOKMAP_ADMIN_TOKEN/);
  });

  it('reports the address really bound, not 127.0.0.1 for every interface', () => {
    const fake = (address: object) =>
      ({ server: { address: () => address } }) as unknown as Parameters<typeof boundUrl>[0];
    expect(boundUrl(fake({ address: '0.0.0.0', family: 'IPv4', port: 8787 }))).toBe('http://0.0.0.0:8787');
    expect(boundUrl(fake({ address: '::', family: 'IPv6', port: 8787 }))).toBe('http://[::]:8787');
    expect(relay.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
