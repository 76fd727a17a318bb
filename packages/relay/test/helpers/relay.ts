/* eslint-disable @typescript-eslint/no-explicit-any -- tests read JSON answers loosely */
/** An in-process relay on an embedded store in a temp directory, tuned for fast tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRelay } from '../../src/relay.js';
import type { RelayOptions } from '../../src/config.js';
import type { RunningRelay } from '../../src/relay.js';

export const ADMIN_TOKEN = 'test-admin-token-8f3a';

export interface TestRelay extends RunningRelay {
  api<T = any>(
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
  ): Promise<{ status: number; body: T; text: string }>;
  hook(
    sourceId: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any }>;
  logLines: string[];
  /** Where to post a source's webhooks: its path token as shown when the source was made here. */
  hookUrl(sourceId: string): string;
  /** Poll the admin API until `check` passes. */
  until<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs?: number): Promise<T>;
}

export async function startTestRelay(options: RelayOptions = {}): Promise<TestRelay> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hookmap-relay-'));
  const logLines: string[] = [];
  const relay = await startRelay({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    adminToken: ADMIN_TOKEN,
    allowPrivate: ['127.0.0.1'],
    backoffBaseMs: 20,
    backoffMaxMs: 2_000,
    timeoutMs: 400,
    adminLoginLimit: 1_000_000,
    pollMs: 10,
    maxAttempts: 3,
    logLevel: 'debug',
    log: (line) => logLines.push(JSON.stringify(line)),
    allowPlaintextSecrets: !options.secretKey,
    ...options,
  });
  const hookPaths = new Map<string, string>();
  const api: TestRelay['api'] = async (method, path, body, token = ADMIN_TOKEN) => {
    const headers: Record<string, string> = {};
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(relay.url + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const answer = { status: res.status, text, body: text ? JSON.parse(text) : null };
    // Path tokens are shown once: keep them so `hook()` posts where the source listens.
    if (method === 'POST' && typeof answer.body?.pathToken === 'string')
      hookPaths.set(answer.body.id, answer.body.hookPath);
    return answer;
  };
  const hookUrl = (sourceId: string) => relay.url + (hookPaths.get(sourceId) ?? `/hooks/${sourceId}`);
  return {
    ...relay,
    logLines,
    api,
    hookUrl,
    hook: async (sourceId, body, headers = {}) => {
      const res = await fetch(hookUrl(sourceId), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    until: async (read, check, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await read();
        if (check(value)) return value;
        if (Date.now() > deadline)
          throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 500)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: async () => {
      await relay.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Create a plain-JSON source and one integration posting `{ id, n }` to `url`. */
export async function sourceWithIntegration(
  relay: TestRelay,
  url: string,
  extra: Record<string, unknown> = {},
) {
  const source = await relay.api('POST', '/api/sources', { name: 'plain', provider: null });
  const integration = await relay.api('POST', '/api/integrations', {
    sourceId: source.body.id,
    doc: {
      name: 'sink',
      method: 'POST',
      url,
      body: { mode: 'template', template: { id: '{{id}}', n: '{{n}}' } },
      ...extra,
    },
  });
  if (integration.status !== 201) throw new Error(`integration not created: ${integration.text}`);
  return { sourceId: source.body.id as string, integrationId: integration.body.id as string };
}
