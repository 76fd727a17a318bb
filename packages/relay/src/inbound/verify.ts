/** Inbound signature checks: the provider's own scheme, or Standard Webhooks when configured. */
import { verifyStandardWebhook } from '@hookmap/providers';
import type { HeaderBag } from '@hookmap/core';
import type { Source } from '../store/types.js';
import { findProvider } from '../delivery/render.js';

export type Verdict = { ok: true } | { ok: false; message: string };

const SIGNATURE_HEADERS: Record<string, string> = { attendee: 'x-webhook-signature' };

export async function verifyInbound(source: Source, rawBody: string, headers: HeaderBag): Promise<Verdict> {
  if (!source.secret || source.verification === 'none') return { ok: true };
  try {
    if (source.verification === 'standard-webhooks') {
      if (!headers['webhook-signature'] && !headers['svix-signature']) return { ok: false, message: 'missing webhook-signature header' };
      const ok = await verifyStandardWebhook(rawBody, headers, source.secret, {});
      return ok ? { ok: true } : { ok: false, message: 'Standard Webhooks signature does not match' };
    }
    const provider = findProvider(source.provider);
    if (!provider?.verify) return { ok: true };
    const header = source.provider ? SIGNATURE_HEADERS[source.provider] : undefined;
    if (header && !headers[header]) return { ok: false, message: `missing ${header} header` };
    const ok = await provider.verify(rawBody, headers, source.secret);
    return ok ? { ok: true } : { ok: false, message: `${provider.name} signature does not match` };
  } catch {
    return { ok: false, message: 'signature could not be verified' };
  }
}

/** Whether a source with this provider and verification can check signatures at all. */
export function canVerify(provider: string | null, verification: Source['verification']): boolean {
  if (verification === 'standard-webhooks') return true;
  if (verification === 'none') return false;
  return Boolean(findProvider(provider)?.verify);
}

/** The provider's idempotency key, else a Standard Webhooks id or an `Idempotency-Key` header. */
export function idempotencyKeyOf(source: Source, payload: unknown, headers: HeaderBag): string | null {
  const fromHeader = (name: string) => {
    const v = headers[name];
    return typeof v === 'string' && v ? v : null;
  };
  if (source.verification === 'standard-webhooks' && fromHeader('webhook-id')) return fromHeader('webhook-id');
  const provider = findProvider(source.provider);
  const key = provider ? provider.idempotencyKey(payload) : null;
  return key ?? fromHeader('idempotency-key') ?? fromHeader('webhook-id');
}
