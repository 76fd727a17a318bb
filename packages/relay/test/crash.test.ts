/**
 * Crash safety of the embedded store: 1 000 webhooks, `kill -9` while accepting and delivering,
 * restart on the same directory: every acknowledged webhook is delivered at least once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { adminCall, sendWebhooks, spawnRelay } from './helpers/child.js';
import type { ChildRelay } from './helpers/child.js';
import { startSink } from './helpers/sink.js';

const TOKEN = 'crash-test-token';
const N = 1000;
const children: ChildRelay[] = [];
let dataDir = '';

afterAll(async () => {
  for (const c of children) await c.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it(
  'loses no acknowledged webhook across kill -9 and restart (embedded store)',
  { timeout: 60_000 },
  async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hookmap-crash-'));
    const env = {
      HOOKMAP_DATA_DIR: dataDir,
      HOOKMAP_ADMIN_TOKEN: TOKEN,
      HOOKMAP_ALLOW_PRIVATE: '127.0.0.1',
      HOOKMAP_BACKOFF_BASE_MS: '50',
      HOOKMAP_POLL_MS: '20',
      HOOKMAP_CONCURRENCY: '16',
    };
    const seen = new Map<string, number>();
    const sink = await startSink((req) => {
      const id = (JSON.parse(req.body) as { id: string }).id;
      seen.set(id, (seen.get(id) ?? 0) + 1);
      return { status: 200, delayMs: 2 };
    });
    try {
      const first = await spawnRelay(env);
      children.push(first);
      const crashHook = (
        await adminCall(first.url, TOKEN, 'POST', '/api/sources', { id: 'crash', provider: null })
      ).hookPath as string;
      await adminCall(first.url, TOKEN, 'POST', '/api/integrations', {
        sourceId: 'crash',
        doc: { url: `${sink.url}/in`, body: { mode: 'template', template: { id: '{{id}}' } } },
      });
      const ids = Array.from({ length: N }, (_, i) => `wh-${i}`);
      let target = first.url;
      // Kill while webhooks are still coming in and deliveries are under way.
      let acks = 0;
      let killed: Promise<void> | null = null;
      const sending = sendWebhooks(
        () => `${target}${crashHook}`,
        ids,
        32,
        (status) => {
          if (status === 202 && ++acks === 600) killed = sink.waitFor(50, 30_000).then(() => first.crash());
        },
      );
      const firstRound = await sending;
      await killed;
      expect(first.proc.signalCode).toBe('SIGKILL');
      const acked = ids.filter((_, i) => firstRound[i] === 202 || firstRound[i] === 200);

      const second = await spawnRelay(env);
      children.push(second);
      target = second.url;
      // What the crash cut off, the provider sends again (as every provider retries an unacknowledged webhook).
      const resend = ids.filter((_, i) => firstRound[i] !== 202 && firstRound[i] !== 200);
      const secondRound = await sendWebhooks(() => `${target}${crashHook}`, resend);
      expect(secondRound.every((s) => s === 202 || s === 200)).toBe(true);

      const deadline = Date.now() + 30_000;
      while (seen.size < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const missing = ids.filter((id) => !seen.has(id));
      expect(missing).toEqual([]);
      for (const id of acked) expect(seen.get(id)).toBeGreaterThanOrEqual(1);
      const duplicates = [...seen.values()].reduce((n, c) => n + c - 1, 0);
      const pending = await adminCall(second.url, TOKEN, 'GET', '/api/deliveries?status=pending&limit=10');
      console.log(
        `[crash] acknowledged before the kill: ${acked.length}/${N}; delivered: ${seen.size}/${N}; duplicate deliveries: ${duplicates}; ` +
          `sink requests: ${sink.requests.length}; still pending after: ${pending.items.length}`,
      );
      // duplicates come only from attempts in flight at the kill (at most the worker concurrency)
      expect(duplicates).toBeLessThanOrEqual(16);
    } finally {
      await sink.close();
    }
  },
);
