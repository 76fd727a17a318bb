/**
 * The default store: no server, data in one directory. Records live in memory (webhook bodies stay
 * on disk, with a bounded cache of recent ones) and every change goes through the write-ahead log
 * (wal.ts): memory changes only after the change is synced, so a `kill -9` or a full disk loses
 * nothing that was acknowledged, and a write that failed leaves no trace a retry could trip on.
 * Single-process: a lock file keeps a second relay out of the directory.
 */
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type {
  AcceptResult,
  Attempt,
  AttemptQuery,
  ClaimedDelivery,
  Delivery,
  DeliveryFilter,
  DeliveryQuery,
  DeliveryUpdate,
  EventQuery,
  EventRecord,
  IntegrationRecord,
  IntegrationVersion,
  NewEvent,
  Page,
  Source,
  Store,
  ConnectionChange,
  ConnectionDeletion,
  ConnectionRecord,
} from '../types.js';
import { PLAINTEXT, type SecretCipher } from '../../secrets/cipher.js';
import {
  needsReseal,
  openConnection,
  openIntegration,
  openSource,
  sealConnection,
  sealIntegration,
  sealSource,
} from '../../secrets/records.js';
import { matchesAttempt, matchesDelivery, paginate } from '../query.js';
import { WriteAheadLog } from './wal.js';
import type { BodyRef, WalOp } from './wal.js';
import type { WalFs } from './wal-fs.js';
import { BodyCache } from './body-cache.js';
import { acquireLock } from './lock.js';
import { DueQueue } from './due-queue.js';
import { nowIso } from '../../ids.js';
import { connectionOfDoc } from '../../connections/named.js';
import { createLogger } from '../../log.js';
import type { Logger } from '../../log.js';
import type { Parked } from '../ops.js';
import type { QueueStats } from '../../metrics.js';

/** An event in memory: its body inline (read from a log of the old format) or where it is on disk. */
type StoredEvent = Omit<EventRecord, 'body'> & { body: string | BodyRef };

interface Collections {
  sources: Map<string, Source>;
  integrations: Map<string, IntegrationRecord>;
  events: Map<string, StoredEvent>;
  deliveries: Map<string, Delivery>;
  attempts: Map<string, Attempt>;
  versions: Map<string, IntegrationVersion>;
  /** Sealed as written (secret fields encrypted when a key is set). */
  connections: Map<string, ConnectionRecord>;
}
type CollectionName = keyof Collections;

export interface EmbeddedStoreOptions {
  dataDir: string;
  /** Rewrite the log once it holds this many operations more than there are records. Default 50 000. */
  compactAfterLines?: number;
  /** Size at which the log starts a new segment file. Default 64 MiB. */
  segmentBytes?: number;
  /** Rewrite the log once this many bytes were appended since the last snapshot (and twice its size). Default `segmentBytes`. */
  compactAfterBytes?: number;
  /** Memory for recently used webhook bodies. Default 32 MiB. */
  bodyCacheBytes?: number;
  /** Where store warnings go (a torn write cut off at start-up). Default: JSON lines on stderr. */
  log?: Logger;
  /** File access of the log; tests inject a failing disk. */
  fs?: WalFs;
  /** Seals secrets, client secrets and tokens before they reach the log (HOOKMAP_SECRET_KEY). Default: plaintext. */
  cipher?: SecretCipher;
}

export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  private readonly data: Collections = {
    sources: new Map(),
    integrations: new Map(),
    events: new Map(),
    deliveries: new Map(),
    attempts: new Map(),
    versions: new Map(),
    connections: new Map(),
  };
  /** One change of a connection at a time (single process: the lock file keeps others out). */
  private readonly connectionLocks = new Map<string, Promise<unknown>>();
  private readonly cipher: SecretCipher;
  private readonly eventKeys = new Map<string, string>();
  /** Accepts being written, by idempotency key: a concurrent copy waits for the first one's outcome. */
  private readonly accepting = new Map<string, Promise<void>>();
  /** Delivery ids of each event (for retention). */
  private readonly eventDeliveries = new Map<string, Set<string>>();
  private readonly pending = new Set<string>();
  /** Pending deliveries not yet due, by due time; `ready` holds the due ones. */
  private readonly schedule = new DueQueue();
  private readonly ready = new Set<string>();
  private readonly leases = new Map<string, { owner: string; until: number }>();
  private readonly wal: WriteAheadLog;
  private readonly bodies: BodyCache;
  private releaseLock: (() => Promise<void>) | null = null;

  constructor(private readonly options: EmbeddedStoreOptions) {
    this.wal = new WriteAheadLog(join(options.dataDir, 'wal'), {
      fs: options.fs,
      segmentBytes: options.segmentBytes,
      compactAfterBytes: options.compactAfterBytes,
      log: options.log ?? createLogger(),
      legacyPath: join(options.dataDir, 'relay.log.jsonl'),
    });
    this.bodies = new BodyCache(options.bodyCacheBytes ?? 32 * 1024 * 1024);
    this.cipher = options.cipher ?? PLAINTEXT;
  }

  async init(): Promise<void> {
    await mkdir(this.options.dataDir, { recursive: true });
    this.releaseLock = await acquireLock(join(this.options.dataDir, 'relay.lock'));
    try {
      const { legacy } = await this.wal.replay((op) => this.apply(op));
      await this.wal.collect(this.liveSegments());
      if (legacy) {
        this.requestCompaction(); // moves the old log's records (and bodies) into the current format
        await this.wal.drain();
      }
    } catch (error) {
      await this.wal.close().catch(() => undefined);
      await this.releaseLock();
      this.releaseLock = null;
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.wal.close();
    await this.releaseLock?.();
    this.releaseLock = null;
  }

  // ---- sources and integrations ----

  putSource(source: Source): Promise<void> {
    return this.write([put('sources', sealSource(source, this.cipher))]);
  }
  async getSource(id: string): Promise<Source | null> {
    const source = this.data.sources.get(id);
    return source ? openSource(source, this.cipher) : null;
  }
  async listSources(): Promise<Source[]> {
    return [...this.data.sources.values()].map((s) => openSource(s, this.cipher));
  }
  async deleteSource(id: string): Promise<boolean> {
    if (!this.data.sources.has(id)) return false;
    const ops: WalOp[] = [{ op: 'del', c: 'sources', id }];
    for (const i of this.data.integrations.values()) {
      if (i.sourceId === id)
        ops.push({ op: 'del', c: 'integrations', id: i.id }, ...this.versionDeletes(i.id));
    }
    await this.write(ops);
    return true;
  }

  putIntegration(integration: IntegrationRecord, version?: IntegrationVersion): Promise<void> {
    const sealed = sealIntegration(integration, this.cipher);
    return this.write(
      version ? [put('integrations', sealed), put('versions', version)] : [put('integrations', sealed)],
    );
  }
  putIntegrationWithConnection(
    connectionId: string,
    integration: IntegrationRecord,
    version?: IntegrationVersion,
  ): Promise<boolean> {
    return this.connectionLocked(connectionId, async () => {
      if (!this.data.connections.has(connectionId)) return false;
      await this.putIntegration(integration, version);
      return true;
    });
  }
  async listIntegrationVersions(integrationId: string): Promise<IntegrationVersion[]> {
    return [...this.data.versions.values()]
      .filter((v) => v.integrationId === integrationId)
      .sort((a, b) => a.version - b.version);
  }
  async getIntegrationVersion(integrationId: string, version: number): Promise<IntegrationVersion | null> {
    return this.data.versions.get(`${integrationId}@${version}`) ?? null;
  }
  addDeliveries(deliveries: Delivery[]): Promise<void> {
    return this.write(deliveries.map((d) => put('deliveries', d)));
  }
  async getIntegration(id: string): Promise<IntegrationRecord | null> {
    const integration = this.data.integrations.get(id);
    return integration ? openIntegration(integration, this.cipher) : null;
  }
  async listIntegrations(sourceId?: string): Promise<IntegrationRecord[]> {
    return [...this.data.integrations.values()]
      .filter((i) => !sourceId || i.sourceId === sourceId)
      .map((i) => openIntegration(i, this.cipher));
  }
  async deleteIntegration(id: string): Promise<boolean> {
    if (!this.data.integrations.has(id)) return false;
    await this.write([{ op: 'del', c: 'integrations', id }, ...this.versionDeletes(id)]);
    return true;
  }

  // ---- connections (SPEC §10) ----

  putConnection(connection: ConnectionRecord): Promise<void> {
    return this.write([put('connections', sealConnection(connection, this.cipher))]);
  }
  async getConnection(id: string): Promise<ConnectionRecord | null> {
    const c = this.data.connections.get(id);
    return c ? openConnection(c, this.cipher) : null;
  }
  async listConnections(): Promise<ConnectionRecord[]> {
    return [...this.data.connections.values()]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((c) => openConnection(c, this.cipher));
  }
  deleteConnection(id: string): Promise<ConnectionDeletion> {
    return this.connectionLocked(id, async () => {
      if (!this.data.connections.has(id)) return { deleted: false, usedBy: [] };
      const usedBy = [...this.data.integrations.values()]
        .filter((i) => connectionOfDoc(i.doc) === id)
        .map((i) => i.id)
        .sort();
      if (usedBy.length) return { deleted: false, usedBy };
      await this.write([{ op: 'del', c: 'connections', id }]);
      return { deleted: true, usedBy: [] };
    });
  }
  updateConnectionLocked(id: string, change: ConnectionChange): Promise<ConnectionRecord | null> {
    return this.connectionLocked(id, async () => {
      const current = await this.getConnection(id);
      const next = await change(current);
      if (!next) return current;
      await this.putConnection(next);
      return next;
    });
  }
  /** One holder of a connection's lock at a time (this store has one process). */
  private connectionLocked<T>(id: string, work: () => Promise<T>): Promise<T> {
    const before = this.connectionLocks.get(id) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(work);
    this.connectionLocks.set(id, run);
    void run
      .finally(() => {
        if (this.connectionLocks.get(id) === run) this.connectionLocks.delete(id);
      })
      .catch(() => undefined);
    return run;
  }

  async resealSecrets(): Promise<number> {
    const c = this.cipher;
    const ops: WalOp[] = [];
    for (const v of this.data.sources.values())
      if (needsReseal(v, c)) ops.push(put('sources', sealSource(openSource(v, c), c)));
    for (const v of this.data.integrations.values())
      if (needsReseal(v, c)) ops.push(put('integrations', sealIntegration(openIntegration(v, c), c)));
    for (const v of this.data.connections.values())
      if (needsReseal(v, c)) ops.push(put('connections', sealConnection(openConnection(v, c), c)));
    if (ops.length === 0) return 0;
    await this.write(ops);
    this.requestCompaction(); // the old forms stay in older segments until the log is rewritten
    return ops.length;
  }

  private versionDeletes(integrationId: string): WalOp[] {
    return [...this.data.versions.values()]
      .filter((v) => v.integrationId === integrationId)
      .map((v) => ({ op: 'del', c: 'versions', id: v.id }));
  }

  // ---- events ----

  async acceptEvent(input: NewEvent): Promise<AcceptResult> {
    const { event } = input;
    const key = event.idempotencyKey ? eventKey(event.sourceId, event.idempotencyKey) : null;
    for (;;) {
      const existing = this.findDuplicate(event);
      if (existing) return { duplicate: true, event: await this.hydrate(existing), deliveries: [] };
      const inFlight = key ? this.accepting.get(key) : undefined;
      if (!inFlight) break;
      await inFlight.catch(() => undefined); // if the first copy failed to write, this one is stored instead
    }
    const { body, ...meta } = event;
    const ops: WalOp[] = [
      { op: 'put', c: 'events', v: meta, blob: body },
      ...input.deliveries.map((d) => put('deliveries', d)),
    ];
    if (input.leaseOwner) {
      const until = Date.now() + (input.leaseMs ?? 60_000);
      for (const d of input.deliveries) this.leases.set(d.id, { owner: input.leaseOwner, until });
    }
    const writing = this.write(ops);
    if (key) this.accepting.set(key, writing);
    try {
      await writing;
    } catch (error) {
      for (const d of input.deliveries) this.leases.delete(d.id);
      throw error;
    } finally {
      if (key && this.accepting.get(key) === writing) this.accepting.delete(key);
    }
    return { duplicate: false, event, deliveries: input.deliveries };
  }
  async getEvent(id: string): Promise<EventRecord | null> {
    const stored = this.data.events.get(id);
    return stored ? this.hydrate(stored) : null;
  }
  async listEvents(query: EventQuery): Promise<Page<EventRecord>> {
    const page = paginate(
      this.data.events.values(),
      query,
      (e) => !query.sourceId || e.sourceId === query.sourceId,
    );
    return { items: await Promise.all(page.items.map((e) => this.hydrate(e))), next: page.next };
  }

  private findDuplicate(event: EventRecord): StoredEvent | null {
    if (!event.idempotencyKey) return null;
    const id = this.eventKeys.get(eventKey(event.sourceId, event.idempotencyKey));
    return id ? (this.data.events.get(id) ?? null) : null;
  }

  /** The event with its body, from the cache or the log. */
  private async hydrate(stored: StoredEvent): Promise<EventRecord> {
    const { body, ...meta } = stored;
    if (typeof body === 'string') return { ...meta, body };
    const key = refKey(body);
    let text = this.bodies.get(key);
    if (text === undefined) {
      text = await this.wal.readBody(body);
      this.bodies.set(key, text);
    }
    return { ...meta, body: text };
  }

  // ---- delivery work ----

  async claimDue(owner: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const now = Date.now();
    const out: { delivery: Delivery; event: StoredEvent }[] = [];
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
    try {
      return await Promise.all(
        out.map(async (c): Promise<ClaimedDelivery> => ({
          delivery: c.delivery,
          event: await this.hydrate(c.event),
        })),
      );
    } catch (error) {
      for (const c of out) this.leases.delete(c.delivery.id);
      throw error;
    }
  }

  async recordStep(attempt: Attempt, leaseMs: number): Promise<boolean> {
    const delivery = this.data.deliveries.get(attempt.deliveryId);
    const lease = this.leases.get(attempt.deliveryId);
    if (delivery?.status !== 'pending' || lease?.owner !== attempt.worker) return false;
    lease.until = Math.max(lease.until, Date.now() + leaseMs);
    await this.write([put('attempts', attempt)]);
    return true;
  }

  async recordAttempt(attempt: Attempt, update: DeliveryUpdate): Promise<void> {
    const delivery = this.data.deliveries.get(attempt.deliveryId);
    if (!delivery) return;
    const next: Delivery = {
      ...delivery,
      ...update,
      attemptCount: Math.max(delivery.attemptCount, attempt.number),
      updatedAt: nowIso(),
    };
    await this.write([put('attempts', attempt), put('deliveries', next)]);
    this.leases.delete(delivery.id);
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
      ops.push(
        put('deliveries', <Delivery>{
          ...d,
          status: 'pending',
          nextAttemptAt: now,
          maxAttempts: d.attemptCount + extraAttempts,
          updatedAt: now,
        }),
      );
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
    for (const a of this.data.attempts.values())
      if (gone.has(a.eventId)) ops.push({ op: 'del', c: 'attempts', id: a.id });
    for (const id of gone) {
      for (const d of this.eventDeliveries.get(id) ?? []) ops.push({ op: 'del', c: 'deliveries', id: d });
      ops.push({ op: 'del', c: 'events', id });
    }
    await this.write(ops);
    this.requestCompaction(); // frees the segments that only the purged bodies kept
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

  /** Durable first, then in memory: a failed write changes nothing a retry could see. */
  private async write(ops: WalOp[]): Promise<void> {
    await this.wal.append(ops, (op) => this.apply(op));
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
      if (name === 'events' && gone) this.unindexEvent(gone as StoredEvent);
      if (name === 'deliveries' && gone) this.eventDeliveries.get((gone as Delivery).eventId)?.delete(op.id);
      return;
    }
    if (name === 'events') {
      const inline = (op.v as Partial<EventRecord>).body; // logs of the old format carry the body inline
      const body = op.b ?? inline ?? '';
      if (op.b && op.blob !== undefined) this.bodies.set(refKey(op.b), op.blob);
      const stored = { ...(op.v as Omit<EventRecord, 'body'>), body } as StoredEvent;
      const before = this.data.events.get(stored.id);
      if (before && typeof before.body !== 'string' && before.body !== body)
        this.bodies.delete(refKey(before.body));
      this.data.events.set(stored.id, stored);
      this.indexEvent(stored);
      return;
    }
    map.set(op.v.id, op.v);
    if (name === 'deliveries') this.indexDelivery(op.v as Delivery);
  }

  private indexEvent(event: StoredEvent): void {
    if (event.idempotencyKey) this.eventKeys.set(eventKey(event.sourceId, event.idempotencyKey), event.id);
  }

  private unindexEvent(event: StoredEvent): void {
    if (event.idempotencyKey) this.eventKeys.delete(eventKey(event.sourceId, event.idempotencyKey));
    if (typeof event.body !== 'string') this.bodies.delete(refKey(event.body));
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
    if (this.wal.opCount >= records + threshold || this.wal.worthCompacting()) this.requestCompaction();
  }

  private requestCompaction(): void {
    this.wal.requestCompaction({
      snapshot: () => this.snapshot(),
      live: () => this.liveSegments(),
      apply: (op) => this.apply(op),
    });
  }

  /** Segments that hold a body of a stored event. */
  private liveSegments(): Set<number> {
    const live = new Set<number>();
    for (const e of this.data.events.values()) if (typeof e.body !== 'string') live.add(e.body.s);
    return live;
  }

  private snapshot(): WalOp[][] {
    const lines: WalOp[][] = [];
    for (const name of Object.keys(this.data) as CollectionName[]) {
      const batch: WalOp[] = [];
      for (const value of this.data[name].values()) {
        batch.push(name === 'events' ? eventOp(value as StoredEvent) : put(name, value));
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

function eventOp({ body, ...meta }: StoredEvent): WalOp {
  return typeof body === 'string'
    ? { op: 'put', c: 'events', v: meta, blob: body }
    : { op: 'put', c: 'events', v: meta, b: body };
}

function refKey(ref: BodyRef): string {
  return `${ref.s}:${ref.o}`;
}

function eventKey(sourceId: string, key: string): string {
  return `${sourceId}\u0000${key}`;
}
