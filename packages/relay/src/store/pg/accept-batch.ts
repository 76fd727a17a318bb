/**
 * Group commit of accepted webhooks: accepts that arrive while earlier ones are being committed wait
 * and go together in one statement, one transaction, one WAL flush. Each caller still learns only
 * after the commit that holds its event (durable before the 2xx), but the database does a fraction
 * of the work per webhook: this is what lets one PostgreSQL take thousands of webhooks a second.
 */
import type pg from 'pg';
import type { AcceptResult, NewEvent } from '../types.js';
import { toEvent } from './rows.js';
import { GroupCommit } from './group-commit.js';

const INSERT = `
WITH e AS (
  INSERT INTO events (id, source_id, idempotency_key, body, headers, received_at, test)
  SELECT x.id, x.source_id, x.idempotency_key, x.body, x.headers, x.received_at, x.test
  FROM json_to_recordset($1::json) AS x(id text, source_id text, idempotency_key text, body text, headers json, received_at timestamptz, test boolean)
  ON CONFLICT (source_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
  RETURNING id
), d AS (
  INSERT INTO deliveries (id, event_id, integration_id, source_id, status, attempt_count, max_attempts,
                          next_attempt_at, created_at, updated_at, lease_owner, lease_until, last_error)
  SELECT y.id, y.event_id, y.integration_id, y.source_id, COALESCE(y.status, 'pending'), 0, y.max_attempts, y.next_attempt_at,
         y.created_at, y.created_at, y.lease_owner, y.lease_until, y.last_error
  FROM json_to_recordset($2::json) AS y(id text, event_id text, integration_id text, source_id text, max_attempts int,
                                        next_attempt_at timestamptz, created_at timestamptz, lease_owner text, lease_until timestamptz,
                                        status text, last_error text)
  JOIN e ON e.id = y.event_id
)
SELECT id FROM e`;

/** Accepts on `pool`, grouped: `accept` resolves once its event is committed (or found as a duplicate). */
export class AcceptBatcher {
  private readonly group: GroupCommit<NewEvent, AcceptResult>;

  constructor(private readonly pool: pg.Pool) {
    this.group = new GroupCommit((inputs) => this.write(inputs), {
      maxItems: 500,
      maxBytes: 8 * 1024 * 1024,
      sizeOf: (input) => input.event.body.length,
      parallel: 2,
    });
  }

  accept(input: NewEvent): Promise<AcceptResult> {
    return this.group.add(input);
  }

  private async write(batch: NewEvent[]): Promise<AcceptResult[]> {
    const events = batch.map(({ event: e }) => ({
      id: e.id,
      source_id: e.sourceId,
      idempotency_key: e.idempotencyKey,
      body: e.body,
      headers: e.headers,
      received_at: e.receivedAt,
      test: e.test,
    }));
    const deliveries = batch.flatMap((input) => {
      const leaseUntil = input.leaseOwner
        ? new Date(Date.now() + (input.leaseMs ?? 60_000)).toISOString()
        : null;
      return input.deliveries.map((d) => ({
        id: d.id,
        event_id: input.event.id,
        integration_id: d.integrationId,
        source_id: input.event.sourceId,
        max_attempts: d.maxAttempts,
        next_attempt_at: d.nextAttemptAt,
        created_at: input.event.receivedAt,
        lease_owner: d.status === 'pending' ? (input.leaseOwner ?? null) : null,
        lease_until: d.status === 'pending' ? leaseUntil : null,
        status: d.status,
        last_error: d.lastError,
      }));
    });
    const { rows } = await this.pool.query({
      name: 'hookmap_accept_batch',
      text: INSERT,
      values: [JSON.stringify(events), JSON.stringify(deliveries)],
    });
    const inserted = new Set(rows.map((r: { id: string }) => r.id));
    const repeats = batch.filter((input) => !inserted.has(input.event.id));
    const existing = repeats.length
      ? await this.existing(repeats)
      : new Map<string, Record<string, unknown>>();
    return batch.map(({ event, deliveries: ds }) => {
      if (inserted.has(event.id)) return { duplicate: false, event, deliveries: ds };
      const found = existing.get(`${event.sourceId}\u0000${event.idempotencyKey}`);
      if (!found) throw new Error('event was neither stored nor found');
      return { duplicate: true, event: toEvent(found), deliveries: [] };
    });
  }

  /** The stored events that the repeats collided with, by source and idempotency key. */
  private async existing(repeats: NewEvent[]): Promise<Map<string, Record<string, unknown>>> {
    const { rows } = await this.pool.query(
      `SELECT e.* FROM events e JOIN json_to_recordset($1::json) AS k(source_id text, idempotency_key text)
       ON e.source_id = k.source_id AND e.idempotency_key = k.idempotency_key`,
      [
        JSON.stringify(
          repeats.map(({ event: e }) => ({ source_id: e.sourceId, idempotency_key: e.idempotencyKey })),
        ),
      ],
    );
    return new Map(
      rows.map((r: Record<string, unknown>) => [
        `${String(r.source_id)}\u0000${String(r.idempotency_key)}`,
        r,
      ]),
    );
  }
}
