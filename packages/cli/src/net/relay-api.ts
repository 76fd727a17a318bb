/** A small client for a relay's admin API (SPEC §12): base URL and token from options or the environment. */
import { CliError } from '../io/errors.js';

export interface RelayOptions {
  relay?: string;
  token?: string;
}

export interface RelayClient {
  url: string;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export function relayClient(options: RelayOptions, env: NodeJS.ProcessEnv): RelayClient {
  const url = (options.relay ?? env.HOOKMAP_RELAY_URL ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(url))
    throw new CliError(`--relay must be an http(s) URL, got "${url}"`, { exitCode: 2 });
  const token = options.token ?? env.HOOKMAP_ADMIN_TOKEN;
  if (!token)
    throw new CliError("no admin token: pass --token or set HOOKMAP_ADMIN_TOKEN (the relay's admin token)", {
      exitCode: 2,
    });
  return {
    url,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      let res: Response;
      try {
        res = await fetch(url + path, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (error) {
        throw new CliError(
          `cannot reach the relay at ${url}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}; is it running (hookmap serve)?`,
          { cause: error },
        );
      }
      const text = await res.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = text;
      }
      if (!res.ok) {
        const err = parsed as { error?: string; message?: string } | null;
        const hint = res.status === 401 ? ' (check --token / HOOKMAP_ADMIN_TOKEN)' : '';
        throw new CliError(
          `relay answered ${res.status} to ${method} ${path}: ${err?.message ?? text}${hint}`,
        );
      }
      return parsed as T;
    },
  };
}
