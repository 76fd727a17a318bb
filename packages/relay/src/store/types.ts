/** The relay's logical schema and the Store interface both back-ends implement. */
import type { Integration, JsonValue } from '@hookmap/core';
import type { StoreOps } from './ops.js';

export type Verification = 'auto' | 'standard-webhooks' | 'shared-secret' | 'none';

export interface Source {
  id: string;
  name: string;
  /** Provider id (`attendee`, `osvi`, ...) or null for a plain JSON source. */
  provider: string | null;
  verification: Verification;
  /** Signing secret. Write-only: never leaves the relay through the API or the logs. */
  secret: string | null;
  /**
   * SHA-256 (hex) of the source's path token: its webhooks are posted to `/hooks/<id>/<token>`. The token
   * itself is shown once, when made. Null (or absent) for sources made before path tokens, which keep `/hooks/<id>`.
   */
  pathTokenHash?: string | null;
  /** The header that carries the shared secret (verification `shared-secret`); default `x-hookmap-secret`. */
  secretHeader?: string | null;
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

/** `skipped`: the webhook arrived while the integration was disabled; retry it (bulk, by filter) to replay. */
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled' | 'skipped';

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
  /**
   * Flows (SPEC §9): one row per step of an attempt, all with the attempt's `number`. The step's id;
   * absent for a single-request integration.
   */
  stepId?: string;
  /** A flow step whose `when` was falsy: nothing was sent. */
  skipped?: boolean;
  /** A flow step's rendered `result` (what later steps read as `steps.<id>.result`), when it has one. */
  result?: JsonValue;
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

/** SPEC §10: named credentials that integrations use as `{{ connection.* }}`. */
export type ConnectionKind = 'oauth2' | 'static';
export type ConnectionStatus = 'ok' | 'refreshing' | 'needs_reauth';

export interface ConnectionRecord {
  id: string;
  kind: ConnectionKind;
  /** The preset that filled the URLs (`hubspot`, `salesforce`, `pipedrive`, `zoho`), if any. */
  preset: string | null;
  tokenUrl: string | null;
  authorizeUrl: string | null;
  clientId: string | null;
  /** Write-only, encrypted at rest when a key is configured. */
  clientSecret: string | null;
  refreshToken: string | null;
  accessToken: string | null;
  /** When the access token expires; null when unknown (Salesforce answers without `expires_in`). */
  expiresAt: string | null;
  scope: string | null;
  /** How the token endpoint receives the client's credentials: HTTP Basic or form body. */
  tokenAuth: 'basic' | 'body';
  /** Static values, and extra fields of the token response (`instance_url`, `api_domain`). Write-only. */
  values: Record<string, string>;
  status: ConnectionStatus;
  lastRefreshAt: string | null;
  lastError: string | null;
  /** An authorization under way (SPEC §10 connect flow): the state's hash, the PKCE verifier (secret), its deadline. */
  pendingAuth?: PendingAuth | null;
  createdAt: string;
  updatedAt: string;
}

export interface PendingAuth {
  stateHash: string;
  verifier: string;
  redirectUri: string;
  expiresAt: string;
}

/**
 * Change a connection while holding its lock (one holder at a time, across processes on PostgreSQL):
 * `change` gets the row as it is now (re-read under the lock) and answers the row to store, or null
 * to store nothing.
 */
export type ConnectionChange = (current: ConnectionRecord | null) => Promise<ConnectionRecord | null>;

/** What deleting a connection did: `usedBy` lists the integrations naming it (`doc.connection`) when it was refused. */
export interface ConnectionDeletion {
  deleted: boolean;
  usedBy: string[];
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
  /**
   * `putIntegration` holding the lock of connection `connectionId` (the one its document names), so that
   * a delete of the connection cannot cross it; stores nothing and answers false when there is no such
   * connection.
   */
  putIntegrationWithConnection(
    connectionId: string,
    integration: IntegrationRecord,
    version?: IntegrationVersion,
  ): Promise<boolean>;
  /** Every version of an integration, oldest first. */
  listIntegrationVersions(integrationId: string): Promise<IntegrationVersion[]>;
  getIntegrationVersion(integrationId: string, version: number): Promise<IntegrationVersion | null>;
  /** New deliveries of events already stored (replays). */
  addDeliveries(deliveries: Delivery[]): Promise<void>;
  getIntegration(id: string): Promise<IntegrationRecord | null>;
  listIntegrations(sourceId?: string): Promise<IntegrationRecord[]>;
  deleteIntegration(id: string): Promise<boolean>;

  putConnection(connection: ConnectionRecord): Promise<void>;
  getConnection(id: string): Promise<ConnectionRecord | null>;
  listConnections(): Promise<ConnectionRecord[]>;
  /**
   * Delete the connection unless an integration names it, decided under the connection's lock (an
   * integration saved with `putIntegrationWithConnection` holds it too): `{ deleted: false, usedBy: [] }`
   * when there is no such connection.
   */
  deleteConnection(id: string): Promise<ConnectionDeletion>;
  /** Run `change` holding the connection's lock and store what it answers; returns the row stored (or the current one). */
  updateConnectionLocked(id: string, change: ConnectionChange): Promise<ConnectionRecord | null>;
  /**
   * Write again every source, integration and connection whose secrets are not sealed with the current key
   * (plaintext from before a key was set, or sealed with the previous key). Returns how many. Run at start.
   */
  resealSecrets(): Promise<number>;

  /** Store an event and its deliveries durably, in one step. A repeat idempotency key stores nothing. */
  acceptEvent(input: NewEvent): Promise<AcceptResult>;
  getEvent(id: string): Promise<EventRecord | null>;
  listEvents(query: EventQuery): Promise<Page<EventRecord>>;

  /** Lease up to `limit` due deliveries for `leaseMs`; a lease that runs out may be claimed again. */
  claimDue(owner: string, limit: number, leaseMs: number): Promise<ClaimedDelivery[]>;
  /**
   * Record one step of a flow attempt still under way (SPEC §9), durably, before the next step is sent:
   * the lease stays with `attempt.worker` and is extended by `leaseMs`. False (nothing recorded) when
   * that worker no longer holds the delivery's lease: it must stop, another process has the delivery.
   */
  recordStep(attempt: Attempt, leaseMs: number): Promise<boolean>;
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
