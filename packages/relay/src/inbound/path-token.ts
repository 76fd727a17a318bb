/**
 * Path tokens: every source's webhooks are posted to `/hooks/<id>/<token>`, the token 256 random bits
 * shown once when made (or rotated). Only its SHA-256 is stored, so a copy of the store does not give it away.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Source } from '../store/types.js';

export function newPathToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashPathToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a webhook posted with `presented` (undefined: the path without a token) may enter `source`. */
export function pathTokenMatches(
  source: Pick<Source, 'pathTokenHash'>,
  presented: string | undefined,
): boolean {
  // Sources made before path tokens have none: they keep their old path until the token is rotated.
  if (!source.pathTokenHash) return presented === undefined;
  if (presented === undefined) return false;
  const want = Buffer.from(source.pathTokenHash, 'hex');
  const got = createHash('sha256').update(presented).digest();
  return want.length === got.length && timingSafeEqual(want, got);
}

export function hookPath(sourceId: string, token: string | null): string {
  return token ? `/hooks/${sourceId}/${token}` : `/hooks/${sourceId}`;
}
