/**
 * Request ids: every HTTP request gets one (the caller's `X-Request-Id` when it is a sane token, else
 * a new one), echoed in the answer. An accepted webhook keeps it with its headers, so the log lines of
 * its deliveries and attempts carry the same id as the request that brought it.
 */
import type { IncomingMessage } from 'node:http';
import { newId } from './ids.js';

export const REQUEST_ID_HEADER = 'x-request-id';
const SANE = /^[\w.:@/+=-]{1,128}$/;

export function genRequestId(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SANE.test(given) ? given : newId('req');
}

/** The id of the request that brought an event (events made by "Send test" use their own id). */
export function requestIdOf(eventId: string, headers: Record<string, string> | undefined): string {
  return headers?.[REQUEST_ID_HEADER] ?? eventId;
}
