/**
 * One HTTP attempt: a hard deadline, redirects never followed, the destination address checked
 * against the private-network policy, the response body captured up to a cap.
 */
import http from 'node:http';
import https from 'node:https';
import type { BlockList } from 'node:net';
import { checkLiteralHost, DestinationRefused, guardedLookup } from './address.js';

export interface SendOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  allow: BlockList;
}

export interface OutboundRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

export interface SendResult {
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
  error: string | null;
  /** The failure will not go away by trying again (refused destination, unusable URL). */
  permanent?: boolean;
  /** Cut short by `signal` (the relay is stopping): the request may or may not have arrived. */
  interrupted?: boolean;
  durationMs: number;
}

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 256 });

export async function send(
  request: OutboundRequest,
  options: SendOptions,
  signal?: AbortSignal,
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const { status, headers, body } = await exchange(request, options, signal);
    return { status, headers, body, error: null, durationMs: elapsed() };
  } catch (error) {
    if (signal?.aborted) {
      return {
        status: null,
        headers: null,
        body: null,
        error: 'interrupted: the relay was stopping',
        interrupted: true,
        durationMs: elapsed(),
      };
    }
    const permanent =
      error instanceof DestinationRefused ||
      error instanceof UnusableUrl ||
      UNSENDABLE.has((error as NodeJS.ErrnoException).code ?? '');
    return {
      status: null,
      headers: null,
      body: null,
      error: describe(error),
      permanent,
      durationMs: elapsed(),
    };
  }
}

class UnusableUrl extends Error {}

/** Node refuses to send these requests at all (bad header name or value, bad method): retrying cannot help. */
const UNSENDABLE = new Set([
  'ERR_INVALID_CHAR',
  'ERR_INVALID_HTTP_TOKEN',
  'ERR_HTTP_INVALID_HEADER_VALUE',
  'ERR_UNESCAPED_CHARACTERS',
]);

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UnusableUrl(`not a valid URL: ${text}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UnusableUrl(`unsupported URL scheme "${url.protocol}" (only http and https)`);
  }
  return url;
}

function exchange(request: OutboundRequest, options: SendOptions, signal?: AbortSignal) {
  const url = parseUrl(request.url);
  checkLiteralHost(url.hostname, options.allow);
  const secure = url.protocol === 'https:';
  const body = request.body === null ? undefined : Buffer.from(request.body, 'utf8');
  // The length is the body's, whatever a template wrote (a wrong one would leave the CRM waiting).
  const { 'content-length': _written, ...rest } = request.headers;
  const headers = body ? { ...rest, 'content-length': String(body.length) } : rest;
  return new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve, reject) => {
    const req = (secure ? https : http).request(url, {
      method: request.method,
      headers,
      agent: secure ? httpsAgent : httpAgent,
      lookup: guardedLookup(options.allow) as never,
    });
    const timer = setTimeout(
      () => req.destroy(new Error(`timed out after ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    const interrupt = () => req.destroy(new Error('interrupted'));
    if (signal?.aborted) interrupt();
    signal?.addEventListener('abort', interrupt, { once: true });
    req.once('close', () => signal?.removeEventListener('abort', interrupt));
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (chunk: Buffer) => {
        if (kept >= options.maxResponseBytes) return;
        const part = chunk.subarray(0, options.maxResponseBytes - kept);
        chunks.push(part);
        kept += part.length;
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          headers: flatHeaders(res.headers),
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      res.on('close', () => {
        clearTimeout(timer);
        if (!res.complete) reject(new Error('connection closed before the response was complete'));
      });
    });
    req.end(body);
  });
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ECONNREFUSED')
    return `connection refused (${e.message.replace(/^connect ECONNREFUSED /, '')})`;
  if (e?.code && !e.message.includes(e.code)) return `${e.code}: ${e.message}`;
  return e?.message ?? String(error);
}
