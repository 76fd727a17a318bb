/**
 * PostgreSQL store for production and for several relay processes sharing one database. Work is
 * claimed with `FOR UPDATE SKIP LOCKED` plus a lease, so each attempt is made by one process and a
 * crashed process's claims come back once their lease runs out.
 */
import pg from 'pg';
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
  openIntegration,
  openSource,
  sealIntegration,
  sealSource,
} from '../../secrets/records.js';
import { PgConnections } from './pg-connections.js';
import { pageLimit } from '../query.js';
import { migrations } from './migrations.js';
import { AcceptBatcher } from './accept-batch.js';
import { AttemptBatcher, attemptRow, RECORD_STEP } from './attempt-batch.js';
import type { Parked } from '../ops.js';
import type { QueueStats } from '../../metrics.js';
import { toAttempt, toDelivery, toEvent, toIntegration, toSource, toVersion, Where } from './rows.js';

export interface PgStoreOptions {
  databaseUrl: string;
  /** Schema holding the tables (created if missing). Default `hookmap`. */
  schema?: string;
  poolSize?: number;
  /** Seals secrets, client secrets and tokens before they are written (HOOKMAP_SECRET_KEY). Default: plaintext. */
  cipher?: SecretCipher;
}

export class PgStore implements Store {
  readonly kind = 'postgres' as const;
  readonly schema: string;
  /**
   * Both pools plan each execution for its parameters and the tables' current size
   * (`plan_cache_mode=force_custom_plan`). A session's generic plan is made once, and one made while
   * the tables were nearly empty (a new install, autovacuum off) scans the whole table on every
   * batch ever after: measured, 900 rows read per webhook after a 20 000-webhook run and PostgreSQL's
   * CPU per webhook 0.41–0.65 ms instead of 0.22–0.26. Planning costs a few microseconds per webhook.
   */
  private readonly pool: pg.Pool;
  /**
   * Delivery work (claims, attempt records) runs on its own sessions with synchronous_commit off:
   * those commits are visible to every relay at once, only their WAL flush is deferred. A crash can
   * lose the last few claims or attempt records; the deliveries are then claimed again when their
   * lease runs out — a redelivery, which at-least-once already allows. Accepting a webhook keeps
   * the synchronous commit: its 2xx promises the raw body is on disk.
   */
  private readonly workPool: pg.Pool;
  private readonly accepts: AcceptBatcher;
  private readonly attempts: AttemptBatcher;
  private readonly cipher: SecretCipher;
  /** Connections (SPEC §10); `rawRows` lets tests look at what is really stored. */
  readonly connections: PgConnections;

  constructor(options: PgStoreOptions) {
    this.schema = options.schema ?? 'hookmap';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.schema)) throw new Error(`invalid schema name "${this.schema}"`);
    const size = options.poolSize ?? 10;
    const session = `-c search_path=${this.schema} -c jit=off -c plan_cache_mode=force_custom_plan`;
    this.pool = new pg.Pool({ connectionString: options.databaseUrl, max: size, options: session });
    this.workPool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: Math.max(2, Math.ceil(size / 4)),
      options: `${session} -c synchronous_commit=off`,
    });
    this.accepts = new AcceptBatcher(this.pool);
    this.attempts = new AttemptBatcher(this.workPool);
    this.cipher = options.cipher ?? PLAINTEXT;
    this.connections = new PgConnections(this.pool, this.cipher);
    // An idle client lost its connection; the pool replaces it.
    this.pool.on('error', () => undefined);
    this.workPool.on('error', () => undefined);
  }

  async init(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`hookmap:${this.schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await client.query(
        'CREATE TABLE IF NOT EXISTS hookmap_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = await client.query('SELECT version FROM hookmap_migrations');
      const applied = new Set(done.rows.map((r: { version: number }) => r.version));
      for (const m of migrations) {
        if (applied.has(m.version)) continue;
        await client.query(m.sql);
        await client.query('INSERT INTO hookmap_migrations (version) VALUES ($1)', [m.version]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.workPool.end()]);
  }

  /**
   * `name` makes the statement a prepared one on each connection (parsed and planned once, not per
   * webhook): given to the statements that run for every webhook — accept, claim, attempt records.
   */
  private async workRows(sql: string, params: unknown[], name?: string): Promise<Record<string, unknown>[]> {
    return (
      await this.workPool.query(name ? { name, text: sql, values: params } : { text: sql, values: params })
    ).rows;
  }

  private async rows(sql: string, params: unknown[] = [], name?: string): Promise<Record<string, unknown>[]> {
    return (await this.pool.query(name ? { name, text: sql, values: params } : { text: sql, values: params }))
      .rows;
  }

  // ---- sources and integrations ----

  async putSource(source: Source): Promise<void> {
    const s = sealSource(source, this.cipher);
    await this.pool.query(
      `INSERT INTO sources (id, name, provider, verification, secret, created_at, updated_at, path_token_hash, secret_header)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
       ON CONFLICT (id) DO UPDATE SET name=$2, provider=$3, verification=$4, secret=$5, updated_at=$7, path_token_hash=$8, secret_header=$9`,
      [
        s.id,
        s.name,
        s.provider,
        s.verification,
        s.secret,
        s.createdAt,
        s.updatedAt,
        s.pathTokenHash ?? null,
        s.secretHeader ?? null,
      ],
    );
  }
  async getSource(id: string): Promise<Source | null> {
    const [row] = await this.rows('SELECT * FROM sources WHERE id = $1', [id]);
    return row ? openSource(toSource(row), this.cipher) : null;
  }
  async listSources(): Promise<Source[]> {
    return (await this.rows('SELECT * FROM sources ORDER BY id')).map((r) =>
      openSource(toSource(r), this.cipher),
    );
  }
  async deleteSource(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM sources WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async putIntegration(integration: IntegrationRecord, v?: IntegrationVersion): Promise<void> {
    await this.writeIntegration(integration, v, null);
  }
  putIntegrationWithConnection(
    connectionId: string,
    integration: IntegrationRecord,
    v?: IntegrationVersion,
  ): Promise<boolean> {
    return this.writeIntegration(integration, v, connectionId);
  }
  /**
   * The integration and its new version in one transaction; with `connectionId`, holding that
   * connection's row (`FOR SHARE`: a delete of it waits, then sees this integration), and writing nothing
   * when there is no such row.
   */
  private async writeIntegration(
    integration: IntegrationRecord,
    v: IntegrationVersion | undefined,
    connectionId: string | null,
  ): Promise<boolean> {
    const i = sealIntegration(integration, this.cipher);
    const upsert = {
      text: `INSERT INTO integrations (id, source_id, doc, secrets, active, disabled_reason, created_at, updated_at, version)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
       ON CONFLICT (id) DO UPDATE SET source_id=$2, doc=$3, secrets=$4, active=$5, disabled_reason=$6, updated_at=$8, version=$9`,
      values: [
        i.id,
        i.sourceId,
        JSON.stringify(i.doc),
        JSON.stringify(i.secrets),
        i.active,
        i.disabledReason,
        i.createdAt,
        i.updatedAt,
        i.version ?? 1,
      ],
    };
    if (!v && !connectionId) {
      await this.pool.query(upsert);
      return true;
    }
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (connectionId) {
        const held = await client.query('SELECT id FROM connections WHERE id = $1 FOR SHARE', [connectionId]);
        if (held.rows.length === 0) {
          await client.query('ROLLBACK');
          return false;
        }
      }
      await client.query(upsert);
      if (v)
        await client.query(
          `INSERT INTO integration_versions (integration_id, version, doc, created_at, message, author) VALUES ($1,$2,$3,$4,$5,$6)`,
          [v.integrationId, v.version, JSON.stringify(v.doc), v.createdAt, v.message, v.author],
        );
      await client.query('COMMIT');
      return true;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  async listIntegrationVersions(integrationId: string): Promise<IntegrationVersion[]> {
    return (
      await this.rows('SELECT * FROM integration_versions WHERE integration_id = $1 ORDER BY version', [
        integrationId,
      ])
    ).map(toVersion);
  }
  async getIntegrationVersion(integrationId: string, version: number): Promise<IntegrationVersion | null> {
    const [row] = await this.rows(
      'SELECT * FROM integration_versions WHERE integration_id = $1 AND version = $2',
      [integrationId, version],
    );
    return row ? toVersion(row) : null;
  }
  async addDeliveries(deliveries: Delivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.pool.query(
      `INSERT INTO deliveries (id, event_id, integration_id, source_id, status, attempt_count, max_attempts, next_attempt_at,
                               created_at, updated_at, version, replay)
       SELECT y.id, y.event_id, y.integration_id, y.source_id, 'pending', 0, y.max_attempts, y.next_attempt_at,
              y.created_at, y.created_at, y.version, y.replay
       FROM json_to_recordset($1::json) AS y(id text, event_id text, integration_id text, source_id text, max_attempts int,
                                             next_attempt_at timestamptz, created_at timestamptz, version int, replay boolean)`,
      [
        JSON.stringify(
          deliveries.map((d) => ({
            id: d.id,
            event_id: d.eventId,
            integration_id: d.integrationId,
            source_id: d.sourceId,
            max_attempts: d.maxAttempts,
            next_attempt_at: d.nextAttemptAt,
            created_at: d.createdAt,
            version: d.version ?? null,
            replay: d.replay ?? false,
          })),
        ),
      ],
    );
  }
  async getIntegration(id: string): Promise<IntegrationRecord | null> {
    const [row] = await this.rows('SELECT * FROM integrations WHERE id = $1', [id]);
    return row ? openIntegration(toIntegration(row), this.cipher) : null;
  }
  async listIntegrations(sourceId?: string): Promise<IntegrationRecord[]> {
    const where = new Where().add('source_id', sourceId);
    return (await this.rows(`SELECT * FROM integrations ${where.sql()} ORDER BY id`, where.params)).map((r) =>
      openIntegration(toIntegration(r), this.cipher),
    );
  }
  async deleteIntegration(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM integrations WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  // ---- events ----

  /** Group commit (accept-batch.ts): durable when it resolves, shared with the accepts that came meanwhile. */
  acceptEvent(input: NewEvent): Promise<AcceptResult> {
    return this.accepts.accept(input);
  }

  async getEvent(id: string): Promise<EventRecord | null> {
    const [row] = await this.rows('SELECT * FROM events WHERE id = $1', [id]);
    return row ? toEvent(row) : null;
  }
  async listEvents(q: EventQuery): Promise<Page<EventRecord>> {
    const where = new Where().add('source_id', q.sourceId).add('id', q.before, '<');
    return this.page('events', where, q.limit, toEvent);
  }

  private async page<T extends { id: string }>(
    table: string,
    where: Where,
    limit: number | undefined,
    map: (r: Record<string, unknown>) => T,
  ): Promise<Page<T>> {
    const n = pageLimit(limit);
    const rows = await this.rows(
      `SELECT * FROM ${table} ${where.sql()} ORDER BY id DESC LIMIT ${n + 1}`,
      where.params,
    );
    const items = rows.slice(0, n).map(map);
    return { items, next: rows.length > n ? (items[items.length - 1]?.id ?? null) : null };
  }

  // ---- delivery work ----

  /** One statement: lease the due deliveries and read their events. */
  async claimDue(owner: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = await this.workRows(
      `WITH c AS (
         UPDATE deliveries d SET lease_owner = $1, lease_until = now() + make_interval(secs => $2::double precision / 1000)
         FROM (SELECT id FROM deliveries
               WHERE status = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
               ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
         WHERE d.id = due.id
         RETURNING d.*
       )
       SELECT c.*, e.idempotency_key AS e_idempotency_key, e.body AS e_body, e.headers AS e_headers,
              e.received_at AS e_received_at, e.test AS e_test
       FROM c JOIN events e ON e.id = c.event_id
       ORDER BY c.next_attempt_at`,
      [owner, leaseMs, limit],
      'hookmap_claim_with_events',
    );
    return rows.map((r) => ({
      delivery: toDelivery(r),
      event: toEvent({
        id: r.event_id,
        source_id: r.source_id,
        idempotency_key: r.e_idempotency_key,
        body: r.e_body,
        headers: r.e_headers,
        received_at: r.e_received_at,
        test: r.e_test,
      }),
    }));
  }

  async recordStep(a: Attempt, leaseMs: number): Promise<boolean> {
    const [row] = await this.workRows(
      RECORD_STEP,
      [JSON.stringify(attemptRow(a)), leaseMs, a.deliveryId, a.worker],
      'hookmap_record_step',
    );
    return Number(row?.leased ?? 0) > 0;
  }

  /** Grouped with the attempts that finish meanwhile (attempt-batch.ts). */
  recordAttempt(a: Attempt, u: DeliveryUpdate): Promise<void> {
    return this.attempts.record(a, u);
  }

  async purgeBefore(before: string, limit: number): Promise<number> {
    const rows = await this.rows(
      `WITH old AS (
         SELECT e.id FROM events e
         WHERE e.received_at < $1
           AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id AND d.status = 'pending')
         ORDER BY e.received_at LIMIT $2
       ), a AS (
         DELETE FROM attempts WHERE event_id IN (SELECT id FROM old)
       ), d AS (
         DELETE FROM deliveries WHERE event_id IN (SELECT id FROM old)
       )
       DELETE FROM events WHERE id IN (SELECT id FROM old) RETURNING id`,
      [before, limit],
    );
    return rows.length;
  }

  async getDelivery(id: string): Promise<Delivery | null> {
    const [row] = await this.rows('SELECT * FROM deliveries WHERE id = $1', [id]);
    return row ? toDelivery(row) : null;
  }
  async listDeliveries(q: DeliveryQuery): Promise<Page<Delivery>> {
    return this.page('deliveries', deliveryWhere(q).add('id', q.before, '<'), q.limit, toDelivery);
  }
  async listAttempts(q: AttemptQuery): Promise<Page<Attempt>> {
    const where = new Where()
      .add('delivery_id', q.deliveryId)
      .add('integration_id', q.integrationId)
      .add('event_id', q.eventId)
      .add('outcome', q.outcome)
      .add('id', q.before, '<');
    return this.page('attempts', where, q.limit, toAttempt);
  }

  async retryDeliveries(filter: DeliveryFilter, extraAttempts: number, limit: number): Promise<string[]> {
    const where = deliveryWhere(filter);
    where.clauses.push(`status <> 'pending'`);
    const extra = where.param(extraAttempts);
    const max = where.param(limit);
    const rows = await this.rows(
      `UPDATE deliveries SET status = 'pending', next_attempt_at = now(), max_attempts = attempt_count + ${extra},
              lease_owner = NULL, lease_until = NULL, updated_at = now()
       WHERE id IN (SELECT id FROM deliveries ${where.sql()} ORDER BY id LIMIT ${max} FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      where.params,
    );
    return rows.map((r) => r.id as string);
  }

  async cancelPending(integrationId: string, reason: string): Promise<number> {
    const result = await this.pool.query(
      `UPDATE deliveries SET status = 'cancelled', last_error = $2, updated_at = now()
       WHERE integration_id = $1 AND status = 'pending' AND (lease_until IS NULL OR lease_until < now())`,
      [integrationId, reason],
    );
    return result.rowCount ?? 0;
  }

  // ---- operations: readiness, queue statistics, parking (src/store/ops.ts) ----

  /** Reachable and migrated: the newest migration this code knows is recorded. */
  async ping(): Promise<void> {
    const latest = Math.max(...migrations.map((m) => m.version));
    const [row] = await this.rows('SELECT max(version)::int AS v FROM hookmap_migrations');
    if (((row?.v as number | null) ?? 0) < latest)
      throw new Error(`migrations not applied (at ${String(row?.v)}, need ${latest})`);
  }

  async queueStats(): Promise<QueueStats> {
    const [row] = await this.workRows(
      `SELECT count(*)::int AS pending, count(*) FILTER (WHERE next_attempt_at <= now())::int AS due, min(created_at) AS oldest
       FROM deliveries WHERE status = 'pending'`,
      [],
    );
    return {
      pending: Number(row?.pending ?? 0),
      due: Number(row?.due ?? 0),
      oldestPendingAt: row?.oldest instanceof Date ? row.oldest.getTime() : null,
    };
  }

  async deferClaims(owner: string, parked: Parked[]): Promise<void> {
    if (parked.length === 0) return;
    await this.workRows(
      `UPDATE deliveries d SET next_attempt_at = x.until, lease_owner = NULL, lease_until = NULL
       FROM json_to_recordset($2::json) AS x(id text, until timestamptz)
       WHERE d.id = x.id AND d.lease_owner = $1 AND d.status = 'pending'`,
      [owner, JSON.stringify(parked)],
      'hookmap_defer',
    );
  }

  /** Drop the whole schema (tests). */
  // ---- connections (SPEC §10) ----

  putConnection(connection: ConnectionRecord): Promise<void> {
    return this.connections.put(connection);
  }
  getConnection(id: string): Promise<ConnectionRecord | null> {
    return this.connections.get(id);
  }
  listConnections(): Promise<ConnectionRecord[]> {
    return this.connections.list();
  }
  deleteConnection(id: string): Promise<ConnectionDeletion> {
    return this.connections.delete(id);
  }
  updateConnectionLocked(id: string, change: ConnectionChange): Promise<ConnectionRecord | null> {
    return this.connections.updateLocked(id, change);
  }

  async resealSecrets(): Promise<number> {
    if (!this.cipher.encrypts) return 0;
    let count = 0;
    for (const row of await this.rows('SELECT * FROM sources')) {
      const source = toSource(row);
      if (!needsReseal(source, this.cipher)) continue;
      await this.putSource(openSource(source, this.cipher));
      count++;
    }
    for (const row of await this.rows('SELECT * FROM integrations')) {
      const integration = toIntegration(row);
      if (!needsReseal(integration, this.cipher)) continue;
      await this.putIntegration(openIntegration(integration, this.cipher));
      count++;
    }
    // Under the row lock: a relay refreshing the token meanwhile must not be overwritten with the older row.
    for (const id of await this.connections.staleIds()) {
      await this.connections.updateLocked(id, async (c) => c);
      count++;
    }
    return count;
  }

  async dropSchema(): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
  }
}

function deliveryWhere(f: DeliveryFilter): Where {
  const where = new Where();
  if (f.ids && f.ids.length === 0) where.clauses.push('false'); // an empty id list matches nothing
  return where
    .add('status', f.status)
    .add('source_id', f.sourceId)
    .add('integration_id', f.integrationId)
    .add('event_id', f.eventId)
    .add('id', f.ids && f.ids.length ? f.ids : undefined, 'any');
}
