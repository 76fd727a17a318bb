import { bodyBytes, concatBytes, constantTimeEqual, fromBase64, hmacSha256, utf8 } from './bytes.js';
import { firstHeader, headerValues, type HeaderSource } from './headers.js';

export interface StandardWebhookOptions {
  /** Largest accepted distance between the `webhook-timestamp` and now, in seconds. Default 300. */
  toleranceSeconds?: number;
  /** The current time (epoch milliseconds or a Date), for tests and replays. Default `Date.now()`. */
  now?: number | Date;
}

const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

/** Header names of the Standard Webhooks spec, with Svix's older `svix-*` names accepted as well. */
const HEADER_NAMES = {
  id: ['webhook-id', 'svix-id'],
  timestamp: ['webhook-timestamp', 'svix-timestamp'],
  signature: ['webhook-signature', 'svix-signature'],
} as const;

/**
 * Verifies a Standard Webhooks request (https://www.standardwebhooks.com): HMAC-SHA256 over
 * `${webhook-id}.${webhook-timestamp}.${body}`, keyed with the base64 secret after its `whsec_` prefix.
 * The signature header may list several space-separated `v1,<base64>` entries; any match passes.
 */
export async function verifyStandardWebhook(
  rawBody: string | Uint8Array,
  headers: HeaderSource,
  secret: string,
  options: StandardWebhookOptions = {},
): Promise<boolean> {
  const id = findHeader(headers, HEADER_NAMES.id);
  const timestamp = findHeader(headers, HEADER_NAMES.timestamp);
  const signatures = HEADER_NAMES.signature
    .flatMap((name) => headerValues(headers, name))
    .flatMap(v1Signatures);
  const key = fromBase64(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
  if (id === null || timestamp === null || signatures.length === 0 || !key || key.length === 0) return false;
  if (!isFresh(timestamp, options)) return false;
  const signed = concatBytes(utf8(`${id}.${timestamp}.`), bodyBytes(rawBody));
  const expected = await hmacSha256(key, signed);
  let matched = false;
  for (const signature of signatures) matched = constantTimeEqual(signature, expected) || matched;
  return matched;
}

function findHeader(headers: HeaderSource, names: readonly string[]): string | null {
  for (const name of names) {
    const value = firstHeader(headers, name);
    if (value !== null) return value.trim();
  }
  return null;
}

function v1Signatures(header: string): Uint8Array[] {
  return header
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => fromBase64(entry.slice(3)))
    .filter((bytes) => bytes !== null);
}

function isFresh(timestamp: string, options: StandardWebhookOptions): boolean {
  if (!/^\d+$/.test(timestamp)) return false;
  const nowMs = options.now === undefined ? Date.now() : Number(options.now);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= tolerance;
}
