/**
 * Keystroke-to-preview latency, read by the benchmark (bench/keystroke.mjs) through
 * `window.__hookmapMetrics`. A keystroke counts as shown when the first preview rendered from
 * a job sent after it is painted.
 */
interface Metrics {
  latencies: number[];
  /** Forgets recorded latencies and keystrokes not yet shown (the benchmark calls it before typing). */
  reset(): void;
  keydown(): void;
  sent(id: number): void;
  rendered(id: number): void;
}

function createMetrics(): Metrics {
  let pendingKeys: number[] = [];
  const keysByJob = new Map<number, number[]>();
  const metrics: Metrics = {
    latencies: [],
    reset() {
      metrics.latencies.length = 0;
      pendingKeys = [];
      keysByJob.clear();
    },
    keydown() {
      pendingKeys.push(performance.now());
    },
    sent(id) {
      if (pendingKeys.length === 0) return;
      keysByJob.set(id, pendingKeys);
      pendingKeys = [];
    },
    rendered(id) {
      const now = performance.now();
      for (const [jobId, keys] of keysByJob) {
        if (jobId > id) continue;
        for (const at of keys) metrics.latencies.push(now - at);
        keysByJob.delete(jobId);
      }
    },
  };
  return metrics;
}

export const keystrokeMetrics = createMetrics();

declare global {
  interface Window {
    __hookmapMetrics?: Metrics;
  }
}

if (typeof window !== 'undefined') {
  window.__hookmapMetrics = keystrokeMetrics;
  window.addEventListener('keydown', () => keystrokeMetrics.keydown(), { capture: true });
}
