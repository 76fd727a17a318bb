/**
 * The default store: no server, data in one directory. State lives in memory and every change is
 * appended to a write-ahead log (fsynced before the caller continues), so a `kill -9` loses nothing
 * that was acknowledged. Single-process: a lock file keeps a second relay out of the directory.
 */
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type {
  AcceptResult, Attempt, AttemptQuery, ClaimedDelivery, Delivery, DeliveryFilter, DeliveryQuery,
  DeliveryUpdate, EventQuery, EventRecord, IntegrationRecord, IntegrationVersion, NewEvent, Page, Source, Store,
} from '../types.js';
import { matchesAttempt, matchesDelivery, paginate } from '../query.js';
import { WriteAheadLog } from './wal.js';
import type { WalOp } from './wal.js';
import { acquireLock } from './lock.js';
import { DueQueue } from './due-queue.js';
import { nowIso } from '../../ids.js';
import type { Parked } from '../ops.js';
import type { QueueStats } from '../../metrics.js';

interface Collections {
  sources: Map<string, Source>;
  integrations: Map<string, IntegrationRecord>;
  events: Map<string, EventRecord>;
  deliveries: Map<string, Delivery>;
  attempts: Map<string, Attempt>;
  versions: Map<string, IntegrationVersion>;
}
type CollectionName = keyof Collections;

export interface EmbeddedStoreOptions {
  dataDir: string;
  /** Rewrite the log once it holds this many lines more than there are records. Default 50 000. */
  compactAfterLines?: number;
}

export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  private readonly data: Collections = {
    sources: new Map(), integrations: new Map(), events: new Map(), deliveries: new Map(), attempts: new Map(), versions: new Map(),
  };
  private readonly eventKeys = new Map<string, string>();
  /** Delivery ids of each event (for retention). */
  private readonly eventDeliveries = new Map<string, Set<string>>();
  private readonly pending = new Set<string>();
  /** Pending deliveries not yet due, by due time; `ready` holds the due ones. */
  private readonly schedule = new DueQueue();
  private readonly ready = new Set<string>();
  private readonly leases = new Map<string, { owner: string; until: number }>();
  private readonly wal: WriteAheadLog;
  private releaseLock: (() => Promise<void>) | null = null;

  constructor(private readonly options: EmbeddedStoreOptions) {
    this.wal = new WriteAheadLog(join(options.dataDir, 'relay.log.jsonl'));
  }

  async init(): Promise<void> {
    await mkdir(this.options.dataDir, { recursive: true });
    this.releaseLock = await acquireLock(join(this.options.dataDir, 'relay.lock'));
    await this.wal.replay((op) => this.apply(op));
  }

  async close(): Promise<void> {
    await this.wal.close();
    await this.releaseLock?.();
    this.releaseLock = null;
  }

  // ---- sources and integrations ----

  putSource(source: Source): Promise<void> {
    return this.write([put('sources', source)]);
  }
  async getSource(id: string): Promise<Source | null> {
    return this.data.sources.get(id) ?? null;
  }
  async listSources(): Promise<Source[]> {
    return [...this.data.sources.values()];
  }
  async deleteSource(id: string): Promise<boolean> {
    if (!this.data.sources.has(id)) return false;
    const ops: WalOp[] = [{ op: 'del', c: 'sources', id }];
    for (const i of this.data.integrations.values()) {
      if (i.sourceId === id) ops.push({ op: 'del', c: 'integrations', id: i.id }, ...this.versionDeletes(i.id));
    }
    await this.write(ops);
    return true;
  }

  putIntegration(integration: IntegrationRecord, version?: IntegrationVersion): Promise<void> {
    return this.write(version ? [put('integrations', integration), put('versions', version)] : [put('integrations', integration)]);
  }
  async listIntegrationVersions(integrationId: string): Promise<IntegrationVersion[]> {
    return [...this.data.versions.values()].filter((v) => v.integrationId === integrationId).sort((a, b) => a.version - b.version);
  }
  async getIntegrationVersion(integrationId: string, version: number): Promise<IntegrationVersion | null> {
    return this.data.versions.get(`${integrationId}@${version}`) ?? null;
  }
  addDeliveries(deliveries: Delivery[]): Promise<void> {
    return this.write(deliveries.map((d) => put('deliveries', d)));
  }
  async getIntegration(id: string): Promise<IntegrationRecord | null> {
    return this.data.integrations.get(id) ?? null;
  }
  async listIntegrations(sourceId?: string): Promise<IntegrationRecord[]> {
    return [...this.data.integrations.values()].filter((i) => !sourceId || i.sourceId === sourceId);
  }
  async deleteIntegration(id: string): Promise<boolean> {
    if (!this.data.integrations.has(id)) return false;
    await this.write([{ op: 'del', c: 'integrations', id }, ...this.versionDeletes(id)]);
    return true;
  }

  private versionDeletes(integrationId: string): WalOp[] {
    return [...this.data.versions.values()].filter((v) => v.integrationId === integrationId).map((v) => ({ op: 'del', c: 'versions', id: v.id }));
  }

  // ---- events ----

  async acceptEvent(input: NewEvent): Promise<AcceptResult> {
    const { event } = input;
    const existing = this.findDuplicate(event);
    if (existing) {
      await this.wal.drain(); // the first copy may still be on its way to disk
      return { duplicate: true, event: existing, deliveries: [] };
    }
    const ops: WalOp[] = [put('events', event), ...input.deliveries.map((d) => put('deliveries', d))];
    if (input.leaseOwner) {
      const until = Date.now() + (input.leaseMs ?? 60_000);
      for (const d of input.deliveries) this.leases.set(d.id, { owner: input.leaseOwner, until });
    }
    await this.write(ops);
    return { duplicate: false, event, deliveries: input.deliveries };
  }
  async getEvent(id: string): Promise<EventRecord | null> {
    return this.data.events.get(id) ?? null;
  }
  async listEvents(query: EventQuery): Promise<Page<EventRecord>> {
    return paginate(this.data.events.values(), query, (e) => !query.sourceId || e.sourceId === query.sourceId);
  }

  private findDuplicate(event: EventRecord): EventRecord | null {
    if (!event.idempotencyKey) return null;
    const id = this.eventKeys.get(eventKey(event.sourceId, event.idempotencyKey));
    return id ? (this.data.events.get(id) ?? null) : null;
  }

  // ---- delivery work ----

  async claimDue(owner: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const now = Date.now();
    const out: ClaimedDelivery[] = [];
    for (const id of this.schedule.popDue(now)) {
      const d = this.data.deliveries.get(id);
      if (d?.status === 'pending' && Date.parse(d.nextAttemptAt) <= now) this.ready.add(id);
    }
    for (const id of this.ready) {
      if (out.length >= limit) break;
      const delivery = this.data.deliveries.get(id);
      if (!delivery || delivery.status !== 'pending') {
        this.ready.delete(id);
        continue;
      }
      const lease = this.leases.get(id);
      if (lease && lease.until > now) continue;
      const event = this.data.events.get(delivery.eventId);
      if (!event) continue;
      this.leases.set(id, { owner, until: now + leaseMs });
      out.push({ delivery, event });
    }
    return out;
  }

  async recordAttempt(attempt: Attempt, update: DeliveryUpdate): Promise<void> {
    const delivery = this.data.deliveries.get(attempt.deliveryId);
    if (!delivery) return;
    const next: Delivery = {
      ...delivery, ...update, attemptCount: Math.max(delivery.attemptCount, attempt.number), updatedAt: nowIso(),
    };
    this.leases.delete(delivery.id);
    await this.write([put('attempts', attempt), put('deliveries', next)]);
  }

  async getDelivery(id: string): Promise<Delivery | null> {
    return this.data.deliveries.get(id) ?? null;
  }
  async listDeliveries(query: DeliveryQuery): Promise<Page<Delivery>> {
    return paginate(this.data.deliveries.values(), query, (d) => matchesDelivery(d, query));
  }
  async listAttempts(query: AttemptQuery): Promise<Page<Attempt>> {
    return paginate(this.data.attempts.values(), query, (a) => matchesAttempt(a, query));
  }

  async retryDeliveries(filter: DeliveryFilter, extraAttempts: number, limit: number): Promise<string[]> {
    const now = nowIso();
    const ops: WalOp[] = [];
    for (const d of this.data.deliveries.values()) {
      if (ops.length >= limit) break;
      if (d.status === 'pending' || !matchesDelivery(d, filter)) continue;
      ops.push(put('deliveries', <Delivery>{
        ...d, status: 'pending', nextAttemptAt: now, maxAttempts: d.attemptCount + extraAttempts, updatedAt: now,
      }));
    }
    if (ops.length) await this.write(ops);
    return ops.map((op) => (op.op === 'put' ? op.v.id : ''));
  }

  async cancelPending(integrationId: string, reason: string): Promise<number> {
    const now = nowIso();
    const ops: WalOp[] = [];
    for (const id of this.pending) {
      const d = this.data.deliveries.get(id);
      if (!d || d.integrationId !== integrationId || this.leases.has(id)) continue;
      ops.push(put('deliveries', <Delivery>{ ...d, status: 'cancelled', lastError: reason, updatedAt: now }));
    }
    if (ops.length) await this.write(ops);
    return ops.length;
  }

  async purgeBefore(before: string, limit: number): Promise<number> {
    const cutoff = Date.parse(before);
    const gone = new Set<string>();
    for (const e of this.data.events.values()) {
      if (gone.size >= limit) break;
      if (Date.parse(e.receivedAt) >= cutoff) continue;
      const deliveries = this.eventDeliveries.get(e.id);
      if (deliveries && [...deliveries].some((id) => this.pending.has(id) || this.leases.has(id))) continue;
      gone.add(e.id);
    }
    if (gone.size === 0) return 0;
    const ops: WalOp[] = [];
    for (const a of this.data.attempts.values()) if (gone.has(a.eventId)) ops.push({ op: 'del', c: 'attempts', id: a.id });
    for (const id of gone) {
      for (const d of this.eventDeliveries.get(id) ?? []) ops.push({ op: 'del', c: 'deliveries', id: d });
      ops.push({ op: 'del', c: 'events', id });
    }
    await this.write(ops);
    return gone.size;
  }

  // ---- operations: readiness, queue statistics, parking (src/store/ops.ts) ----

  async ping(): Promise<void> {
    if (!this.releaseLock) throw new Error('embedded store is not open');
  }

  async queueStats(): Promise<QueueStats> {
    const now = Date.now();
    let due = 0;
    let oldest: number | null = null;
    for (const id of this.pending) {
      const d = this.data.deliveries.get(id);
      if (!d) continue;
      if (Date.parse(d.nextAttemptAt) <= now) due++;
      const created = Date.parse(d.createdAt);
      if (oldest === null || created < oldest) oldest = created;
    }
    return { pending: this.pending.size, due, oldestPendingAt: oldest };
  }

  /**
   * In memory only: a parked delivery is due earlier in the log, so after a restart it is simply due
   * at once (one process owns the directory; nothing else can claim it meanwhile).
   */
  async deferClaims(owner: string, parked: Parked[]): Promise<void> {
    for (const { id, until } of parked) {
      const d = this.data.deliveries.get(id);
      if (!d || d.status !== 'pending' || this.leases.get(id)?.owner !== owner) continue;
      this.leases.delete(id);
      this.data.deliveries.set(id, { ...d, nextAttemptAt: until });
      this.ready.delete(id);
      this.schedule.push(id, Date.parse(until));
    }
  }

  // ---- log plumbing ----

  private async write(ops: WalOp[]): Promise<void> {
    for (const op of ops) this.apply(op);
    await this.wal.append(ops);
    this.maybeCompact();
  }

  private apply(op: WalOp): void {
    const name = op.c as CollectionName;
    const map = this.data[name] as Map<string, { id: string }>;
    if (!map) return;
    if (op.op === 'del') {
      const gone = map.get(op.id);
      map.delete(op.id);
      this.pending.delete(op.id);
      this.ready.delete(op.id);
      if (name === 'events' && gone) this.unindexEvent(gone as EventRecord);
      if (name === 'deliveries' && gone) this.eventDeliveries.get((gone as Delivery).eventId)?.delete(op.id);
      return;
    }
    map.set(op.v.id, op.v);
    if (name === 'events') this.indexEvent(op.v as EventRecord);
    if (name === 'deliveries') this.indexDelivery(op.v as Delivery);
  }

  private indexEvent(event: EventRecord): void {
    if (event.idempotencyKey) this.eventKeys.set(eventKey(event.sourceId, event.idempotencyKey), event.id);
  }

  private unindexEvent(event: EventRecord): void {
    if (event.idempotencyKey) this.eventKeys.delete(eventKey(event.sourceId, event.idempotencyKey));
    this.eventDeliveries.delete(event.id);
  }

  private indexDelivery(delivery: Delivery): void {
    let ids = this.eventDeliveries.get(delivery.eventId);
    if (!ids) this.eventDeliveries.set(delivery.eventId, (ids = new Set()));
    ids.add(delivery.id);
    this.ready.delete(delivery.id);
    if (delivery.status === 'pending') {
      this.pending.add(delivery.id);
      this.schedule.push(delivery.id, Date.parse(delivery.nextAttemptAt));
    } else {
      this.pending.delete(delivery.id);
    }
  }

  private maybeCompact(): void {
    const records = Object.values(this.data).reduce((n, m: Map<string, unknown>) => n + m.size, 0);
    const threshold = this.options.compactAfterLines ?? 50_000;
    if (this.wal.lineCount < records + threshold) return;
    this.wal.requestCompaction(() => this.snapshot());
  }

  private snapshot(): WalOp[][] {
    const lines: WalOp[][] = [];
    for (const name of Object.keys(this.data) as CollectionName[]) {
      const batch: WalOp[] = [];
      for (const value of this.data[name].values()) {
        batch.push(put(name, value));
        if (batch.length === 500) lines.push(batch.splice(0));
      }
      if (batch.length) lines.push(batch);
    }
    return lines;
  }
}

function put(c: CollectionName, v: object & { id: string }): WalOp {
  return { op: 'put', c, v };
}

function eventKey(sourceId: string, key: string): string {
  return `${sourceId}\u0000${key}`;
}
