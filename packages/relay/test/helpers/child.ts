/* eslint-disable @typescript-eslint/no-explicit-any -- tests read JSON answers loosely */
/**
 * A relay in its own process, run straight from the TypeScript sources (tsx + the source condition), or
 * from the built `dist/main.js` as `node` runs it in production (`from: 'dist'`; build first).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ChildRelay {
  url: string;
  worker: string;
  proc: ChildProcess;
  stderr: string[];
  /** SIGKILL: no cleanup, no flush — a crash. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

export async function spawnRelay(
  env: Record<string, string>,
  nodeArgs: string[] = [],
  from: 'sources' | 'dist' = 'sources',
): Promise<ChildRelay> {
  const entry =
    from === 'dist' ? ['dist/main.js'] : ['--conditions=@hookmap/source', '--import', 'tsx', 'src/main.ts'];
  const proc = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: packageDir,
    env: {
      ...process.env,
      HOOKMAP_PORT: '0',
      HOOKMAP_HOST: '127.0.0.1',
      HOOKMAP_LOG_LEVEL: 'warn',
      HOOKMAP_ALLOW_PLAINTEXT_SECRETS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  createInterface({ input: proc.stderr! }).on('line', (l) => stderr.push(l));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const ready = await new Promise<{ listening: string; worker: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start: ${stderr.join('\n')}`)), 20_000);
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (!line.startsWith('{"listening"')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as { listening: string; worker: string });
    });
    proc.once('exit', (code) => reject(new Error(`relay exited with ${code}: ${stderr.join('\n')}`)));
  });
  return {
    url: ready.listening,
    worker: ready.worker,
    proc,
    stderr,
    crash: async () => {
      proc.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

export async function adminCall(
  url: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<any> {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** POST webhooks with bounded concurrency; returns the status per index (0 = connection failed). */
export async function sendWebhooks(
  urlFor: (i: number) => string,
  ids: string[],
  concurrency = 32,
  onAnswer: (status: number) => void = () => undefined,
): Promise<number[]> {
  const statuses = new Array<number>(ids.length).fill(0);
  let next = 0;
  async function lane() {
    while (next < ids.length) {
      const i = next++;
      const id = ids[i]!;
      try {
        const res = await fetch(urlFor(i), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': id },
          body: JSON.stringify({ id }),
        });
        await res.arrayBuffer();
        statuses[i] = res.status;
      } catch {
        statuses[i] = 0;
      }
      onAnswer(statuses[i]!);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  return statuses;
}
