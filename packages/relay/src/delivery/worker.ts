/**
 * The delivery loop: claim due deliveries, make one attempt each, record it, schedule the next.
 * At-least-once: a claim is a lease, so work held by a process that died is claimed again later.
 */
import type { Attempt, ClaimedDelivery, Delivery, DeliveryUpdate, EventRecord, IntegrationRecord, Store } from '../store/types.js';
import { newId, nowIso } from '../ids.js';
import type { Logger } from '../log.js';
import type { ConfigCache } from '../config-cache.js';
import { Redactor } from '../redact.js';
import { isRetryable, nextDelay } from './backoff.js';
import type { RetryPolicy } from './backoff.js';
import { send } from './send.js';
import type { SendOptions, SendResult, OutboundRequest } from './send.js';
import { buildRequest } from './render.js';
import type { HostGate } from './host-gate.js';
import { hostOf } from './host-gate.js';
import type { RelayMetrics } from '../metrics.js';
import { requestIdOf } from '../request-id.js';

export interface WorkerOptions {
  store: Store;
  cache: ConfigCache;
  log: Logger;
  id: string;
  policy: RetryPolicy;
  send: SendOptions;
  concurrency: number;
  pollMs: number;
  leaseMs: number;
  /** Per-host share, circuit breaker and rate limits; without it every delivery goes at once. */
  gate?: HostGate;
  metrics?: RelayMetrics;
}

export class DeliveryWorker {
  private readonly inflight = new Set<Promise<unknown>>();
  private stopped = true;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  /** A wake-up that came while the loop was busy, so the next sleep is skipped. */
  private woken = false;
  /** Aborted when a stop's deadline passes: attempts still in flight are cut short and released. */
  private readonly interrupt = new AbortController();
  /** The request id of the webhook behind each delivery being attempted, for the log lines. */
  private readonly requestIds = new WeakMap<Delivery, string>();

  constructor(private readonly o: WorkerOptions) {}

  get id(): string {
    return this.o.id;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loopDone = this.loop();
  }

  /** Attempts in flight now. */
  get inFlight(): number {
    return this.inflight.size;
  }

  /**
   * Stop claiming and wait for attempts in flight, at most `deadlineMs`; then cut the rest short.
   * An interrupted attempt is recorded and its delivery made due again at once (released, not lost).
   * Returns how many were interrupted.
   */
  async stop(deadlineMs = Number.POSITIVE_INFINITY): Promise<number> {
    this.stopped = true;
    this.wake();
    await this.loopDone;
    const all = Promise.allSettled([...this.inflight]);
    if (!Number.isFinite(deadlineMs)) {
      await all;
      return 0;
    }
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([all.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), deadlineMs)))]);
    clearTimeout(timer);
    if (!late) return 0;
    const interrupted = this.inflight.size;
    this.interrupt.abort();
    await all;
    return interrupted;
  }

  /** New work arrived: look now instead of at the next poll. */
  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.woken = true;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const free = this.o.concurrency - this.inflight.size;
      let claimed: ClaimedDelivery[] = [];
      // Claim in batches: with most slots busy, wait for a quarter to free up (one query per batch, not per attempt).
      if (free >= Math.max(1, Math.floor(this.o.concurrency / 4))) {
        try {
          claimed = await this.o.store.claimDue(this.o.id, free, this.o.leaseMs);
        } catch (error) {
          this.o.log.error('claiming deliveries failed', { error: (error as Error).message });
        }
        for (const c of claimed) this.track(this.run(c, {}, true));
      }
      // Sleep when there was less work than room, or too little room; new work and finished attempts wake us.
      if (claimed.length < free || this.o.concurrency - this.inflight.size < Math.max(1, Math.floor(this.o.concurrency / 4))) {
        await this.sleep(this.o.pollMs);
      }
    }
  }

  private track(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: Error) => this.o.log.error('delivery attempt failed to record', { error: error.message }))
      .finally(() => {
        this.inflight.delete(tracked);
        this.wake();
      });
    this.inflight.add(tracked);
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }

  /** Make one attempt of a claimed delivery now, whatever its host's state ("Send test"), and record it. */
  async attempt(claimed: ClaimedDelivery, opts: { evenIfInactive?: boolean } = {}): Promise<Attempt> {
    return (await this.run(claimed, opts, false))!;
  }

  /** One attempt, or null when the host gate parked the delivery instead. */
  private async run({ delivery, event }: ClaimedDelivery, opts: { evenIfInactive?: boolean }, gated: boolean): Promise<Attempt | null> {
    const number = delivery.attemptCount + 1;
    this.requestIds.set(delivery, requestIdOf(event.id, event.headers));
    const integration = await this.o.cache.integration(delivery.integrationId);
    const startedAt = nowIso();
    if (!integration || (!integration.active && !opts.evenIfInactive)) {
      const reason = integration ? `integration is disabled${integration.disabledReason ? `: ${integration.disabledReason}` : ''}` : 'integration was deleted';
      return this.finish(delivery, number, startedAt, null, notSent(`not sent: ${reason}`), 'cancelled', null);
    }
    const redactor = new Redactor(Object.values(integration.secrets));
    let request: OutboundRequest;
    try {
      const source = await this.o.cache.source(delivery.sourceId);
      request = buildRequest(integration, source, event.body, {
        'x-hookmap-delivery': delivery.id,
        'x-hookmap-attempt': String(number),
      });
    } catch (error) {
      const result = notSent(redactor.text(`request could not be rendered: ${(error as Error).message}`));
      return this.finish(delivery, number, startedAt, null, result, 'failed', null);
    }
    // Metrics and logs name the host as logged: a host that comes from a secret is masked there too.
    const shownHost = hostOf(redactor.text(request.url));
    const rateLimit = (integration.doc as { rateLimit?: unknown }).rateLimit;
    const admission = gated && this.o.gate ? await this.o.gate.admit(request, rateLimit, shownHost) : null;
    if (admission && !admission.go) {
      await this.o.store.deferClaims(this.o.id, [{ id: delivery.id, until: new Date(admission.until).toISOString() }]);
      this.o.log.debug('delivery parked', { ...ids(delivery, event), host: shownHost, reason: admission.reason, until: new Date(admission.until).toISOString() });
      return null;
    }
    const result = await send(request, this.o.send, this.interrupt.signal);
    await admission?.done(result);
    const logged = {
      ...request, url: redactor.text(request.url), headers: redactor.headers(request.headers) ?? {}, body: redactor.text(request.body),
    };
    const safe: SendResult = {
      ...result, headers: redactor.headers(result.headers), body: redactor.text(result.body), error: redactor.text(result.error),
    };
    return this.conclude(delivery, integration, number, startedAt, logged, safe);
  }

  private async conclude(
    delivery: Delivery, integration: IntegrationRecord, number: number, startedAt: string,
    request: OutboundRequest, result: SendResult,
  ): Promise<Attempt> {
    const status = result.status;
    if (result.interrupted) {
      // Released at shutdown: due again at once, here or in another process.
      return this.finish(delivery, number, startedAt, request, result, 'pending', Date.now());
    }
    if (status !== null && status >= 200 && status < 300) {
      return this.finish(delivery, number, startedAt, request, result, 'succeeded', null);
    }
    if (status === 410) {
      const reason = `destination answered 410 Gone at ${startedAt}; integration disabled`;
      const current = (await this.o.store.getIntegration(integration.id)) ?? integration;
      await this.o.store.putIntegration({ ...current, active: false, disabledReason: reason, updatedAt: nowIso() });
      await this.o.store.cancelPending(integration.id, reason);
      this.o.cache.invalidate();
      this.o.log.warn('integration disabled after 410 Gone', { integrationId: integration.id, deliveryId: delivery.id });
      return this.finish(delivery, number, startedAt, request, { ...result, error: reason }, 'failed', null);
    }
    if (!result.permanent && isRetryable(status) && number < delivery.maxAttempts) {
      const delay = nextDelay(number, result.headers?.['retry-after'], this.o.policy);
      return this.finish(delivery, number, startedAt, request, result, 'pending', Date.now() + delay);
    }
    return this.finish(delivery, number, startedAt, request, result, 'failed', null);
  }

  private async finish(
    delivery: Delivery, number: number, startedAt: string, request: OutboundRequest | null, result: SendResult,
    status: DeliveryUpdate['status'], retryAt: number | null,
  ): Promise<Attempt> {
    const error = result.error ?? (result.status !== null && (result.status < 200 || result.status >= 300) ? `HTTP ${result.status}` : null);
    const attempt: Attempt = {
      id: newId('att'), deliveryId: delivery.id, integrationId: delivery.integrationId, eventId: delivery.eventId,
      number, startedAt, durationMs: result.durationMs, request, responseStatus: result.status,
      responseHeaders: result.headers, responseBody: result.body, error,
      outcome: status === 'succeeded' ? 'success' : status === 'pending' ? 'retry' : 'failed', worker: this.o.id,
    };
    const update: DeliveryUpdate = {
      status, nextAttemptAt: new Date(retryAt ?? Date.now()).toISOString(), lastStatus: result.status, lastError: error,
    };
    await this.o.store.recordAttempt(attempt, update);
    const host = hostOf(request?.url ?? '');
    this.o.metrics?.attemptMade(host, attempt.outcome, result.durationMs / 1000);
    if (status !== 'pending') this.o.metrics?.deliveryFinished(host, status);
    const fields = {
      requestId: this.requestIds.get(delivery) ?? delivery.eventId, eventId: delivery.eventId, deliveryId: delivery.id,
      integrationId: delivery.integrationId, attempt: number, host, status: result.status, outcome: attempt.outcome, durationMs: result.durationMs,
      ...(error ? { error } : {}),
    };
    if (attempt.outcome === 'success') this.o.log.debug('attempt', fields);
    else this.o.log.info('attempt', fields);
    return attempt;
  }
}

function notSent(error: string): SendResult {
  return { status: null, headers: null, body: null, error, durationMs: 0 };
}

function ids(delivery: Delivery, event: EventRecord): Record<string, string> {
  return { requestId: requestIdOf(event.id, event.headers), eventId: event.id, deliveryId: delivery.id, integrationId: delivery.integrationId };
}
