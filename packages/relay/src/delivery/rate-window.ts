/**
 * Sliding-window rate limiting: at most `limit` requests in any `windowMs`, and pauses asked by the
 * destination (429 + Retry-After). A token bucket would let up to twice the limit through in one
 * window (a full bucket, then the refill); the window log cannot, which is what a CRM counting
 * "100 per 10 s" checks. Two implementations: per process (embedded store) and shared by every
 * relay on one PostgreSQL database.
 */
import type { RateLimit } from './rate-limits.js';

export interface RateWindow {
  /** Take a slot now: 0 when taken, else the ms to wait before one may be free (nothing taken). */
  take(key: string, rule: RateLimit): Promise<number>;
  /** The destination asked for a pause: nothing goes to `key` for the next `ms`. */
  pause(key: string, ms: number): Promise<void>;
  close(): Promise<void>;
}

/** One process's windows: a ring of the last `limit` send times per key. */
export class MemoryRateWindow implements RateWindow {
  private readonly rings = new Map<string, number[]>();
  private readonly pauses = new Map<string, number>();

  async take(key: string, rule: RateLimit, now = Date.now()): Promise<number> {
    const paused = this.pauses.get(key) ?? 0;
    if (paused > now) return paused - now;
    const id = `${key}|${rule.limit}/${rule.windowMs}`;
    let ring = this.rings.get(id);
    if (!ring) this.rings.set(id, (ring = []));
    if (ring.length < rule.limit) {
      ring.push(now);
      return 0;
    }
    const oldest = ring[0]!;
    if (oldest + rule.windowMs > now) return oldest + rule.windowMs - now;
    ring.shift();
    ring.push(now);
    return 0;
  }

  async pause(key: string, ms: number, now = Date.now()): Promise<void> {
    if (now + ms > (this.pauses.get(key) ?? 0)) this.pauses.set(key, now + ms);
  }

  async close(): Promise<void> {}
}
