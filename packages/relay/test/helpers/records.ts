/** Record builders for store tests. */
import type { Delivery, EventRecord, IntegrationRecord, Source } from '../../src/store/types.js';
import { newId, nowIso } from '../../src/ids.js';

export function source(overrides: Partial<Source> = {}): Source {
  const now = nowIso();
  return {
    id: newId('src'),
    name: 'test source',
    provider: 'osvi',
    verification: 'auto',
    secret: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

export function integration(sourceId: string, overrides: Partial<IntegrationRecord> = {}): IntegrationRecord {
  const now = nowIso();
  return {
    id: newId('int'),
    sourceId,
    doc: { name: 'sink', url: 'http://127.0.0.1:9/x', body: { mode: 'template', template: { b: 1, a: 2 } } },
    secrets: {},
    active: true,
    disabledReason: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

export function event(
  sourceId: string,
  key: string | null,
  overrides: Partial<EventRecord> = {},
): EventRecord {
  return {
    id: newId('evt'),
    sourceId,
    idempotencyKey: key,
    body: JSON.stringify({ key }),
    headers: { 'content-type': 'application/json' },
    receivedAt: nowIso(),
    test: false,
    ...overrides,
  };
}

export function delivery(e: EventRecord, integrationId: string, overrides: Partial<Delivery> = {}): Delivery {
  const now = nowIso();
  return {
    id: newId('dlv'),
    eventId: e.id,
    integrationId,
    sourceId: e.sourceId,
    status: 'pending',
    attemptCount: 0,
    maxAttempts: 3,
    nextAttemptAt: now,
    lastStatus: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}
