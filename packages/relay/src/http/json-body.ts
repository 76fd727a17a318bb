/**
 * The JSON body parser: UTF-8 only (decoded strictly, so the stored body is the bytes received and two
 * different byte strings never become one text), nesting refused past core's payload depth before
 * `JSON.parse` runs (a deep payload is a 400 at the door, never a stack overflow later).
 */
import { DEFAULT_LIMITS } from '@hookmap/core';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Whether `text` (JSON) nests arrays/objects deeper than `max`; strings are skipped. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

export function parseJsonBody(
  request: FastifyRequest,
  body: Buffer,
  done: (err: Error | null, body?: unknown) => void,
): void {
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    done(
      new HttpError(400, 'bad_encoding', 'body is not valid UTF-8; JSON must be sent as UTF-8 (RFC 8259)'),
      undefined,
    );
    return;
  }
  request.rawBody = text;
  request.rawBytes = body;
  const maxDepth = DEFAULT_LIMITS.maxPayloadDepth;
  if (nestsDeeperThan(text, maxDepth)) {
    done(
      new HttpError(400, 'too_deep', `JSON nests deeper than ${maxDepth} levels (the payload depth limit)`),
      undefined,
    );
    return;
  }
  try {
    done(null, text.length === 0 ? undefined : JSON.parse(text));
  } catch (error) {
    done(
      new HttpError(400, 'malformed_json', `body is not valid JSON: ${(error as Error).message}`),
      undefined,
    );
  }
}
