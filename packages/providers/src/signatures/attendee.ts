import { bodyText, constantTimeEqual, fromBase64, hmacSha256, toBase64, utf8 } from './bytes.js';
import { headerValues, type HeaderSource } from './headers.js';
import { pythonCanonicalJson } from './python-json.js';
import { parseRawJson } from './raw-json.js';

export const ATTENDEE_SIGNATURE_HEADER = 'X-Webhook-Signature';

/**
 * The exact text Attendee signs: `json.dumps(payload, sort_keys=True, ensure_ascii=False,
 * separators=(",", ":"))` of the received body. Throws a RawJsonError when the body is not JSON.
 */
export function attendeeCanonicalJson(rawBody: string | Uint8Array): string {
  return pythonCanonicalJson(parseRawJson(bodyText(rawBody)));
}

/** Base64 HMAC-SHA256 of the canonical body, keyed with the base64-decoded project secret. */
export async function signAttendeePayload(rawBody: string | Uint8Array, secret: string): Promise<string> {
  const key = fromBase64(secret);
  if (!key)
    throw new Error('The Attendee webhook secret must be base64, as the Settings → Webhooks page shows it');
  return toBase64(await hmacSha256(key, utf8(attendeeCanonicalJson(rawBody))));
}

/**
 * Checks `X-Webhook-Signature` (any case) against the body as received, in constant time.
 * False for a missing or malformed header, a body that is not JSON, or a secret that is not base64.
 */
export async function verifyAttendeeSignature(
  rawBody: string | Uint8Array,
  headers: HeaderSource,
  secret: string,
): Promise<boolean> {
  const signatures = headerValues(headers, ATTENDEE_SIGNATURE_HEADER)
    .map((value) => fromBase64(value))
    .filter((bytes) => bytes !== null);
  if (signatures.length === 0) return false;
  let expected: Uint8Array;
  try {
    const key = fromBase64(secret);
    if (!key) return false;
    expected = await hmacSha256(key, utf8(attendeeCanonicalJson(rawBody)));
  } catch {
    return false;
  }
  let matched = false;
  for (const signature of signatures) matched = constantTimeEqual(signature, expected) || matched;
  return matched;
}
