/**
 * Attempt records grouped (group-commit.ts): the attempts that finish while earlier records are being
 * written go in one statement. Runs on the delivery sessions (synchronous_commit off, see PgStore).
 */
import type pg from 'pg';
import type { Attempt, DeliveryUpdate } from '../types.js';
import { GroupCommit } from './group-commit.js';

const RECORD = `
WITH x AS (
  SELECT * FROM json_to_recordset($1::json) AS x(
    id text, delivery_id text, integration_id text, event_id text, number int, started_at timestamptz, duration_ms int,
    request json, response_status int, response_headers json, response_body text, error text, outcome text, worker text,
    version int, status text, next_attempt_at timestamptz, last_status int, last_error text)
), a AS (
  INSERT INTO attempts (id, delivery_id, integration_id, event_id, number, started_at, duration_ms, request,
                        response_status, response_headers, response_body, error, outcome, worker, version)
  SELECT id, delivery_id, integration_id, event_id, number, started_at, duration_ms, request,
         response_status, response_headers, response_body, error, outcome, worker, version FROM x
  ON CONFLICT (delivery_id, number) DO NOTHING
)
UPDATE deliveries d SET status = x.status, next_attempt_at = x.next_attempt_at, last_status = x.last_status,
       last_error = x.last_error, attempt_count = GREATEST(d.attempt_count, x.number), lease_owner = NULL,
       lease_until = NULL, updated_at = now()
FROM x WHERE d.id = x.delivery_id AND (d.lease_owner = x.worker OR d.lease_owner IS NULL)`;

interface Recorded {
  attempt: Attempt;
  update: DeliveryUpdate;
}

export class AttemptBatcher {
  private readonly group: GroupCommit<Recorded, void>;

  constructor(private readonly pool: pg.Pool) {
    this.group = new GroupCommit((items) => this.write(items), {
      maxItems: 500, maxBytes: 8 * 1024 * 1024, sizeOf: ({ attempt: a }) => (a.request?.body?.length ?? 0) + (a.responseBody?.length ?? 0), parallel: 2,
    });
  }

  record(attempt: Attempt, update: DeliveryUpdate): Promise<void> {
    return this.group.add({ attempt, update });
  }

  private async write(items: Recorded[]): Promise<void[]> {
    const rows = items.map(({ attempt: a, update: u }) => ({
      id: a.id, delivery_id: a.deliveryId, integration_id: a.integrationId, event_id: a.eventId, number: a.number,
      started_at: a.startedAt, duration_ms: a.durationMs, request: a.request, response_status: a.responseStatus,
      response_headers: a.responseHeaders, response_body: a.responseBody, error: a.error, outcome: a.outcome, worker: a.worker, version: a.version ?? null,
      status: u.status, next_attempt_at: u.nextAttemptAt, last_status: u.lastStatus, last_error: u.lastError,
    }));
    await this.pool.query({ name: 'hookmap_attempt_batch', text: RECORD, values: [JSON.stringify(rows)] });
    return items.map(() => undefined);
  }
}
