import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './types.js';

/** Request bodies larger than this are refused (413): a CRM request is a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class TooLarge extends Error {}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size > MAX_BODY_BYTES) throw new TooLarge(`body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The parsed JSON body, undefined without one, or a SyntaxError the caller answers with 400. */
export function parseJson(text: string): unknown {
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

export function headersOf(request: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function send(response: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  if (reply.body === undefined || reply.body === null) {
    response.writeHead(reply.status, headers);
    response.end();
    return;
  }
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  headers['content-type'] ??=
    typeof reply.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  response.writeHead(reply.status, headers);
  response.end(text);
}
