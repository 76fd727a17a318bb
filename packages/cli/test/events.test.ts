/** The integration `events` filter in render, send and batch: Attendee sends every trigger to one URL. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attendee } from '@hookmap/providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

let dir: string;
let server: Server;
let base: string;
let received = 0;

function sampleOf(trigger: string): unknown {
  const sample = attendee.samples.find((s) => (s.payload as { trigger?: string }).trigger === trigger);
  if (!sample) throw new Error(`no Attendee sample for ${trigger}`);
  return sample.payload;
}

function write(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hookmap-events-'));
  server = createServer((req, res) => {
    received++;
    req.resume().on('end', () => res.writeHead(200).end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('integration events filter', () => {
  const integration = () =>
    write('integration.json', {
      url: `${base}/transcripts`,
      provider: 'attendee',
      events: ['transcript.update'],
      body: { mode: 'template', template: { trigger: '{{trigger}}' } },
    });

  it('send skips a payload of another event, says why, and sends nothing', async () => {
    received = 0;
    const state = write('state.json', sampleOf('bot.state_change'));
    const result = await runCli(['send', integration(), state, '--allow-private']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `skipped: the payload's event "bot.state_change" is not in the integration's "events" (transcript.update); nothing sent`,
    );
    expect(received).toBe(0);
    const transcript = write('transcript.json', sampleOf('transcript.update'));
    expect((await runCli(['send', integration(), transcript, '--allow-private'])).code).toBe(0);
    expect(received).toBe(1);
  });

  it('render still shows the request, with a note', async () => {
    const result = await runCli(['render', integration(), write('state.json', sampleOf('bot.state_change'))]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).body).toEqual({ trigger: 'bot.state_change' });
    expect(result.stderr).toContain(
      'note: the payload\'s event "bot.state_change" is not in the integration\'s "events"',
    );
  });

  it('batch renders only the listed events and counts the rest as skipped', async () => {
    const lines = ['bot.state_change', 'transcript.update', 'chat_messages.update', 'transcript.update'].map(
      (t) => JSON.stringify(sampleOf(t)),
    );
    const result = await runCli(['batch', integration(), write('all.ndjson', lines.join('\n') + '\n')]);
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).body.trigger),
    ).toEqual(['transcript.update', 'transcript.update']);
    expect(result.stderr).toContain(
      `2 rendered, 2 skipped (left out by the integration's "events" or "when"), 0 failed`,
    );
  });

  it('send also skips when the integration\'s "when" is false, and sends when it holds', async () => {
    received = 0;
    const path = write('when.json', {
      url: `${base}/ended`,
      provider: 'attendee',
      events: ['bot.state_change'],
      when: "{{ data.new_state == 'ended' }}",
      body: { mode: 'template', template: { state: '{{ data.new_state }}' } },
    });
    const state = sampleOf('bot.state_change') as { data: Record<string, unknown> };
    const joining = write('joining.json', { ...state, data: { ...state.data, new_state: 'joining' } });
    const skipped = await runCli(['send', path, joining, '--allow-private']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain(
      `skipped: the integration's "when" ({{ data.new_state == 'ended' }}) is false for this payload`,
    );
    expect(received).toBe(0);
    const ended = write('ended.json', { ...state, data: { ...state.data, new_state: 'ended' } });
    expect((await runCli(['send', path, ended, '--allow-private'])).code).toBe(0);
    expect(received).toBe(1);
  });
});
