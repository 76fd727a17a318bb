/**
 * Deliveries this process accepted and leased to itself at once (in the same commit), handed to its
 * worker without a claim query nor a second read of the event. Bounded, so nothing waits here for long:
 * past its capacity new deliveries go to the store unleased, for any relay to claim. An item whose lease
 * would run out before an attempt could finish is given back to the store instead of being attempted.
 */
import type { ClaimedDelivery } from '../store/types.js';

interface Item {
  claimed: ClaimedDelivery;
  leasedUntil: number;
}

export class LocalQueue {
  private items: Item[] = [];
  private reserved = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.items.length;
  }

  /** Room for `n` more? Reserves it until `fill` or `release`. */
  reserve(n: number): boolean {
    if (n === 0 || this.items.length + this.reserved + n > this.capacity) return false;
    this.reserved += n;
    return true;
  }

  release(n: number): void {
    this.reserved = Math.max(0, this.reserved - n);
  }

  fill(claimed: ClaimedDelivery[], leasedUntil: number, reserved: number): void {
    this.release(reserved);
    for (const c of claimed) this.items.push({ claimed: c, leasedUntil });
  }

  /** Up to `n` items whose lease leaves at least `minLeftMs`; the others are returned as `expired`. */
  take(n: number, now: number, minLeftMs: number): { ready: ClaimedDelivery[]; expired: ClaimedDelivery[] } {
    const ready: ClaimedDelivery[] = [];
    const expired: ClaimedDelivery[] = [];
    let i = 0;
    for (; i < this.items.length && ready.length < n; i++) {
      const item = this.items[i]!;
      (item.leasedUntil - now >= minLeftMs ? ready : expired).push(item.claimed);
    }
    this.items = this.items.slice(i);
    return { ready, expired };
  }

  drain(): ClaimedDelivery[] {
    const all = this.items.map((i) => i.claimed);
    this.items = [];
    return all;
  }
}
