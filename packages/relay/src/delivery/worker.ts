/**
 * The delivery loop: claim due deliveries, make one attempt each, record it, schedule the next.
 * At-least-once: a claim is a lease, so work held by a process that died is claimed again later.
 */
import type { Attempt, ClaimedDelivery, Delivery, DeliveryUpdate, IntegrationRecord, Store } from '../store/types.js';
import { newId, nowIso } from '../ids.js';
import type { Logger } from '../log.js';
import type { ConfigCache } from '../config-cache.js';
import { Redactor } from '../redact.js';
import { isRetryable, nextDelay } from './backoff.js';
import type { RetryPolicy } from './backoff.js';
import { send } from './send.js';
import type { SendOptions, SendResult, OutboundRequest } from './send.js';
import { buildRequest } from './render.js';

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
}

export class DeliveryWorker {
  private readonly inflight = new Set<Promise<unknown>>();
  private stopped = true;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  /** A wake-up that came while the loop was busy, so the next sleep is skipped. */
  private woken = false;

  constructor(private readonly o: WorkerOptions) {}

  get id(): string {
    return this.o.id;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loopDone = this.loop();
  }

  /** Stop claiming and wait for attempts in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loopDone;
    await Promise.allSettled([...this.inflight]);
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
        for (const c of claimed) this.track(this.attempt(c));
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

  /** Make one attempt of a claimed delivery and record it. */
  async attempt({ delivery, event }: ClaimedDelivery, opts: { evenIfInactive?: boolean } = {}): Promise<Attempt> {
    const number = delivery.attemptCount + 1;
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
    const result = await send(request, this.o.send);
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
    this.o.log.debug('attempt', {
      deliveryId: delivery.id, number, status: result.status, outcome: attempt.outcome, durationMs: result.durationMs,
    });
    return attempt;
  }
}

function notSent(error: string): SendResult {
  return { status: null, headers: null, body: null, error, durationMs: 0 };
}
