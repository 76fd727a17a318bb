/** The relay's logical schema and the Store interface both back-ends implement. */
import type { Integration } from '@hookmap/core';
import type { StoreOps } from './ops.js';

export type Verification = 'auto' | 'standard-webhooks' | 'none';

export interface Source {
  id: string;
  name: string;
  /** Provider id (`attendee`, `osvi`, ...) or null for a plain JSON source. */
  provider: string | null;
  verification: Verification;
  /** Signing secret. Write-only: never leaves the relay through the API or the logs. */
  secret: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IntegrationRecord {
  id: string;
  sourceId: string;
  /** The integration document (SPEC §6), validated with core's `validateIntegration`. */
  doc: Integration;
  /** Values for `{{secrets.NAME}}`. Write-only. */
  secrets: Record<string, string>;
  active: boolean;
  /** Why the relay turned the integration off (e.g. the destination answered 410). */
  disabledReason: string | null;
  /** The live version of `doc` (SPEC §12): 1 at creation, one more per change of the document. */
  version?: number;
  createdAt: string;
  updatedAt: string;
}

/** One immutable version of an integration's document (SPEC §12). */
export interface IntegrationVersion {
  /** `<integrationId>@<version>`. */
  id: string;
  integrationId: string;
  version: number;
  doc: Integration;
  createdAt: string;
  message: string | null;
  /** Who made it: the admin token's label, when it has one. */
  author: string | null;
}

export interface EventRecord {
  id: string;
  sourceId: string;
  idempotencyKey: string | null;
  /** Raw body exactly as received. */
  body: string;
  headers: Record<string, string>;
  receivedAt: string;
  /** Created by "Send test" rather than received. */
  test: boolean;
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled';

export interface Delivery {
  id: string;
  eventId: string;
  integrationId: string;
  sourceId: string;
  status: DeliveryStatus;
  attemptCount: number;
  maxAttempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastError: string | null;
  /** The integration version this delivery must render with (a replay through a chosen version); null: the live one. */
  version?: number | null;
  /** A replay (SPEC §12): a new delivery of a stored event, asked for by an operator. */
  replay?: boolean;
  createdAt: string;
  updatedAt: string;
}

export type AttemptOutcome = 'success' | 'retry' | 'failed';

export interface AttemptRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

export interface Attempt {
  id: string;
  deliveryId: string;
  integrationId: string;
  eventId: string;
  number: number;
  startedAt: string;
  durationMs: number;
  request: AttemptRequest | null;
  responseStatus: number | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  error: string | null;
  outcome: AttemptOutcome;
  /** Id of the relay process that made the attempt. */
  worker: string;
  /** The integration version the request was rendered with. */
  version?: number | null;
}

export interface ClaimedDelivery {
  delivery: Delivery;
  event: EventRecord;
}

/** What to change on the delivery once an attempt is over. */
export interface DeliveryUpdate {
  status: DeliveryStatus;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastError: string | null;
}

export interface AcceptResult {
  duplicate: boolean;
  event: EventRecord;
  deliveries: Delivery[];
}

export interface NewEvent {
  event: EventRecord;
  deliveries: Delivery[];
  /** Keep the new deliveries leased by this worker (used by "Send test", which delivers inline). */
  leaseOwner?: string;
  leaseMs?: number;
}

export interface Page<T> {
  items: T[];
  /** Pass as `before` for the next (older) page, or null at the end. */
  next: string | null;
}

export interface ListQuery {
  limit?: number;
  /** Id cursor: only items with a smaller (older) id. */
  before?: string;
}

export interface EventQuery extends ListQuery {
  sourceId?: string;
}

export interface DeliveryFilter {
  status?: DeliveryStatus;
  sourceId?: string;
  integrationId?: string;
  eventId?: string;
  ids?: string[];
}

export interface DeliveryQuery extends ListQuery, DeliveryFilter {}

export interface AttemptQuery extends ListQuery {
  deliveryId?: string;
  integrationId?: string;
  eventId?: string;
  outcome?: AttemptOutcome;
}

export interface Store extends StoreOps {
  readonly kind: 'embedded' | 'postgres';
  init(): Promise<void>;
  close(): Promise<void>;

  putSource(source: Source): Promise<void>;
  getSource(id: string): Promise<Source | null>;
  listSources(): Promise<Source[]>;
  deleteSource(id: string): Promise<boolean>;

  /** Store the integration and, when given, the new version of its document, in one step. */
  putIntegration(integration: IntegrationRecord, version?: IntegrationVersion): Promise<void>;
  /** Every version of an integration, oldest first. */
  listIntegrationVersions(integrationId: string): Promise<IntegrationVersion[]>;
  getIntegrationVersion(integrationId: string, version: number): Promise<IntegrationVersion | null>;
  /** New deliveries of events already stored (replays). */
  addDeliveries(deliveries: Delivery[]): Promise<void>;
  getIntegration(id: string): Promise<IntegrationRecord | null>;
  listIntegrations(sourceId?: string): Promise<IntegrationRecord[]>;
  deleteIntegration(id: string): Promise<boolean>;

  /** Store an event and its deliveries durably, in one step. A repeat idempotency key stores nothing. */
  acceptEvent(input: NewEvent): Promise<AcceptResult>;
  getEvent(id: string): Promise<EventRecord | null>;
  listEvents(query: EventQuery): Promise<Page<EventRecord>>;

  /** Lease up to `limit` due deliveries for `leaseMs`; a lease that runs out may be claimed again. */
  claimDue(owner: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]>;
  /** Record an attempt and update its delivery, releasing the lease. */
  recordAttempt(attempt: Attempt, update: DeliveryUpdate): Promise<void>;
  getDelivery(id: string): Promise<Delivery | null>;
  listDeliveries(query: DeliveryQuery): Promise<Page<Delivery>>;
  listAttempts(query: AttemptQuery): Promise<Page<Attempt>>;
  /** Make matching deliveries due now with `extraAttempts` more allowed. Returns their ids. */
  retryDeliveries(filter: DeliveryFilter, extraAttempts: number, limit: number): Promise<string[]>;
  /** Cancel pending deliveries of an integration (it was disabled or deleted). */
  cancelPending(integrationId: string, reason: string): Promise<number>;
  /**
   * Retention: delete up to `limit` events received before `before` (ISO time) whose deliveries are all
   * finished (none pending), with their deliveries and attempts. Returns how many events went. Their
   * idempotency keys go with them: a repeat of a purged webhook is accepted as new.
   */
  purgeBefore(before: string, limit: number): Promise<number>;
}
