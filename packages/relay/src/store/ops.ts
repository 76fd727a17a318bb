/** What the operations features need of a store: readiness, queue statistics, parking claimed work. */
import type { QueueStats } from '../metrics.js';

export interface Parked {
  id: string;
  /** When the delivery becomes due again (ISO time). */
  until: string;
}

export interface StoreOps {
  /** Resolves when the store can serve requests (reachable, migrations applied); rejects otherwise. */
  ping(): Promise<void>;
  queueStats(): Promise<QueueStats>;
  /**
   * Put claimed deliveries back without an attempt: due again at `until`, lease released, attempt
   * count unchanged. Only deliveries still leased by `owner` are touched. Used when a destination host
   * is busy, rate-limited or its circuit is open, and for attempts released at shutdown.
   */
  deferClaims(owner: string, parked: Parked[]): Promise<void>;
}
