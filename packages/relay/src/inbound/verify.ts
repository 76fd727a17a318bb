/** Inbound checks: the provider's own signature, Standard Webhooks, or a shared secret in a header. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { verifyStandardWebhook } from '@hookmap/providers';
import type { HeaderBag } from '@hookmap/core';
import type { Source } from '../store/types.js';
import { findProvider } from '../delivery/render.js';

/** `authenticated`: a secret proved who sent it (a signature or the shared secret), not only the path. */
export type Verdict = { ok: true; authenticated: boolean } | { ok: false; message: string };

const SIGNATURE_HEADERS: Record<string, string> = { attendee: 'x-webhook-signature' };
export const DEFAULT_SECRET_HEADER = 'x-hookmap-secret';

export async function verifyInbound(source: Source, rawBody: string, headers: HeaderBag): Promise<Verdict> {
  if (!source.secret || source.verification === 'none') return { ok: true, authenticated: false };
  try {
    if (source.verification === 'shared-secret') return sharedSecret(source, source.secret, headers);
    if (source.verification === 'standard-webhooks') {
      if (!headers['webhook-signature'] && !headers['svix-signature'])
        return { ok: false, message: 'missing webhook-signature header' };
      const ok = await verifyStandardWebhook(rawBody, headers, source.secret, {});
      return ok
        ? { ok: true, authenticated: true }
        : { ok: false, message: 'Standard Webhooks signature does not match' };
    }
    const provider = findProvider(source.provider);
    if (!provider?.verify) return { ok: true, authenticated: false };
    const header = source.provider ? SIGNATURE_HEADERS[source.provider] : undefined;
    if (header && !headers[header]) return { ok: false, message: `missing ${header} header` };
    const ok = await provider.verify(rawBody, headers, source.secret);
    return ok
      ? { ok: true, authenticated: true }
      : { ok: false, message: `${provider.name} signature does not match` };
  } catch {
    return { ok: false, message: 'signature could not be verified' };
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** The secret itself, or `Bearer <secret>`, in the configured header; compared in constant time. */
function sharedSecret(source: Source, secret: string, headers: HeaderBag): Verdict {
  const name = secretHeaderOf(source);
  const raw = headers[name];
  const value = typeof raw === 'string' ? raw.trim() : undefined;
  if (!value) return { ok: false, message: `missing ${name} header` };
  const presented = /^Bearer\s+(.+)$/i.exec(value)?.[1]?.trim() ?? value;
  return timingSafeEqual(digest(presented), digest(secret))
    ? { ok: true, authenticated: true }
    : { ok: false, message: `${name} does not match` };
}

export function secretHeaderOf(source: Pick<Source, 'secretHeader'>): string {
  return (source.secretHeader ?? DEFAULT_SECRET_HEADER).toLowerCase();
}

/** Whether a source with this provider and verification can check signatures at all. */
export function canVerify(provider: string | null, verification: Source['verification']): boolean {
  if (verification === 'standard-webhooks' || verification === 'shared-secret') return true;
  if (verification === 'none') return false;
  return Boolean(findProvider(provider)?.verify);
}

/**
 * The provider's idempotency key, else a Standard Webhooks id or an `Idempotency-Key` header. When no
 * secret proved the sender, anyone who knows an id could send it first and make the genuine webhook a
 * "duplicate": then the key also holds the SHA-256 of the raw bytes, so only a byte-identical repeat dedupes.
 */
export function idempotencyKeyOf(
  source: Source,
  payload: unknown,
  headers: HeaderBag,
  rawBytes: Uint8Array,
  authenticated: boolean,
): string | null {
  const fromHeader = (name: string) => {
    const v = headers[name];
    return typeof v === 'string' && v ? v : null;
  };
  let key: string | null;
  if (source.verification === 'standard-webhooks' && fromHeader('webhook-id')) key = fromHeader('webhook-id');
  else {
    const provider = findProvider(source.provider);
    key =
      (provider ? provider.idempotencyKey(payload) : null) ??
      fromHeader('idempotency-key') ??
      fromHeader('webhook-id');
  }
  if (key === null || authenticated) return key;
  return `${key}#sha256:${createHash('sha256').update(rawBytes).digest('hex')}`;
}
