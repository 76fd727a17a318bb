/**
 * Admin authorisation, decided on the matched route (never on the raw URL, which the router decodes):
 * every route needs the admin bearer token unless it declares `config: { public: true }`; a request that
 * matches no route needs it too, so an encoding the router understands and this check would not cannot
 * slip past. Tokens are compared in constant time; failed attempts are limited per client address.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';
import { LoginLimiter } from './login-limit.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Served without the admin token (webhook intake, health checks). Everything else is admin. */
    public?: boolean;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Throws 401 unless `header` is `Bearer <token>`. */
export function checkBearer(header: string | undefined, token: string | undefined): void {
  const presented = bearerOf(header);
  if (!token)
    throw new HttpError(
      401,
      'unauthorized',
      'admin API disabled: no admin token configured (HOOKMAP_ADMIN_TOKEN)',
    );
  if (!presented) throw new HttpError(401, 'unauthorized', 'missing bearer token');
  if (!timingSafeEqual(digest(presented), digest(token)))
    throw new HttpError(401, 'unauthorized', 'wrong bearer token');
}

function bearerOf(header: string | undefined): string | undefined {
  return /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() || undefined;
}

/** Whether the route this request matched declared itself public. Unmatched requests are not public. */
export function isPublicRoute(request: FastifyRequest): boolean {
  if (request.is404) return false;
  return request.routeOptions.config?.public === true;
}

export interface AdminGuardOptions {
  adminToken: string | undefined;
  /** Failed logins allowed per client address per window, then 429. */
  maxFailures: number;
  windowMs: number;
}

/** The onRequest hook that guards every non-public route. */
export function adminGuard(options: AdminGuardOptions) {
  const limiter = new LoginLimiter(options.maxFailures, options.windowMs);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (isPublicRoute(request)) return;
    const now = Date.now();
    const blockedFor = limiter.blockedFor(request.ip, now);
    if (blockedFor > 0) {
      reply.header('retry-after', String(Math.ceil(blockedFor / 1000)));
      throw new HttpError(
        429,
        'too_many_failed_logins',
        `too many failed admin logins from this address; try again in ${Math.ceil(blockedFor / 1000)} s`,
      );
    }
    try {
      checkBearer(request.headers.authorization, options.adminToken);
    } catch (error) {
      // A request without a token guesses nothing; only presented (wrong) tokens count as failed logins.
      if (request.headers.authorization) limiter.fail(request.ip, now);
      throw error;
    }
  };
}
