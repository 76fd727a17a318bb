/** Failed admin logins per client address in a fixed window: past the limit, the address waits for the window's end. */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; windowStart: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds this address must still wait, or 0. */
  blockedFor(address: string, now: number): number {
    const entry = this.failures.get(address);
    if (!entry) return 0;
    const ends = entry.windowStart + this.windowMs;
    if (now >= ends) {
      this.failures.delete(address);
      return 0;
    }
    return entry.count >= this.maxFailures ? ends - now : 0;
  }

  fail(address: string, now: number): void {
    const entry = this.failures.get(address);
    if (entry && now < entry.windowStart + this.windowMs) entry.count += 1;
    else this.failures.set(address, { count: 1, windowStart: now });
    if (this.failures.size > 10_000) this.prune(now);
  }

  private prune(now: number): void {
    for (const [address, entry] of this.failures)
      if (now >= entry.windowStart + this.windowMs) this.failures.delete(address);
  }
}
