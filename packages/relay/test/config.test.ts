/**
 * Configuration is checked at start (SPEC §13): a wrong value stops the relay with a message naming
 * the variable and what it accepts, as one JSON line, without a stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../src/config.js';
import { ConfigError } from '../src/config-check.js';
import { startRelay } from '../src/relay.js';
import { startTestRelay, type TestRelay } from './helpers/relay.js';

const refused: { env: Record<string, string>; variable: string; accepts: RegExp }[] = [
  { env: { HOOKMAP_CONCURRENCY: '0' }, variable: 'HOOKMAP_CONCURRENCY', accepts: /integer from 1/ },
  { env: { HOOKMAP_MAX_ATTEMPTS: '-3' }, variable: 'HOOKMAP_MAX_ATTEMPTS', accepts: /integer from 1 to 100/ },
  {
    env: { HOOKMAP_LOG_LEVEL: 'verbose' },
    variable: 'HOOKMAP_LOG_LEVEL',
    accepts: /debug, info, warn, error/,
  },
  { env: { HOOKMAP_PORT: '80a' }, variable: 'HOOKMAP_PORT', accepts: /integer from 0 to 65,535/ },
  { env: { PORT: '70000' }, variable: 'PORT', accepts: /integer/ },
  { env: { HOOKMAP_TIMEOUT_MS: '1.5' }, variable: 'HOOKMAP_TIMEOUT_MS', accepts: /integer/ },
  {
    env: { HOOKMAP_ALLOW_PRIVATE: '127.0.0.1,intranet' },
    variable: 'HOOKMAP_ALLOW_PRIVATE',
    accepts: /IP addresses or CIDR/,
  },
  { env: { HOOKMAP_METRICS_PUBLIC: 'maybe' }, variable: 'HOOKMAP_METRICS_PUBLIC', accepts: /true/ },
  { env: { DATABASE_URL: 'mysql://x' }, variable: 'DATABASE_URL', accepts: /postgres:\/\// },
  { env: { HOOKMAP_PG_SCHEMA: 'Drop Table' }, variable: 'HOOKMAP_PG_SCHEMA', accepts: /lower-case SQL name/ },
  { env: { HOOKMAP_SHUTDOWN_MS: 'soon' }, variable: 'HOOKMAP_SHUTDOWN_MS', accepts: /in ms/ },
  {
    env: { HOOKMAP_RATE_LIMITS: 'api.hubapi.com=lots' },
    variable: 'HOOKMAP_RATE_LIMITS',
    accepts: /host=N\/window/,
  },
];

const accepted: { env: Record<string, string>; options: Record<string, unknown> }[] = [
  {
    env: { HOOKMAP_ALLOW_PRIVATE: '127.0.0.1, 10.0.0.0/8' },
    options: { allowPrivate: ['127.0.0.1', '10.0.0.0/8'] },
  },
  { env: { HOOKMAP_METRICS_PUBLIC: 'yes' }, options: { metricsPublic: true } },
  { env: { HOOKMAP_METRICS_PUBLIC: '0' }, options: { metricsPublic: false } },
  {
    env: { HOOKMAP_CONCURRENCY: ' 8 ', HOOKMAP_LOG_LEVEL: 'debug' },
    options: { concurrency: 8, logLevel: 'debug' },
  },
  { env: { PORT: '9000' }, options: { port: 9000 } },
  { env: { HOOKMAP_PORT: '9001', PORT: '9000' }, options: { port: 9001 } },
  { env: { HOOKMAP_RETENTION_DAYS: '0.5' }, options: { retentionDays: 0.5 } },
  {
    env: { HOOKMAP_RATE_LIMITS: 'api.hubapi.com=190/10s, hooks.slack.com=off,*.example.com=5/s' },
    options: {
      rateLimits: {
        'api.hubapi.com': { limit: 190, windowMs: 10_000 },
        'hooks.slack.com': null,
        '*.example.com': { limit: 5, windowMs: 1_000 },
      },
    },
  },
  { env: { HOOKMAP_CONCURRENCY: '' }, options: {} },
];

describe('optionsFromEnv', () => {
  it.each(refused)('refuses $env, naming $variable and what it accepts', ({ env, variable, accepts }) => {
    let error: unknown;
    try {
      optionsFromEnv(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.variable)).toEqual([variable]);
    expect(problems[0]!.accepts).toMatch(accepts);
    expect((error as Error).message).toContain(variable);
  });

  it.each(accepted)('reads $env', ({ env, options }) => {
    expect(optionsFromEnv(env)).toEqual(options);
  });

  it('reports every wrong variable at once', () => {
    expect(() => optionsFromEnv({ HOOKMAP_CONCURRENCY: '0', HOOKMAP_LOG_LEVEL: 'loud' })).toThrow(
      /HOOKMAP_CONCURRENCY.*HOOKMAP_LOG_LEVEL/,
    );
  });
});

describe('startRelay options', () => {
  it('refuses a wrong value before opening anything, naming the option and its variable', async () => {
    await expect(startRelay({ concurrency: 0, log: false })).rejects.toThrow(
      /HOOKMAP_CONCURRENCY \(options\.concurrency\)="0"/,
    );
    await expect(startRelay({ logLevel: 'verbose' as never, log: false })).rejects.toThrow(ConfigError);
  });

  it('takes HOOKMAP_ALLOW_PRIVATE-style text for allowPrivate', async () => {
    const relay = await startTestRelay({ allowPrivate: '127.0.0.1, ::1' });
    await relay.close();
  });
});

describe('saving a source', () => {
  let relay: TestRelay;
  beforeAll(async () => {
    relay = await startTestRelay();
  });
  afterAll(async () => {
    await relay.close();
  });

  it('refuses an Attendee secret that is not base64, naming the field (400)', async () => {
    const res = await relay.api('POST', '/api/sources', {
      provider: 'attendee',
      secret: 'not base64 at all!',
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/"secret".*base64/);
    expect(res.body.details).toMatchObject({ field: 'secret' });
    const ok = await relay.api('POST', '/api/sources', {
      provider: 'attendee',
      secret: Buffer.from('k'.repeat(32)).toString('base64'),
    });
    expect(ok.status).toBe(201);
    const patched = await relay.api('PATCH', `/api/sources/${ok.body.id}`, { secret: '%%%' });
    expect(patched.status).toBe(400);
  });

  it('refuses a Standard Webhooks secret that is not base64', async () => {
    const res = await relay.api('POST', '/api/sources', {
      provider: 'osvi',
      verification: 'standard-webhooks',
      secret: 'whsec_***',
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/"secret"/);
  });

  it('refuses an integration whose rateLimit field is unusable (422 at /rateLimit)', async () => {
    const source = await relay.api('POST', '/api/sources', { provider: null });
    const res = await relay.api('POST', '/api/integrations', {
      sourceId: source.body.id,
      doc: { url: 'https://example.com/x', rateLimit: { limit: 0, windowMs: 1000 } },
    });
    expect(res.status).toBe(422);
    expect(res.body.details[0]).toMatchObject({ path: '/rateLimit' });
  });
});

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(join(tmpdir(), 'hookmap-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Run src/main.ts with `env` until it exits; its exit code and stderr lines. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; lines: string[] }> {
  const proc = spawn(process.execPath, ['--conditions=@hookmap/source', '--import', 'tsx', 'src/main.ts'], {
    cwd: packageDir,
    env: { ...process.env, HOOKMAP_PORT: '0', HOOKMAP_HOST: '127.0.0.1', HOOKMAP_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) =>
    proc.on('exit', (code) => resolve({ code, lines: stderr.split('\n').filter(Boolean) })),
  );
}

describe('main.ts with a wrong variable', () => {
  it.each([
    ['HOOKMAP_CONCURRENCY', '0'],
    ['HOOKMAP_MAX_ATTEMPTS', '-3'],
    ['HOOKMAP_LOG_LEVEL', 'verbose'],
  ])(
    '%s=%s: exits 1 with one JSON line naming it, no stack trace',
    { timeout: 30_000 },
    async (name, value) => {
      const { code, lines } = await runMain({ [name]: value });
      expect(code).toBe(1);
      expect(lines).toHaveLength(1);
      const line = JSON.parse(lines[0]!) as {
        level: string;
        msg: string;
        problems: { variable: string; accepts: string }[];
      };
      expect(line.level).toBe('error');
      expect(line.msg).toContain(`${name}="${value}"`);
      expect(line.problems[0]).toMatchObject({ variable: name });
      expect(lines.join('\n')).not.toMatch(/\n\s+at /);
    },
  );

  it(
    'a start-up failure (port taken) is one line with the cause, no stack trace',
    { timeout: 30_000 },
    async () => {
      const relay = await startTestRelay();
      try {
        const port = new URL(relay.url).port;
        const { code, lines } = await runMain({ HOOKMAP_PORT: port });
        expect(code).toBe(1);
        expect(lines).toHaveLength(1);
        expect(JSON.parse(lines[0]!).msg).toMatch(/^relay could not start: .*EADDRINUSE/);
      } finally {
        await relay.close();
      }
    },
  );
});
