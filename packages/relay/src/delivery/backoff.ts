/** When to try again: exponential backoff with jitter, or what the destination asked for. */

export interface RetryPolicy {
  /** Total attempts allowed, the first included. Default 5. */
  maxAttempts: number;
  /** Delay before the second attempt; doubles each time. Default 2 000 ms. */
  backoffBaseMs: number;
  /** Upper bound of one delay, also applied to Retry-After. Default 1 hour. */
  backoffMaxMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  backoffBaseMs: 2_000,
  backoffMaxMs: 3_600_000,
};

/** Network errors, timeouts, 5xx, 408 and 429 are worth another try; other 4xx never. */
export function isRetryable(status: number | null): boolean {
  if (status === null) return true;
  return status >= 500 || status === 408 || status === 429;
}

/** Delay after attempt `n` (1-based): base·2^(n-1), with "equal jitter" (half fixed, half random). */
export function backoffDelay(n: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.max(0, n - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

/** Retry-After as seconds or an HTTP date, in ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function nextDelay(n: number, retryAfter: string | undefined, policy: RetryPolicy): number {
  const asked = parseRetryAfter(retryAfter);
  if (asked !== null) return Math.min(asked, policy.backoffMaxMs);
  return backoffDelay(n, policy);
}
