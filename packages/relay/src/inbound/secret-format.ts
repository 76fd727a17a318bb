/**
 * A signing secret that can never verify anything is refused when the source is saved, not found out
 * when every webhook is refused: Attendee's is base64 (as its settings page shows it), a Standard
 * Webhooks one is base64 after an optional `whsec_`.
 */
import { signAttendeePayload } from '@hookmap/providers';
import type { Source } from '../store/types.js';
import { badRequest } from '../http/errors.js';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function isBase64(text: string): boolean {
  return BASE64.test(text) && text.length % 4 !== 1 && Buffer.from(text, 'base64').length > 0;
}

/** A problem in words naming the `secret` field, or null. */
export async function secretFormatProblem(
  source: Pick<Source, 'provider' | 'verification' | 'secret'>,
): Promise<string | null> {
  const { provider, verification, secret } = source;
  if (!secret || verification === 'none') return null;
  if (verification === 'shared-secret') {
    return secret.length >= 16
      ? null
      : '"secret" must be at least 16 characters for shared-secret verification (e.g. `openssl rand -hex 24`)';
  }
  if (verification === 'standard-webhooks') {
    return isBase64(secret.replace(/^whsec_/, ''))
      ? null
      : '"secret" must be a Standard Webhooks secret: base64, usually starting with whsec_';
  }
  if (provider === 'attendee') {
    try {
      await signAttendeePayload('{}', secret);
      return null;
    } catch {
      return '"secret" must be the Attendee webhook secret as its Settings → Webhooks page shows it (base64)';
    }
  }
  return null;
}

/** 400 naming `secret` when it cannot work. */
export async function assertSecretFormat(
  source: Pick<Source, 'provider' | 'verification' | 'secret'>,
): Promise<void> {
  const problem = await secretFormatProblem(source);
  if (problem) throw badRequest(problem, { field: 'secret', pointer: '/secret' });
}
