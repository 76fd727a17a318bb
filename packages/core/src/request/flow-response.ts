import { Codes } from '../codes.js';
import { RequestError } from '../errors.js';
import { setOwn } from '../evaluate/paths.js';
import type { FetchResponse, FlowResponse, StepResponse } from '../types.js';

/** Default `maxResponseBytes`: CRM lookups answer a few KB; a hostile or broken server cannot make a flow buffer more. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

const JSON_TYPE = /^\s*application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** True for `application/json` and `application/<anything>+json` (with parameters). */
export function isJsonType(contentType: string | undefined): boolean {
  return contentType !== undefined && JSON_TYPE.test(contentType);
}

/**
 * The body a template reads as `response.body`: JSON text parsed when the content type is JSON (text
 * that does not parse stays text), no body as null, anything else as it is.
 */
function readableBody(body: unknown, headers: Record<string, string>, truncated: boolean): unknown {
  if (body === undefined || body === '') return null;
  if (typeof body !== 'string' || truncated || !isJsonType(headers['content-type'])) return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** A response given to renderFlow (or recorded earlier), as a flow records it: header names in lower case, body parsed. */
export function toFlowResponse(response: StepResponse, pointer: string): FlowResponse {
  if (typeof response !== 'object' || response === null || !Number.isInteger(response.status)) {
    throw new RequestError(
      Codes.INVALID_STEP_RESPONSE,
      `The response for the step at ${pointer} needs a "status" (an HTTP status code), e.g. {"status": 200, "body": {…}}.`,
      { path: pointer },
    );
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {}))
    setOwn(headers, name.toLowerCase(), String(value));
  return { status: response.status, headers, body: readableBody(response.body, headers, false) };
}

/** Reads a fetched response: headers, and the body up to `max` bytes (then cut, kept as text, `truncated` set). */
export async function readResponse(response: FetchResponse, max: number): Promise<FlowResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => setOwn(headers, name.toLowerCase(), value));
  const { text, truncated } = await readText(response, max);
  const out: FlowResponse = {
    status: response.status,
    headers,
    body: readableBody(text, headers, truncated),
  };
  if (truncated) out.truncated = true;
  return out;
}

async function readText(response: FetchResponse, max: number): Promise<{ text: string; truncated: boolean }> {
  const stream = response.body;
  if (!stream) {
    const text = response.text ? await response.text() : '';
    const bytes = new TextEncoder().encode(text);
    return bytes.length <= max
      ? { text, truncated: false }
      : { text: new TextDecoder().decode(bytes.subarray(0, max)), truncated: true };
  }
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    if (size + value.byteLength > max) {
      text += decoder.decode(value.subarray(0, max - size));
      await reader.cancel().catch(() => undefined);
      return { text, truncated: true };
    }
    size += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
  return { text: text + decoder.decode(), truncated: false };
}
