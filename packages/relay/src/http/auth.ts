/** Bearer-token check for the admin API, in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from './errors.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function checkBearer(header: string | undefined, token: string | undefined): void {
  const presented = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
  if (!token) throw new HttpError(401, 'unauthorized', 'admin API disabled: no admin token configured (HOOKMAP_ADMIN_TOKEN)');
  if (!presented) throw new HttpError(401, 'unauthorized', 'missing bearer token');
  if (!timingSafeEqual(digest(presented), digest(token))) throw new HttpError(401, 'unauthorized', 'wrong bearer token');
}
