/**
 * Isolation per destination host, decided after a delivery is rendered (its URL, hence its host, is
 * known only then): a host's share of the attempt pool, a circuit breaker, and its rate limit. A
 * delivery that may not go now is parked (put back in the store, due later, no attempt counted), so a
 * hanging or failing host never holds more than its share and never delays the others.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../log.js';
import type { RelayMetrics } from '../metrics.js';
import { parseRetryAfter } from './backoff.js';
import {
  DEFAULT_RATE_LIMITS,
  rateLimitFor,
  rateLimitFieldProblem,
  type RateLimit,
  type RateLimitTable,
} from './rate-limits.js';
import type { RateWindow } from './rate-window.js';
import type { OutboundRequest, SendResult } from './send.js';

export interface HostGateOptions {
  hostConcurrency: number;
  breakerFailures: number;
  breakerCooldownMs: number;
  /** Deadline of one attempt: a busy host's slot is free by then at the latest. */
  timeoutMs: number;
  /** Operator overrides, over DEFAULT_RATE_LIMITS. */
  rateLimits: RateLimitTable;
  window: RateWindow;
  metrics: RelayMetrics;
  log: Logger;
}

export type ParkReason = 'circuit' | 'concurrency' | 'rate' | 'paused';
export type Admission =
  { go: true; done(result: SendResult): Promise<void> } | { go: false; until: number; reason: ParkReason };

interface HostState {
  inflight: number;
  /** Deadlines of the attempts in flight. */
  ends: Set<number>;
  failures: number;
  openUntil: number;
  cooldownMs: number;
  probing: boolean;
  /** Parked deliveries are spread out in time instead of all coming back at once. */
  nextPark: number;
  /** Attempts finished, and their average duration (moving), to tell a fast host from a slow one. */
  finished: number;
  averageMs: number;
  /** Admissions waiting for a slot of this (fast) host. */
  waiters: (() => void)[];
}

const MAX_COOLDOWN_FACTOR = 8;
const PARK_SPACING_MS = 5;
const DEFAULT_429_PAUSE_MS = 1_000;
const MAX_PAUSE_MS = 3_600_000;
/** A host answering faster than this on average, with nothing in flight for longer, is fast. */
const FAST_MS = 250;
/** How long a delivery for a busy fast host waits in its pool slot before being parked instead. */
const SLOT_WAIT_MS = 250;

/** The destination of a URL as isolation counts it: host name and port (`api.hubapi.com`, `127.0.0.1:8080`). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase() || 'none';
  } catch {
    return 'none';
  }
}

/** Bucket of a request: the host and a hash of its credentials (or of its whole URL); never a secret in clear. */
export function bucketKey(request: OutboundRequest, host: string, per: RateLimit['per']): string {
  const material =
    per === 'url' ? request.url : (request.headers['authorization'] ?? request.headers['x-api-token'] ?? '');
  return `${host}#${createHash('sha256').update(material).digest('hex').slice(0, 16)}`;
}

export class HostGate {
  private readonly hosts = new Map<string, HostState>();
  /** Pauses asked by a destination (429), also for hosts without a rate limit. */
  private readonly paused = new Map<string, number>();
  private readonly table: RateLimitTable;

  constructor(private readonly o: HostGateOptions) {
    this.table = { ...DEFAULT_RATE_LIMITS, ...o.rateLimits };
  }

  /** The rate limit for a request: the integration's own `rateLimit` field, else the host's. */
  ruleFor(host: string, field: unknown): RateLimit | null {
    if (field === false || field === null) return null;
    if (field !== undefined && rateLimitFieldProblem(field) === null) return field as RateLimit;
    return rateLimitFor(host.replace(/:\d+$/, ''), this.table) ?? null;
  }

  /** `label` names the host in metrics and logs (masked when it comes from a secret). */
  async admit(request: OutboundRequest, rateLimitField: unknown, label: string): Promise<Admission> {
    const host = hostOf(request.url);
    const state = this.state(host);
    const now = Date.now();
    if (state.openUntil > now) return this.park(state, label, state.openUntil, 'circuit');
    const probe = state.openUntil > 0;
    if (probe && state.probing)
      return this.park(state, label, now + Math.min(1_000, state.cooldownMs), 'circuit');
    const rule = this.ruleFor(host, rateLimitField);
    // The host's share, or less where the CRM documents a concurrency cap.
    const share = Math.min(this.o.hostConcurrency, rule?.concurrency ?? Number.POSITIVE_INFINITY);
    // A busy host that answers fast frees a slot within milliseconds: wait for it rather than park
    // (a round trip to the store). A slow, hanging or unknown one is parked: it must not hold the pool.
    if (state.inflight >= share && !(this.isFast(state, now) && (await this.slot(state, share)))) {
      const freeAt = Math.min(...state.ends);
      return this.park(
        state,
        label,
        Math.max(Date.now() + PARK_SPACING_MS, Math.min(freeAt, Date.now() + 1_000)),
        'concurrency',
      );
    }
    // The slot is ours from here; a later refusal gives it back.
    state.inflight++;
    const refuse = (until: number, reason: ParkReason, spacing?: number): Admission => {
      this.free(state);
      return this.park(state, label, until, reason, spacing);
    };
    // The circuit may have opened while this one waited for a slot.
    if (state.openUntil > Date.now()) return refuse(state.openUntil, 'circuit');
    // Hosts without a limit nor a pause cost no hashing.
    const key = rule || this.paused.size > 0 ? bucketKey(request, host, rule?.per) : host;
    const pausedUntil = this.paused.get(key) ?? 0;
    if (pausedUntil > Date.now()) return refuse(pausedUntil, 'paused');
    if (pausedUntil) this.paused.delete(key);
    if (rule) {
      const wait = await this.o.window.take(key, rule);
      if (wait > 0) return refuse(Date.now() + wait, 'rate', rule.windowMs / rule.limit);
    }
    if (probe) state.probing = true;
    const started = Date.now();
    const end = started + this.o.timeoutMs;
    state.ends.add(end);
    return {
      go: true,
      done: async (result) => {
        state.ends.delete(end);
        state.finished++;
        state.averageMs =
          state.finished === 1 ? Date.now() - started : state.averageMs * 0.8 + (Date.now() - started) * 0.2;
        this.record(state, label, result, probe);
        if (result.status === 429)
          await this.pause(bucketKey(request, host, rule?.per), label, result.headers?.['retry-after']);
        this.free(state);
      },
    };
  }

  /** A slot of the host is free again: the first waiter may take it. */
  private free(state: HostState): void {
    state.inflight--;
    state.waiters.shift()?.();
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = {
        inflight: 0,
        ends: new Set(),
        failures: 0,
        openUntil: 0,
        cooldownMs: this.o.breakerCooldownMs,
        probing: false,
        nextPark: 0,
        finished: 0,
        averageMs: 0,
        waiters: [],
      };
      this.hosts.set(host, state);
    }
    return state;
  }

  private isFast(state: HostState, now: number): boolean {
    const oldestStart = Math.min(...state.ends) - this.o.timeoutMs;
    return state.finished > 0 && state.averageMs < FAST_MS && now - oldestStart < FAST_MS * 4;
  }

  /** Wait (at most SLOT_WAIT_MS) until the host has a free slot: true when it has. */
  private async slot(state: HostState, share: number): Promise<boolean> {
    const deadline = Date.now() + SLOT_WAIT_MS;
    while (state.inflight >= share) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          state.waiters = state.waiters.filter((w) => w !== wake);
          resolve();
        }, left);
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        state.waiters.push(wake);
      });
    }
    return true;
  }

  private park(
    state: HostState,
    host: string,
    base: number,
    reason: ParkReason,
    spacing = PARK_SPACING_MS,
  ): Admission {
    const until = Math.max(base, state.nextPark + spacing);
    state.nextPark = until;
    this.o.metrics.deliveryParked(host, reason);
    return { go: false, until, reason };
  }

  /** 429: every delivery to this host with these credentials waits, not only the one that was refused. */
  private async pause(key: string, host: string, retryAfter: string | undefined): Promise<void> {
    const ms = Math.min(MAX_PAUSE_MS, parseRetryAfter(retryAfter) ?? DEFAULT_429_PAUSE_MS);
    this.paused.set(key, Math.max(this.paused.get(key) ?? 0, Date.now() + ms));
    this.o.log.warn('destination asked to slow down (429): host paused', { host, pauseMs: ms });
    await this.o.window
      .pause(key, ms)
      .catch((error: Error) => this.o.log.warn('could not share the pause', { host, error: error.message }));
  }

  /** Network errors, timeouts and 5xx count against the circuit; any other answer closes it. */
  private record(state: HostState, host: string, result: SendResult, probe: boolean): void {
    const failed = !result.permanent && (result.status === null || result.status >= 500);
    if (probe) state.probing = false;
    if (result.interrupted) return; // cut short by a stop: says nothing about the host
    if (!failed) {
      if (result.status === 429) return;
      if (state.openUntil > 0) {
        this.o.log.info('circuit closed: host answers again', { host });
        this.o.metrics.circuitChanged(host, false);
      }
      state.failures = 0;
      state.openUntil = 0;
      state.cooldownMs = this.o.breakerCooldownMs;
      return;
    }
    state.failures++;
    if (!probe && state.failures < this.o.breakerFailures) return;
    if (probe)
      state.cooldownMs = Math.min(state.cooldownMs * 2, this.o.breakerCooldownMs * MAX_COOLDOWN_FACTOR);
    state.openUntil = Date.now() + state.cooldownMs;
    this.o.metrics.circuitChanged(host, true);
    this.o.log.warn('circuit open: host parked', {
      host,
      failures: state.failures,
      cooldownMs: state.cooldownMs,
      error: result.error ?? `HTTP ${result.status}`,
    });
  }
}
