import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const MAIN = resolve(import.meta.dirname, '../../dist/main.js');
export const FIXTURES = resolve(import.meta.dirname, '../fixtures');
export const fixture = (name: string): string => resolve(FIXTURES, name);

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI as a subprocess (async, so servers in the test process keep answering). */
export function runCli(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NO_COLOR: '1', ...options.env };
    const child = spawn(process.execPath, [MAIN, ...args], {
      env,
      cwd: options.cwd ?? FIXTURES,
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
