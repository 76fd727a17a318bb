/** Options of the operations features (shutdown, metrics, per-host isolation and rate limits). */
import type { RateLimitTable } from './delivery/rate-limits.js';

export interface OpsOptions {
  /** How long a stopping relay waits for attempts in flight before it releases them. Default 8 000 ms (under Docker's 10 s). */
  shutdownMs?: number;
  /** Serve `/metrics` without the admin token. Default false. */
  metricsPublic?: boolean;
  /** Attempts in flight per destination host (its share of `concurrency`). Default a quarter of `concurrency`, at least 1. */
  hostConcurrency?: number;
  /** Failures in a row (network error, timeout, 5xx) that open a host's circuit. Default 5. */
  breakerFailures?: number;
  /** How long an open circuit parks a host's deliveries before one probe is let through. Default 30 000 ms. */
  breakerCooldownMs?: number;
  /** Rate limits per host, over the built-in defaults (`null` turns one off). */
  rateLimits?: RateLimitTable;
}

export function resolveOpsOptions(o: OpsOptions, concurrency: number): Required<OpsOptions> {
  return {
    shutdownMs: o.shutdownMs ?? 8_000,
    metricsPublic: o.metricsPublic ?? false,
    hostConcurrency: Math.min(concurrency, o.hostConcurrency ?? Math.max(1, Math.ceil(concurrency / 4))),
    breakerFailures: o.breakerFailures ?? 5,
    breakerCooldownMs: o.breakerCooldownMs ?? 30_000,
    rateLimits: o.rateLimits ?? {},
  };
}
