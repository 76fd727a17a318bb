/**
 * Attempt records grouped (group-commit.ts): the attempts that finish while earlier records are being
 * written go in one statement. Runs on the delivery sessions (synchronous_commit off, see PgStore).
 */
import type pg from 'pg';
import type { Attempt, DeliveryUpdate } from '../types.js';
import { GroupCommit } from './group-commit.js';

/** The attempts table's columns, and their types as json_to_record(set) reads them. */
const COLUMNS = `id, delivery_id, integration_id, event_id, number, started_at, duration_ms, request, response_status,
  response_headers, response_body, error, outcome, worker, step_id, step_skipped, step_result, version`;
const TYPED = `id text, delivery_id text, integration_id text, event_id text, number int, started_at timestamptz, duration_ms int,
  request json, response_status int, response_headers json, response_body text, error text, outcome text, worker text,
  step_id text, step_skipped boolean, step_result json, version int`;

/** A flow step recorded while the attempt goes on: only by the lease holder, whose lease is extended. */
export const RECORD_STEP = `
WITH d AS (
  UPDATE deliveries SET lease_until = GREATEST(lease_until, now() + make_interval(secs => $2::double precision / 1000))
  WHERE id = $3 AND lease_owner = $4 AND status = 'pending' RETURNING id
), a AS (
  INSERT INTO attempts (${COLUMNS})
  SELECT ${COLUMNS} FROM json_to_record($1::json) AS x(${TYPED}) WHERE EXISTS (SELECT 1 FROM d)
  ON CONFLICT (delivery_id, number, step_id) DO NOTHING
)
SELECT count(*)::int AS leased FROM d`;

/**
 * `d.id = ANY($2)` (the same ids as `x`) tells the planner how many deliveries the batch touches:
 * it reads a function's result as 100 rows, and planned a hash join over the whole table for it.
 */
const RECORD = `
WITH x AS (
  SELECT * FROM json_to_recordset($1::json) AS x(${TYPED},
    status text, next_attempt_at timestamptz, last_status int, last_error text)
), a AS (
  INSERT INTO attempts (${COLUMNS})
  SELECT ${COLUMNS} FROM x
  ON CONFLICT (delivery_id, number, step_id) DO NOTHING
)
UPDATE deliveries d SET status = x.status, next_attempt_at = x.next_attempt_at, last_status = x.last_status,
       last_error = x.last_error, attempt_count = GREATEST(d.attempt_count, x.number), lease_owner = NULL,
       lease_until = NULL, updated_at = now()
FROM x WHERE d.id = ANY($2::text[]) AND d.id = x.delivery_id AND (d.lease_owner = x.worker OR d.lease_owner IS NULL)`;

/** The attempts columns of a record (json_to_recordset input). */
export function attemptRow(a: Attempt): Record<string, unknown> {
  return {
    id: a.id,
    delivery_id: a.deliveryId,
    integration_id: a.integrationId,
    event_id: a.eventId,
    number: a.number,
    started_at: a.startedAt,
    duration_ms: a.durationMs,
    request: a.request,
    response_status: a.responseStatus,
    response_headers: a.responseHeaders,
    response_body: a.responseBody,
    error: a.error,
    outcome: a.outcome,
    worker: a.worker,
    step_id: a.stepId ?? '',
    step_skipped: a.skipped ?? null,
    step_result: a.result === undefined ? null : a.result,
    version: a.version ?? null,
  };
}

interface Recorded {
  attempt: Attempt;
  update: DeliveryUpdate;
}

export class AttemptBatcher {
  private readonly group: GroupCommit<Recorded, void>;

  constructor(private readonly pool: pg.Pool) {
    this.group = new GroupCommit((items) => this.write(items), {
      maxItems: 500,
      maxBytes: 8 * 1024 * 1024,
      sizeOf: ({ attempt: a }) => (a.request?.body?.length ?? 0) + (a.responseBody?.length ?? 0),
      parallel: 2,
    });
  }

  record(attempt: Attempt, update: DeliveryUpdate): Promise<void> {
    return this.group.add({ attempt, update });
  }

  private async write(items: Recorded[]): Promise<void[]> {
    const rows = items.map(({ attempt: a, update: u }) => ({
      ...attemptRow(a),
      status: u.status,
      next_attempt_at: u.nextAttemptAt,
      last_status: u.lastStatus,
      last_error: u.lastError,
    }));
    await this.pool.query({
      name: 'hookmap_attempt_batch',
      text: RECORD,
      values: [JSON.stringify(rows), items.map(({ attempt: a }) => a.deliveryId)],
    });
    return items.map(() => undefined);
  }
}
