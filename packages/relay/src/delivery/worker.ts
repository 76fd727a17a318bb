/**
 * The delivery loop: claim due deliveries, make one attempt each, record it, schedule the next.
 * At-least-once: a claim is a lease, so work held by a process that died is claimed again later.
 */
import type {
  Attempt,
  ClaimedDelivery,
  Delivery,
  DeliveryUpdate,
  EventRecord,
  IntegrationRecord,
  Store,
} from '../store/types.js';
import { newId, nowIso } from '../ids.js';
import type { Logger } from '../log.js';
import type { ConfigCache } from '../config-cache.js';
import { Redactor } from '../redact.js';
import { isRetryable, nextDelay } from './backoff.js';
import type { RetryPolicy } from './backoff.js';
import { send } from './send.js';
import type { SendOptions, SendResult, OutboundRequest } from './send.js';
import { buildRequest, findProvider } from './render.js';
import { isFlow } from '@hookmap/core';
import type { Flow } from '@hookmap/core';
import { attemptFlow, stepFields } from './flow.js';
import type { StepInfo, StepRecord } from './flow.js';
import type { HostGate } from './host-gate.js';
import { hostOf } from './host-gate.js';
import type { RelayMetrics } from '../metrics.js';
import { requestIdOf } from '../request-id.js';
import { LocalQueue } from './local-queue.js';
import { VersionGone, withVersion } from './pinned.js';
import { ConnectionError } from '../connections/service.js';
import type { Connections, ConnectionScope } from '../connections/service.js';

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
  /** Connections (SPEC §10): the values of an integration's `connection`, refreshed when needed. */
  connections?: Connections;
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
  /** Deliveries accepted here and leased to this worker in the same commit (no claim needed). */
  private readonly local: LocalQueue;
  /** Claim from the store on the next turn (new or retried work there), not only every `pollMs`. */
  private storeDue = true;
  private lastClaimAt = 0;
  /** The last claim filled every slot asked: there may be more due work in the store. */
  private lastClaimFull = false;
  /** The request id of the webhook behind each delivery being attempted, for the log lines. */
  private readonly requestIds = new WeakMap<Delivery, string>();
  /** The integration version each delivery's current attempt renders with (recorded on the attempt). */
  private readonly versions = new WeakMap<Delivery, number>();

  constructor(private readonly o: WorkerOptions) {
    this.local = new LocalQueue(o.concurrency);
  }

  /**
   * Room to take `n` new deliveries straight from the inbound route? If true, the caller stores them
   * leased to this worker (`leaseOwner: id`, `leaseMs`) and then calls `handOff`, or `cancelHandOff`.
   */
  offerHandOff(n: number): boolean {
    return !this.stopped && this.local.reserve(n);
  }

  handOff(claimed: ClaimedDelivery[], reserved: number, leasedUntil: number): void {
    if (this.stopped) {
      // Stored while the worker was stopping: back to the store at once, for the next relay.
      this.local.release(reserved);
      void this.giveBack(claimed);
      return;
    }
    this.local.fill(claimed, leasedUntil, reserved);
    this.wake('local');
  }

  cancelHandOff(reserved: number): void {
    this.local.release(reserved);
  }

  get leaseMs(): number {
    return this.o.leaseMs;
  }

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
    await this.giveBack(this.local.drain());
    const all = Promise.allSettled([...this.inflight]);
    if (!Number.isFinite(deadlineMs)) {
      await all;
      return 0;
    }
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([
      all.then(() => false),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(true), deadlineMs))),
    ]);
    clearTimeout(timer);
    if (!late) return 0;
    const interrupted = this.inflight.size;
    this.interrupt.abort();
    await all;
    return interrupted;
  }

  /** New work arrived: look now instead of at the next poll (`store`: claim from the store too). */
  wake(kind: 'store' | 'local' = 'store'): void {
    if (kind === 'store') this.storeDue = true;
    if (this.wakeUp) this.wakeUp();
    else this.woken = true;
  }

  /** Leased work this process will not attempt: due again at once, for any relay. */
  private async giveBack(items: ClaimedDelivery[]): Promise<void> {
    if (items.length === 0) return;
    const now = new Date().toISOString();
    await this.o.store
      .deferClaims(
        this.o.id,
        items.map((c) => ({ id: c.delivery.id, until: now })),
      )
      .catch((error: Error) =>
        this.o.log.warn('could not give back leased deliveries; their lease will run out', {
          error: error.message,
          count: items.length,
        }),
      );
  }

  private async loop(): Promise<void> {
    const quarter = Math.max(1, Math.floor(this.o.concurrency / 4));
    while (!this.stopped) {
      let free = this.o.concurrency - this.inflight.size;
      // Work handed over by the inbound route first: already leased, event in memory.
      const mine = this.local.take(free, Date.now(), this.o.send.timeoutMs + 1_000);
      for (const c of mine.ready) this.track(this.run(c, {}, true));
      void this.giveBack(mine.expired);
      free -= mine.ready.length;
      let claimed: ClaimedDelivery[] = [];
      // Claim in batches: with most slots busy, wait for a quarter to free up (one query per batch, not per attempt);
      // and only when the store may hold due work: woken for it, the last claim was full, or a poll is due.
      const storeMayHaveWork =
        this.storeDue || this.lastClaimFull || Date.now() - this.lastClaimAt >= this.o.pollMs;
      if (free >= quarter && storeMayHaveWork) {
        this.storeDue = false;
        this.lastClaimAt = Date.now();
        try {
          claimed = await this.o.store.claimDue(this.o.id, free, this.o.leaseMs);
        } catch (error) {
          this.o.log.error('claiming deliveries failed', { error: (error as Error).message });
        }
        this.lastClaimFull = claimed.length === free;
        for (const c of claimed) this.track(this.run(c, {}, true));
      }
      // Sleep unless there is more to do now; new work and finished attempts wake us.
      const more =
        (this.local.size > 0 && this.inflight.size < this.o.concurrency) ||
        (this.lastClaimFull && this.o.concurrency - this.inflight.size >= quarter);
      if (!more) await this.sleep(this.o.pollMs);
    }
  }

  private track(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: Error) =>
        this.o.log.error('delivery attempt failed to record', { error: error.message }),
      )
      .finally(() => {
        this.inflight.delete(tracked);
        this.wake('local');
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
  private async run(
    { delivery, event }: ClaimedDelivery,
    opts: { evenIfInactive?: boolean },
    gated: boolean,
  ): Promise<Attempt | null> {
    const number = delivery.attemptCount + 1;
    this.requestIds.set(delivery, requestIdOf(event.id, event.headers));
    const live = await this.o.cache.integration(delivery.integrationId);
    const startedAt = nowIso();
    if (!live || (!live.active && !opts.evenIfInactive)) {
      const reason = live
        ? `integration is disabled${live.disabledReason ? `: ${live.disabledReason}` : ''}`
        : 'integration was deleted';
      return this.finish(
        delivery,
        number,
        startedAt,
        null,
        notSent(`not sent: ${reason}`),
        'cancelled',
        null,
      );
    }
    let integration: IntegrationRecord;
    try {
      integration = await withVersion(this.o.store, live, delivery);
    } catch (error) {
      if (!(error instanceof VersionGone)) throw error;
      return this.finish(
        delivery,
        number,
        startedAt,
        null,
        notSent(`not sent: ${error.message}`),
        'failed',
        null,
      );
    }
    this.versions.set(delivery, integration.version ?? 1);
    const connectionId = connectionOf(integration);
    let scope: ConnectionScope | null = null;
    if (connectionId) {
      try {
        scope = await this.connections().scopeFor(connectionId);
      } catch (error) {
        if (!(error instanceof ConnectionError)) throw error;
        return this.conclude(delivery, integration, number, startedAt, null, {
          ...notSent(`not sent: ${error.message}`),
          permanent: error.permanent,
        });
      }
    }
    let redactor = Redactor.forIntegration(integration, scope?.secrets ?? []);
    if (isFlow(integration.doc))
      return this.runFlow({ delivery, event }, integration, number, redactor, gated, scope);
    const source = await this.o.cache.source(delivery.sourceId).catch(() => null);
    const render = (values: ConnectionScope | null): OutboundRequest =>
      buildRequest(
        integration,
        source,
        event.body,
        {
          'x-hookmap-delivery': delivery.id,
          'x-hookmap-attempt': String(number),
        },
        values?.values,
      );
    let request: OutboundRequest;
    try {
      request = render(scope);
    } catch (error) {
      const result = notSent(redactor.text(`request could not be rendered: ${(error as Error).message}`));
      return this.finish(delivery, number, startedAt, null, result, 'failed', null);
    }
    redactor = redactor.forRequest(request.headers);
    // Metrics and logs name the host as logged: a host that comes from a secret is masked there too.
    const shownHost = hostOf(redactor.text(request.url));
    const rateLimit = (integration.doc as { rateLimit?: unknown }).rateLimit;
    const admission = gated && this.o.gate ? await this.o.gate.admit(request, rateLimit, shownHost) : null;
    if (admission && !admission.go) {
      await this.o.store.deferClaims(this.o.id, [
        { id: delivery.id, until: new Date(admission.until).toISOString() },
      ]);
      this.o.log.debug('delivery parked', {
        ...ids(delivery, event),
        host: shownHost,
        reason: admission.reason,
        until: new Date(admission.until).toISOString(),
      });
      return null;
    }
    let result = await send(request, this.o.send, this.interrupt.signal);
    await admission?.done(result);
    if (result.status === 401 && scope && connectionId) {
      // The token was refused: refresh once (unless another delivery just did) and repeat this attempt once.
      try {
        scope = await this.connections().scopeAfterUnauthorized(connectionId, scope.accessToken);
        request = render(scope);
        redactor = Redactor.forIntegration(integration, scope.secrets).forRequest(request.headers);
        result = await send(request, this.o.send, this.interrupt.signal);
      } catch (error) {
        if (!(error instanceof ConnectionError)) throw error;
        result = { ...result, error: `HTTP 401, then ${error.message}`, permanent: error.permanent };
      }
    }
    const logged = {
      ...request,
      url: redactor.text(request.url),
      headers: redactor.headers(request.headers) ?? {},
      body: redactor.text(request.body),
    };
    const safe: SendResult = {
      ...result,
      headers: redactor.headers(result.headers),
      body: redactor.text(result.body),
      error: redactor.text(result.error),
    };
    return this.conclude(delivery, integration, number, startedAt, logged, safe);
  }

  private connections(): Connections {
    if (!this.o.connections) throw new ConnectionError('this relay has no connection service', true);
    return this.o.connections;
  }

  /**
   * One attempt of a flow (SPEC §9, flow.ts): the steps left after those earlier attempts recorded as
   * succeeded; each step but the last is recorded as it finishes, the last one concludes the attempt.
   */
  private async runFlow(
    { delivery, event }: ClaimedDelivery,
    integration: IntegrationRecord,
    number: number,
    redactor: Redactor,
    gated: boolean,
    scope: ConnectionScope | null,
  ): Promise<Attempt | null> {
    const rateLimit = (integration.doc as { rateLimit?: unknown }).rateLimit;
    const gate = gated ? this.o.gate : undefined;
    let payload: unknown;
    let provider;
    try {
      payload = JSON.parse(event.body) as unknown;
      provider = findProvider((await this.o.cache.source(delivery.sourceId))?.provider ?? null);
    } catch (error) {
      const result = notSent(redactor.text(`request could not be rendered: ${(error as Error).message}`));
      return this.finish(delivery, number, nowIso(), null, result, 'failed', null);
    }
    const attempt = (values: ConnectionScope | null, masker: Redactor) =>
      attemptFlow({
        store: this.o.store,
        flow: integration.doc as unknown as Flow,
        payload,
        provider,
        secrets: integration.secrets,
        connection: values?.values,
        deliveryId: delivery.id,
        redactor: masker,
        send: this.o.send,
        signal: this.interrupt.signal,
        hostOf,
        extraHeaders: { 'x-hookmap-delivery': delivery.id, 'x-hookmap-attempt': String(number) },
        admit: gate ? (request, shownHost) => gate.admit(request, rateLimit, shownHost) : null,
        recordStep: (record) => this.recordStep(delivery, number, record),
      });
    let outcome = await attempt(scope, redactor);
    const connectionId = connectionOf(integration);
    const refused = outcome.kind === 'final' ? outcome.last : null;
    if (refused?.result.status === 401 && scope && connectionId) {
      // A step's token was refused: refresh once and run the flow again from that step (the steps before it are recorded).
      try {
        const fresh = await this.connections().scopeAfterUnauthorized(connectionId, scope.accessToken);
        outcome = await attempt(
          fresh,
          Redactor.forIntegration(integration, [...scope.secrets, ...fresh.secrets]),
        );
      } catch (error) {
        if (!(error instanceof ConnectionError)) throw error;
        outcome = {
          kind: 'final',
          last: {
            ...refused,
            result: {
              ...refused.result,
              error: `HTTP 401, then ${error.message}`,
              permanent: error.permanent,
            },
          },
        };
      }
    }
    if (outcome.kind === 'lost') {
      this.o.log.warn('flow stopped: another process holds the delivery now', {
        ...ids(delivery, event),
        attempt: number,
      });
      return null;
    }
    if (outcome.kind === 'parked') {
      await this.o.store.deferClaims(this.o.id, [
        { id: delivery.id, until: new Date(outcome.until).toISOString() },
      ]);
      this.o.log.debug('delivery parked', {
        ...ids(delivery, event),
        host: outcome.host,
        reason: outcome.reason,
        until: new Date(outcome.until).toISOString(),
      });
      return null;
    }
    const last = outcome.last;
    if (!last) {
      // Every step was recorded as succeeded by earlier attempts: nothing is sent again.
      return this.finish(delivery, number, nowIso(), null, notSent(null), 'succeeded', null);
    }
    return this.conclude(delivery, integration, number, last.startedAt, last.request, last.result, last.step);
  }

  /** A step of a flow attempt that goes on: recorded now, the lease kept. */
  private async recordStep(delivery: Delivery, number: number, record: StepRecord): Promise<boolean> {
    const attempt = this.attemptOf(
      delivery,
      number,
      record.startedAt,
      record.request,
      record.result,
      'success',
      record.step,
    );
    const kept = await this.o.store.recordStep(attempt, this.o.leaseMs);
    if (kept) this.report(delivery, attempt, record.request, record.result);
    return kept;
  }

  private async conclude(
    delivery: Delivery,
    integration: IntegrationRecord,
    number: number,
    startedAt: string,
    request: OutboundRequest | null,
    result: SendResult,
    step?: StepInfo,
  ): Promise<Attempt> {
    const status = result.status;
    if (result.interrupted) {
      // Released at shutdown: due again at once, here or in another process.
      return this.finish(delivery, number, startedAt, request, result, 'pending', Date.now(), step);
    }
    if (step ? step.accepted : status !== null && status >= 200 && status < 300) {
      return this.finish(delivery, number, startedAt, request, result, 'succeeded', null, step);
    }
    if (status === 410) {
      const reason = `destination answered 410 Gone at ${startedAt}; integration disabled`;
      const current = (await this.o.store.getIntegration(integration.id)) ?? integration;
      await this.o.store.putIntegration({
        ...current,
        active: false,
        disabledReason: reason,
        updatedAt: nowIso(),
      });
      await this.o.store.cancelPending(integration.id, reason);
      this.o.cache.invalidate();
      this.o.log.warn('integration disabled after 410 Gone', {
        integrationId: integration.id,
        deliveryId: delivery.id,
      });
      return this.finish(
        delivery,
        number,
        startedAt,
        request,
        { ...result, error: reason },
        'failed',
        null,
        step,
      );
    }
    if (!result.permanent && isRetryable(status) && number < delivery.maxAttempts) {
      const delay = nextDelay(number, result.headers?.['retry-after'], this.o.policy);
      return this.finish(delivery, number, startedAt, request, result, 'pending', Date.now() + delay, step);
    }
    return this.finish(delivery, number, startedAt, request, result, 'failed', null, step);
  }

  private async finish(
    delivery: Delivery,
    number: number,
    startedAt: string,
    request: OutboundRequest | null,
    result: SendResult,
    status: DeliveryUpdate['status'],
    retryAt: number | null,
    step?: StepInfo,
  ): Promise<Attempt> {
    const outcome = status === 'succeeded' ? 'success' : status === 'pending' ? 'retry' : 'failed';
    const attempt = this.attemptOf(delivery, number, startedAt, request, result, outcome, step);
    const update: DeliveryUpdate = {
      status,
      nextAttemptAt: new Date(retryAt ?? Date.now()).toISOString(),
      lastStatus: result.status,
      lastError: attempt.error,
    };
    await this.o.store.recordAttempt(attempt, update);
    const host = this.report(delivery, attempt, request, result);
    if (status !== 'pending') this.o.metrics?.deliveryFinished(host, status);
    return attempt;
  }

  /** The attempt row; a flow's step row carries the step (SPEC §9). */
  private attemptOf(
    delivery: Delivery,
    number: number,
    startedAt: string,
    request: OutboundRequest | null,
    result: SendResult,
    outcome: Attempt['outcome'],
    step?: StepInfo,
  ): Attempt {
    const failedStatus = step
      ? !step.accepted && result.status !== null
      : result.status !== null && (result.status < 200 || result.status >= 300);
    const prefix = step ? `step "${step.stepId}": ` : '';
    const error = result.error
      ? prefix + result.error
      : failedStatus
        ? `${prefix}HTTP ${result.status}`
        : null;
    return {
      id: newId('att'),
      deliveryId: delivery.id,
      integrationId: delivery.integrationId,
      eventId: delivery.eventId,
      number,
      startedAt,
      durationMs: result.durationMs,
      request,
      responseStatus: result.status,
      responseHeaders: result.headers,
      responseBody: result.body,
      error,
      outcome,
      worker: this.o.id,
      version: this.versions.get(delivery) ?? null,
      ...(step ? stepFields(step) : {}),
    };
  }

  /** Metrics and the log line of one attempt row; returns the host as shown. */
  private report(
    delivery: Delivery,
    attempt: Attempt,
    request: OutboundRequest | null,
    result: SendResult,
  ): string {
    const host = hostOf(request?.url ?? '');
    this.o.metrics?.attemptMade(host, attempt.outcome, result.durationMs / 1000);
    const fields = {
      requestId: this.requestIds.get(delivery) ?? delivery.eventId,
      eventId: delivery.eventId,
      deliveryId: delivery.id,
      integrationId: delivery.integrationId,
      attempt: attempt.number,
      ...(attempt.stepId ? { step: attempt.stepId } : {}),
      ...(attempt.skipped ? { skipped: true } : {}),
      host,
      status: result.status,
      outcome: attempt.outcome,
      durationMs: result.durationMs,
      ...(attempt.version !== null && attempt.version !== undefined ? { version: attempt.version } : {}),
      ...(delivery.replay ? { replay: true } : {}),
      ...(attempt.error ? { error: attempt.error } : {}),
    };
    if (attempt.outcome === 'success') this.o.log.debug('attempt', fields);
    else this.o.log.info('attempt', fields);
    return host;
  }
}

function notSent(error: string | null): SendResult {
  return { status: null, headers: null, body: null, error, durationMs: 0 };
}

/** The connection the integration names (SPEC §10), if any. */
function connectionOf(integration: IntegrationRecord): string | undefined {
  const id = (integration.doc as { connection?: unknown }).connection;
  return typeof id === 'string' && id ? id : undefined;
}

function ids(delivery: Delivery, event: EventRecord): Record<string, string> {
  return {
    requestId: requestIdOf(event.id, event.headers),
    eventId: event.id,
    deliveryId: delivery.id,
    integrationId: delivery.integrationId,
  };
}
