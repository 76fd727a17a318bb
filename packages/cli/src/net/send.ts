import { Agent, fetch } from 'undici';
import { CliError } from '../io/errors.js';
import { BlockedAddressError, assertPublicDestination, guardedLookup } from './guard.js';

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface SendOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

export interface SendResult {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  body: string;
  /** Set for 3xx answers: redirects are never followed, the Location is reported instead. */
  location?: string;
  durationMs: number;
}

/**
 * Perform one HTTP request: no redirects followed, a hard timeout covering the whole exchange,
 * and (unless allowPrivate) every address of the host checked before and at connect time.
 */
export async function sendRequest(request: OutgoingRequest, options: SendOptions): Promise<SendResult> {
  const url = parseHttpUrl(request.url);
  if (!options.allowPrivate) await assertPublicDestination(url).catch(rethrowAsCliError(url));
  const dispatcher = new Agent(options.allowPrivate ? {} : { connect: { lookup: guardedLookup() } });
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
      dispatcher,
    });
    const body = await response.text();
    const result: SendResult = {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers.entries()],
      body,
      durationMs: Math.round(performance.now() - started),
    };
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) result.location = location;
    return result;
  } catch (error) {
    throw toCliError(error, url, options.timeoutMs);
  } finally {
    await dispatcher.close().catch(() => undefined);
  }
}

function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`cannot send: "${text}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(`cannot send: only http and https URLs are supported, got ${url.protocol}`);
  }
  return url;
}

function rethrowAsCliError(url: URL) {
  return (error: unknown): never => {
    throw toCliError(error, url, 0);
  };
}

function toCliError(error: unknown, url: URL, timeoutMs: number): CliError {
  const root = rootCause(error);
  if (root instanceof BlockedAddressError) return new CliError(root.message, { cause: error });
  if (root instanceof Error && (root.name === 'TimeoutError' || root.name === 'AbortError')) {
    return new CliError(`request to ${url.host} timed out after ${formatMs(timeoutMs)}`, { cause: error });
  }
  const code = (root as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new CliError(`cannot resolve host ${url.hostname}`, { cause: error });
  if (code === 'ECONNREFUSED') return new CliError(`connection refused by ${url.host}`, { cause: error });
  const message = root instanceof Error ? root.message : String(root);
  return new CliError(`request to ${url.host} failed: ${message}`, { cause: error });
}

function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 8 && current instanceof Error && current.cause !== undefined; depth++) {
    if (current instanceof BlockedAddressError) return current;
    current = current.cause;
  }
  return current;
}

export function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** "15s", "500ms", "2m", or a bare number of seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(text.trim());
  if (!match) throw new CliError(`invalid duration "${text}" (use e.g. 15s, 500ms, 2m)`);
  const value = Number(match[1]);
  const unit = match[2] ?? 's';
  const ms = unit === 'ms' ? value : unit === 's' ? value * 1000 : value * 60_000;
  if (ms <= 0) throw new CliError(`invalid duration "${text}": must be positive`);
  return Math.round(ms);
}
