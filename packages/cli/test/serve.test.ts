import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAIN, runCli } from './helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hookmap-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hookmap serve', () => {
  it('starts the relay, prints its URL, answers, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [MAIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--data', dir, '--admin-token', 't0k'],
      { env: { PATH: process.env.PATH, NO_COLOR: '1' }, stdio: 'pipe' },
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.on('close', (code) => reject(new Error(`serve exited early with ${code}`)));
      });
      const response = await fetch(`${url}/api/providers`, { headers: { Authorization: 'Bearer t0k' } });
      expect(response.status).toBe(200);
      const unauthorized = await fetch(`${url}/api/providers`);
      expect(unauthorized.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('rejects an invalid port in one line', async () => {
    const result = await runCli(['serve', '--port', 'eighty']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: invalid port "eighty"\n');
  });
});
