/** Row ⇄ record mapping for the PostgreSQL store. */
import type {
  Attempt,
  Delivery,
  EventRecord,
  IntegrationRecord,
  IntegrationVersion,
  Source,
} from '../types.js';

type Row = Record<string, unknown>;

function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

export function toSource(r: Row): Source {
  return {
    id: r.id as string,
    name: r.name as string,
    provider: (r.provider as string | null) ?? null,
    verification: r.verification as Source['verification'],
    secret: (r.secret as string | null) ?? null,
    pathTokenHash: (r.path_token_hash as string | null) ?? null,
    secretHeader: (r.secret_header as string | null) ?? null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function toIntegration(r: Row): IntegrationRecord {
  return {
    id: r.id as string,
    sourceId: r.source_id as string,
    doc: r.doc as IntegrationRecord['doc'],
    secrets: (r.secrets as Record<string, string>) ?? {},
    active: r.active as boolean,
    disabledReason: (r.disabled_reason as string | null) ?? null,
    version: (r.version as number | undefined) ?? 1,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function toVersion(r: Row): IntegrationVersion {
  const integrationId = r.integration_id as string;
  const version = r.version as number;
  return {
    id: `${integrationId}@${version}`,
    integrationId,
    version,
    doc: r.doc as IntegrationVersion['doc'],
    createdAt: iso(r.created_at),
    message: (r.message as string | null) ?? null,
    author: (r.author as string | null) ?? null,
  };
}

export function toEvent(r: Row): EventRecord {
  return {
    id: r.id as string,
    sourceId: r.source_id as string,
    idempotencyKey: (r.idempotency_key as string | null) ?? null,
    body: r.body as string,
    headers: (r.headers as Record<string, string>) ?? {},
    receivedAt: iso(r.received_at),
    test: Boolean(r.test),
  };
}

export function toDelivery(r: Row): Delivery {
  return {
    id: r.id as string,
    eventId: r.event_id as string,
    integrationId: r.integration_id as string,
    sourceId: r.source_id as string,
    status: r.status as Delivery['status'],
    attemptCount: r.attempt_count as number,
    maxAttempts: r.max_attempts as number,
    nextAttemptAt: iso(r.next_attempt_at),
    lastStatus: (r.last_status as number | null) ?? null,
    lastError: (r.last_error as string | null) ?? null,
    ...(r.version !== null && r.version !== undefined ? { version: r.version as number } : {}),
    ...(r.replay ? { replay: true } : {}),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function toAttempt(r: Row): Attempt {
  return {
    id: r.id as string,
    deliveryId: r.delivery_id as string,
    integrationId: r.integration_id as string,
    eventId: r.event_id as string,
    number: r.number as number,
    startedAt: iso(r.started_at),
    durationMs: r.duration_ms as number,
    request: (r.request as Attempt['request']) ?? null,
    responseStatus: (r.response_status as number | null) ?? null,
    responseHeaders: (r.response_headers as Record<string, string> | null) ?? null,
    responseBody: (r.response_body as string | null) ?? null,
    error: (r.error as string | null) ?? null,
    outcome: r.outcome as Attempt['outcome'],
    worker: r.worker as string,
    ...(r.version !== null && r.version !== undefined ? { version: r.version as number } : {}),
    ...(r.step_id ? { stepId: r.step_id as string } : {}),
    ...(typeof r.step_skipped === 'boolean' ? { skipped: r.step_skipped } : {}),
    ...(r.step_result !== null && r.step_result !== undefined
      ? { result: r.step_result as Attempt['result'] }
      : {}),
  };
}

/** Builds `WHERE a = $1 AND b = $2 ...` from the defined filters. */
export class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(column: string, value: unknown, op = '='): this {
    if (value === undefined || value === null || value === '') return this;
    this.params.push(value);
    this.clauses.push(
      op === 'any' ? `${column} = ANY($${this.params.length})` : `${column} ${op} $${this.params.length}`,
    );
    return this;
  }

  sql(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}
