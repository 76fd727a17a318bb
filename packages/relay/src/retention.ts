/**
 * Retention: every `everyMs`, events older than `days` whose deliveries are all finished are deleted with
 * their deliveries and attempts, in batches so a large backlog never blocks the process for long. Without
 * it the stores grow for ever (the embedded one in memory). `days` 0 keeps everything.
 */
import type { Logger } from './log.js';
import type { Store } from './store/types.js';

const BATCH = 5_000;
const DAY_MS = 86_400_000;

export interface Retention {
  /** One pass now: returns how many events were deleted. */
  purgeOnce(now?: number): Promise<number>;
  stop(): Promise<void>;
}

export function startRetention(store: Store, days: number, everyMs: number, log: Logger): Retention {
  let running: Promise<number> | null = null;
  let stopped = false;
  const purgeOnce = async (now = Date.now()): Promise<number> => {
    if (days <= 0) return 0;
    const before = new Date(now - days * DAY_MS).toISOString();
    let total = 0;
    for (;;) {
      const n = await store.purgeBefore(before, BATCH);
      total += n;
      if (n < BATCH || stopped) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (total > 0) log.info('retention: deleted old events', { events: total, before });
    return total;
  };
  const tick = (): void => {
    if (running || stopped) return;
    running = purgeOnce()
      .catch((error: unknown) => {
        log.warn('retention pass failed; will try again', {
          error: error instanceof Error ? error.message : String(error),
        });
        return 0;
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = days > 0 ? setInterval(tick, everyMs) : null;
  timer?.unref();
  return {
    purgeOnce,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
