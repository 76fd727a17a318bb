/**
 * SPEC §9 through the CLI: `render` previews a flow with --responses, `send` runs it against a small CRM
 * on 127.0.0.1 (find a person by email, create when missing, then write the note to them).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

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

/** The CRM: ada@example.com exists (P1); creating a person answers P9; a note saying "fail" is refused. */
function answer(req: Received): [number, unknown] {
  const url = new URL(req.url, 'http://crm');
  if (req.method === 'GET' && url.pathname === '/people') {
    return [200, { results: url.searchParams.get('email') === 'ada@example.com' ? [{ id: 'P1' }] : [] }];
  }
  if (req.method === 'POST' && url.pathname === '/people') return [201, { id: 'P9' }];
  if (req.method === 'POST' && url.pathname === '/notes')
    return req.body.includes('fail') ? [500, { error: 'boom' }] : [201, { id: 'N1' }];
  return [404, { error: 'no route' }];
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const r: Received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      received.push(r);
      const [status, json] = answer(r);
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'hookmap-flow-'));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  received = [];
});

let files = 0;
function file(value: unknown): string {
  const path = join(dir, `f${files++}.json`);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

function flow(extra: Record<string, unknown> = {}): string {
  return file({
    name: 'note on the person found by email, created if missing',
    headers: { Authorization: 'Bearer {{ secrets.CRM_TOKEN }}' },
    steps: [
      {
        id: 'find',
        method: 'GET',
        url: `${base}/people?email={{ email }}`,
        result: '{{ response.body.results[0].id }}',
      },
      {
        id: 'create',
        when: '{{ steps.find.result == null }}',
        url: `${base}/people`,
        body: { mode: 'template', template: { email: '{{ email }}' } },
        result: '{{ response.body.id }}',
      },
      {
        id: 'note',
        url: `${base}/notes`,
        body: {
          mode: 'template',
          template: { to: '{{ steps.find.result ?? steps.create.result }}', text: '{{ text }}' },
        },
      },
    ],
    ...extra,
  });
}

const env = { HOOKMAP_SECRET_CRM_TOKEN: 't0k' };
const payload = (email: string, text = 'hello'): string => file({ email, text });

interface PrintedFlow {
  steps: Array<{
    id: string;
    skipped: boolean;
    request?: Record<string, unknown>;
    response?: { status: number; body: unknown };
    result?: unknown;
  }>;
  stoppedAt?: string;
  stopReason?: string;
}

describe.sequential('hookmap render with a flow', () => {
  it('prints { steps } with the responses of --responses: the note goes to the found person, create is skipped', async () => {
    const responses = file({
      find: { status: 200, body: { results: [{ id: 'P1' }] } },
      note: { status: 201 },
    });
    const result = await runCli(['render', flow(), payload('ada@example.com'), '--responses', responses], {
      env,
    });
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as PrintedFlow;
    expect(printed.steps.map((s) => [s.id, s.skipped])).toEqual([
      ['find', false],
      ['create', true],
      ['note', false],
    ]);
    expect(printed.steps[0]?.request).toEqual({
      method: 'GET',
      url: `${base}/people?email=ada%40example.com`,
      headers: { Authorization: 'Bearer t0k' },
    });
    expect(printed.steps[2]?.request?.body).toEqual({ to: 'P1', text: 'hello' });
    expect(printed.stoppedAt).toBeUndefined();
    expect(Object.keys(printed.steps[0] ?? {})).toEqual([
      'id',
      'skipped',
      'request',
      'response',
      'accepted',
      'result',
    ]);
    expect(result.stderr).toBe('');
    expect(received).toEqual([]);
  });

  it('stops at the first step without a response and says so on stderr', async () => {
    const responses = file({ find: { status: 200, body: { results: [] } } });
    const result = await runCli(['render', flow(), payload('new@example.com'), '--responses', responses], {
      env,
    });
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as PrintedFlow;
    expect(printed.steps.map((s) => s.id)).toEqual(['find', 'create']);
    expect(printed).toMatchObject({ stoppedAt: 'create', stopReason: 'no-response' });
    expect(result.stderr).toContain('stopped at step "create" (2 of 3): no response for it in --responses');
  });

  it('without --responses the preview is the first step', async () => {
    const result = await runCli(['render', flow(), payload('a@b.example'), '--compact'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect((JSON.parse(result.stdout) as PrintedFlow).steps.map((s) => s.id)).toEqual(['find']);
  });

  it('refuses a response without a status, and notes one for no step', async () => {
    const bad = await runCli(
      ['render', flow(), payload('a@b.example'), '--responses', file({ find: { body: {} } })],
      { env },
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/the response of "find" needs a "status"/);
    const extra = await runCli(
      ['render', flow(), payload('a@b.example'), '--responses', file({ fnd: { status: 200 } })],
      { env },
    );
    expect(extra.stderr).toContain('has a response for "fnd", which is no step of the flow');
  });

  it('frames a step problem in the flow file, and refuses --body', async () => {
    const broken = file({
      steps: [
        { id: 'a', url: `${base}/x/{{ steps.b.result }}` },
        { id: 'b', url: `${base}/y` },
      ],
    });
    const result = await runCli(['render', broken, payload('a@b.example')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/H409 .*:\d+:\d+ \/steps\/0\/url: steps\.b runs after this step/);
    const body = await runCli(['render', flow(), payload('a@b.example'), '--body'], { env });
    expect(body.code).toBe(1);
    expect(body.stderr).toContain('a flow has several requests');
  });
});

describe.sequential('hookmap send with a flow', () => {
  const send = (flowFile: string, payloadFile: string, ...more: string[]) =>
    runCli(['send', flowFile, payloadFile, '--allow-private', ...more], { env });

  it('finds the person, skips create and writes the note to them, printing each step', async () => {
    const result = await send(flow(), payload('ada@example.com'));
    expect(result.code).toBe(0);
    expect(received.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /people?email=ada%40example.com',
      'POST /notes',
    ]);
    expect(JSON.parse(received[1]?.body ?? '')).toEqual({ to: 'P1', text: 'hello' });
    expect(received.every((r) => r.headers.authorization === 'Bearer t0k')).toBe(true);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^find {2}GET http:\/\/127\.0\.0\.1:\d+\/people\?email=ada%40example\.com → HTTP 200 OK \(\d+m?s\)$/,
    );
    expect(lines[1]).toBe('create  skipped');
    expect(lines[2]).toMatch(/^note {2}POST .*\/notes → HTTP 201 Created/);
    expect(result.stderr).toContain('3 steps done');
  });

  it('creates the person when the lookup finds none, then notes on the created id', async () => {
    const result = await send(flow(), payload('new@example.com'));
    expect(result.code).toBe(0);
    expect(received.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /people?email=new%40example.com',
      'POST /people',
      'POST /notes',
    ]);
    expect(JSON.parse(received[1]?.body ?? '')).toEqual({ email: 'new@example.com' });
    expect(JSON.parse(received[2]?.body ?? '')).toEqual({ to: 'P9', text: 'hello' });
  });

  it('stops at a status the step does not accept: exit 1, nothing after it is sent', async () => {
    const result = await send(flow(), payload('ada@example.com', 'fail'), '--json');
    expect(result.code).toBe(1);
    const printed = JSON.parse(result.stdout) as PrintedFlow;
    expect(printed).toMatchObject({ stoppedAt: 'note', stopReason: 'not-accepted' });
    expect(printed.steps[2]?.response).toMatchObject({ status: 500, body: { error: 'boom' } });
    expect(result.stderr).toContain('stopped at step "note" (3 of 3): status 500 is not accepted (200–299)');
  });

  it('refuses a private destination without --allow-private: nothing sent, the step named', async () => {
    const result = await runCli(['send', flow(), payload('ada@example.com')], { env });
    expect(result.code).toBe(1);
    expect(received).toEqual([]);
    expect(result.stdout).toContain('find: no response');
    expect(result.stderr).toMatch(
      /H410 .*\/steps\/0: Step "find" got no response: refusing to send to 127\.0\.0\.1 .*--allow-private/,
    );
  });

  it('--dry-run renders the flow with --responses and sends nothing', async () => {
    const responses = file({
      find: { status: 200, body: { results: [] } },
      create: { status: 201, body: { id: 'P5' } },
      note: { status: 201 },
    });
    const result = await send(flow(), payload('new@example.com'), '--dry-run', '--responses', responses);
    expect(result.code).toBe(0);
    expect(received).toEqual([]);
    expect((JSON.parse(result.stdout) as PrintedFlow).steps[2]?.request?.body).toEqual({
      to: 'P5',
      text: 'hello',
    });
  });

  it("skips a payload the flow's when leaves out: nothing sent, exit 0", async () => {
    const result = await send(
      flow({ when: "{{ text != 'skip me' }}" }),
      payload('ada@example.com', 'skip me'),
    );
    expect(result.code).toBe(0);
    expect(received).toEqual([]);
    expect(result.stderr).toContain('skipped: the integration\'s "when"');
  });
});

describe.sequential('hookmap check with a flow', () => {
  it('renders the steps with --payload and --responses and reports what they meet', async () => {
    const responses = file({ find: { status: 200, body: { results: [{ id: 'P1' }] } } });
    const result = await runCli([
      'check',
      flow(),
      '--payload',
      payload('ada@example.com'),
      '--responses',
      responses,
      '--json',
    ]);
    expect(result.code).toBe(0);
    const problems = JSON.parse(result.stdout) as Array<{ code: string; pointer: string }>;
    // The shared header is met by both rendered steps: reported once.
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([['H404', '/headers/Authorization']]);
  });
});
