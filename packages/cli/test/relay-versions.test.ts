/** `hookmap plan`, `versions`, `rollback`, `replay` against a real relay on loopback (SPEC §12). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type RunningRelay } from '@hookmap/relay';
import { runCli } from './helpers/run-cli.js';

const TOKEN = 'cli-versions-admin-token-5d8e2b9a71c4';
const dir = mkdtempSync(join(tmpdir(), 'hookmap-cli-versions-'));
let relay: RunningRelay;
let sink: http.Server;
let sinkUrl = '';
const received: unknown[] = [];
let integrationId = '';
let hookPath = '';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the admin API's answers, read field by field
async function api(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(relay.url + path, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return res.json();
}

const doc = (template: Record<string, unknown>) => ({
  name: 'to sink',
  method: 'POST',
  url: `${sinkUrl}/x`,
  body: { mode: 'template', template },
});
const env = () => ({ HOOKMAP_RELAY_URL: relay.url, HOOKMAP_ADMIN_TOKEN: TOKEN });

async function settled(count: number) {
  for (let i = 0; i < 200; i++) {
    const d = await api('GET', `/api/deliveries?integrationId=${integrationId}`);
    if (d.items.length >= count && d.items.every((x: { status: string }) => x.status !== 'pending'))
      return d.items;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('deliveries did not settle');
}

beforeAll(async () => {
  sink = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  relay = await startRelay({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir,
    adminToken: TOKEN,
    allowPrivate: ['127.0.0.1'],
    pollMs: 10,
    log: () => {},
  });
  const source = await api('POST', '/api/sources', { name: 'plain', provider: null });
  hookPath = source.hookPath;
  integrationId = (
    await api('POST', '/api/integrations', {
      sourceId: source.id,
      doc: doc({ id: '{{ id }}' }),
      message: 'first',
    })
  ).id;
  for (const id of ['a', 'b']) {
    await fetch(relay.url + hookPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, name: id.toUpperCase() }),
    });
  }
  await settled(2);
});
afterAll(async () => {
  await relay.close();
  await new Promise((r) => sink.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('hookmap plan / versions / rollback / replay', () => {
  it("plan prints the counts and a readable diff per event, and --json the relay's answer", async () => {
    const file = join(dir, 'changed.json');
    writeFileSync(file, JSON.stringify(doc({ id: '{{ id }}', name: '{{ name | lower }}' })));
    const text = await runCli(['plan', file, '--integration', integrationId], { env: env() });
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Plan for ${integrationId} against live version 1, over 2 recent events:`);
    expect(text.stdout).toContain('2 changed, 0 unchanged');
    expect(text.stdout).toContain('+ /body/name: "a"');
    const json = await runCli(['plan', file, '--integration', integrationId, '--json', '--limit', '1'], {
      env: env(),
    });
    const plan = JSON.parse(json.stdout);
    expect(plan.summary.events).toBe(1);
    expect(plan.items[0].diff).toEqual([{ op: 'add', path: '/body/name', value: expect.any(String) }]);
  });

  it('plan without an integration id, with a wrong token, or with no relay says what to do', async () => {
    const file = join(dir, 'bare.json');
    writeFileSync(file, JSON.stringify(doc({})));
    const noId = await runCli(['plan', file], { env: env() });
    expect([noId.code, noId.stderr]).toEqual([2, expect.stringContaining('pass --integration <id>')]);
    const wrong = await runCli(['plan', file, '--integration', integrationId, '--token', 'nope'], {
      env: env(),
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('relay answered 401');
    const down = await runCli(
      ['plan', file, '--integration', integrationId, '--relay', 'http://127.0.0.1:9'],
      { env: env() },
    );
    expect(down.stderr).toContain('cannot reach the relay at http://127.0.0.1:9');
  });

  it('versions lists the history, rollback makes an old document live again, replay re-sends through a version', async () => {
    await api('PATCH', `/api/integrations/${integrationId}`, {
      doc: doc({ id: '{{ id }}', v: 2 }),
      message: 'add v',
    });
    const list = await runCli(['versions', integrationId], { env: env() });
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/● live v2 .* add v/);
    expect(list.stdout).toContain('v1');
    const back = await runCli(['rollback', integrationId, '1'], { env: env() });
    expect(back.stdout).toContain("version 1's document is live again, as version 3");
    expect((await api('GET', `/api/integrations/${integrationId}`)).version).toBe(3);
    const events = await api('GET', '/api/events');
    const eventId = events.items[0].id as string;
    const before = received.length;
    const replay = await runCli(
      ['replay', eventId, '--integration', integrationId, '--through-version', '2'],
      { env: env() },
    );
    expect(replay.stdout).toMatch(/^1 replay queued: dlv_/);
    await settled(3);
    expect(received[before]).toMatchObject({ v: 2 });
    const bad = await runCli(['rollback', integrationId, 'latest'], { env: env() });
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('is not a version number')]);
  });
});
