import { Agent, fetch } from 'undici';
import { CliError } from '../io/errors.js';
import { BlockedAddressError, assertPublicDestination, guardedLookup, type LookupAll } from './guard.js';

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface SendOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  /** Largest response body kept; the rest is dropped and `truncated` set. Default 10 MiB. */
  maxBodyBytes?: number;
  /** DNS resolver (every address of a name); the system resolver by default. For tests. */
  lookupAll?: LookupAll;
}

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface SendResult {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  body: string;
  /** True when the body was longer than maxBodyBytes and was cut. */
  truncated: boolean;
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
  if (!options.allowPrivate)
    await assertPublicDestination(url, options.lookupAll).catch(rethrowAsCliError(url));
  const dispatcher = new Agent(
    options.allowPrivate ? {} : { connect: { lookup: guardedLookup(options.lookupAll) } },
  );
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
    const { text, truncated } = await readBody(response.body, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    const result: SendResult = {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers.entries()],
      body: text,
      truncated,
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

/** Read at most `max` bytes of a response body; a hostile server cannot make us buffer gigabytes. */
async function readBody(
  body: AsyncIterable<Uint8Array> | null,
  max: number,
): Promise<{ text: string; truncated: boolean }> {
  if (body === null) return { text: '', truncated: false };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const room = max - size;
    if (chunk.byteLength > room) {
      chunks.push(Buffer.from(chunk.subarray(0, room)));
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    chunks.push(Buffer.from(chunk));
    size += chunk.byteLength;
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
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
