/**
 * Prometheus metrics (prom-client), one registry per relay. Modules count through the small methods
 * below (`webhookAccepted`, `attemptMade`, `tokenRefreshed`, ...), never through prom-client directly,
 * so names and labels stay in this one file. Label values that come from outside (sources, hosts) are
 * capped in number: past the cap they are counted as "other".
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface QueueStats {
  /** Pending deliveries (due now or waiting for a retry). */
  pending: number;
  /** Pending deliveries whose time has come. */
  due: number;
  /** Creation time (ms) of the oldest pending delivery, or null. */
  oldestPendingAt: number | null;
}

const MAX_LABEL_VALUES = 200;
const STATS_CACHE_MS = 1_000;

class CappedLabel {
  private readonly seen = new Set<string>();
  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= MAX_LABEL_VALUES) return 'other';
    this.seen.add(value);
    return value;
  }
}

export class RelayMetrics {
  readonly registry = new Registry();
  private readonly sources = new CappedLabel();
  private readonly hosts = new CappedLabel();
  private readonly accepted = new Counter({
    name: 'hookmap_webhooks_accepted_total',
    help: 'Webhooks stored and acknowledged (202)',
    labelNames: ['source'],
    registers: [this.registry],
  });
  private readonly duplicates = new Counter({
    name: 'hookmap_webhooks_duplicate_total',
    help: 'Webhooks answered 200 as a repeat of one already stored',
    labelNames: ['source'],
    registers: [this.registry],
  });
  private readonly rejected = new Counter({
    name: 'hookmap_webhooks_rejected_total',
    help: 'Webhooks refused, by reason (the error code of the answer)',
    labelNames: ['source', 'reason'],
    registers: [this.registry],
  });
  private readonly deliveries = new Counter({
    name: 'hookmap_deliveries_total',
    help: 'Deliveries finished, by outcome and destination host',
    labelNames: ['outcome', 'host'],
    registers: [this.registry],
  });
  private readonly attempts = new Counter({
    name: 'hookmap_attempts_total',
    help: 'Delivery attempts, by outcome and destination host',
    labelNames: ['outcome', 'host'],
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'hookmap_attempt_duration_seconds',
    help: 'Time of one outbound attempt (connect to last byte)',
    labelNames: ['host'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly parked = new Counter({
    name: 'hookmap_deliveries_parked_total',
    help: 'Deliveries put back without an attempt, by host and reason (circuit, concurrency, rate, paused, shutdown)',
    labelNames: ['host', 'reason'],
    registers: [this.registry],
  });
  private readonly circuit = new Gauge({
    name: 'hookmap_host_circuit_open',
    help: "1 while a destination host's circuit is open",
    labelNames: ['host'],
    registers: [this.registry],
  });
  private readonly refreshes = new Counter({
    name: 'hookmap_token_refreshes_total',
    help: 'Connection token refreshes, by outcome',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly plans = new Counter({
    name: 'hookmap_plans_total',
    help: 'Plans computed over recent events, by outcome',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly replays = new Counter({
    name: 'hookmap_replays_total',
    help: 'Events replayed, by outcome',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private stats: { at: number; value: Promise<QueueStats> } | null = null;

  constructor(queueStats: () => Promise<QueueStats>) {
    collectDefaultMetrics({ register: this.registry });
    const read = (): Promise<QueueStats> => {
      const now = Date.now();
      if (!this.stats || now - this.stats.at > STATS_CACHE_MS) this.stats = { at: now, value: queueStats() };
      return this.stats.value;
    };
    new Gauge({
      name: 'hookmap_queue_depth',
      help: 'Pending deliveries, by state (due now, or waiting for a retry)',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        const s = await read();
        this.set({ state: 'due' }, s.due);
        this.set({ state: 'waiting' }, s.pending - s.due);
      },
    });
    new Gauge({
      name: 'hookmap_oldest_pending_age_seconds',
      help: 'Age of the oldest pending delivery (0 when none)',
      registers: [this.registry],
      async collect() {
        const s = await read();
        this.set(s.oldestPendingAt === null ? 0 : Math.max(0, (Date.now() - s.oldestPendingAt) / 1000));
      },
    });
  }

  webhookAccepted(source: string): void {
    this.accepted.inc({ source: this.sources.of(source) });
  }
  webhookDuplicate(source: string): void {
    this.duplicates.inc({ source: this.sources.of(source) });
  }
  /** `source` is null when the source id is unknown (any text could be sent there). */
  webhookRejected(source: string | null, reason: string): void {
    this.rejected.inc({ source: source === null ? 'unknown' : this.sources.of(source), reason });
  }
  attemptMade(host: string, outcome: 'success' | 'retry' | 'failed', seconds: number): void {
    const label = this.hosts.of(host);
    this.attempts.inc({ outcome, host: label });
    this.latency.observe({ host: label }, seconds);
  }
  deliveryFinished(host: string, outcome: 'succeeded' | 'failed' | 'cancelled' | 'skipped'): void {
    this.deliveries.inc({ outcome, host: this.hosts.of(host) });
  }
  deliveryParked(host: string, reason: string): void {
    this.parked.inc({ host: this.hosts.of(host), reason });
  }
  circuitChanged(host: string, open: boolean): void {
    this.circuit.set({ host: this.hosts.of(host) }, open ? 1 : 0);
  }
  /** For connections (SPEC §10): one token refresh, `ok` or `failed`. */
  tokenRefreshed(outcome: 'ok' | 'failed'): void {
    this.refreshes.inc({ outcome });
  }
  /** For versions and plans (SPEC §12). */
  planned(outcome: 'ok' | 'failed'): void {
    this.plans.inc({ outcome });
  }
  replayed(outcome: 'ok' | 'failed'): void {
    this.replays.inc({ outcome });
  }

  /** The text exposition format, with `# HELP` and `# TYPE` lines. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
  get contentType(): string {
    return this.registry.contentType;
  }
}
