/**
 * `@hookmap/relay/api`: the shapes of the admin API's answers, types only (nothing runs), for clients such
 * as the editor's logs panel and the CLI. They follow the records in store/types.ts as the views return them.
 */
import type { IntegrationDocument, Diagnostic } from '@hookmap/core';
import type {
  Attempt,
  AttemptOutcome,
  Delivery,
  DeliveryStatus,
  EventRecord,
  Page,
  Verification,
} from './store/types.js';
import type { PlanSummary } from './plan/plan.js';

export type { AttemptOutcome, DeliveryStatus, Page, PlanSummary, Verification };

/** Received events as the API returns them (credential headers masked). */
export type EventView = EventRecord;
/** Deliveries as stored (`version`/`replay` on replays). */
export type DeliveryView = Delivery;
/** Attempts, secrets masked; flows: one row per step (`stepId`, `skipped`, `result`). */
export type AttemptView = Attempt;

export interface SourceView {
  id: string;
  name: string;
  provider: string | null;
  verification: Verification;
  secretSet: boolean;
  secretHeader?: string;
  /** Whether the source's hook path carries a token (shown once, in `pathToken`, at creation and rotation). */
  pathTokenSet: boolean;
  /** The path to post webhooks to; null once the token is no longer shown. */
  hookPath: string | null;
  /** Only in the answers of creation and `rotate-token`. */
  pathToken?: string;
  createdAt: string;
  updatedAt: string;
}

export interface IntegrationView {
  id: string;
  sourceId: string;
  name: string | null;
  doc: IntegrationDocument;
  secretNames: string[];
  active: boolean;
  disabledReason: string | null;
  /** The live version of `doc` (SPEC §12). */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProviderInfo {
  id: string;
  name: string;
  signs: boolean;
  samples: { id: string; name: string; event: string }[];
}

export interface DeliveryDetail extends DeliveryView {
  /** Newest first. */
  attempts: AttemptView[];
  /** A flow's chain: the latest row of each step, in order (empty for a single request). */
  steps: AttemptView[];
}

export interface RetryResult {
  retried: string[];
  count: number;
}

export interface ReplayResult {
  replayed: string[];
  count: number;
  /** Replays not created because the same one is still waiting. */
  duplicates: number;
}

export interface VersionSummary {
  version: number;
  createdAt: string;
  message: string | null;
  author: string | null;
  live: boolean;
}

export interface VersionList {
  live: number;
  items: VersionSummary[];
}

export interface PatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

export interface PlanAnswer {
  integrationId: string;
  version: number;
  summary: PlanSummary;
  items: {
    eventId: string;
    receivedAt: string;
    before: unknown;
    after: unknown;
    diff: PatchOperation[];
    stoppedAt?: { before?: string; after?: string };
  }[];
  problems: { appeared: Diagnostic<string>[]; disappeared: Diagnostic<string>[] };
}

/** Every error answer: a stable code, a message that says what to do, and details (e.g. diagnostics). */
export interface ErrorAnswer {
  error: string;
  message: string;
  details?: unknown;
}

/**
 * A connection (SPEC §10) as the API shows it: never a secret value. `set` names the fields that hold
 * one (`clientId`, `clientSecret`, `refreshToken`, `accessToken`, `values.<name>`).
 */
export interface ConnectionView {
  id: string;
  kind: 'oauth2' | 'static';
  preset: string | null;
  status: 'ok' | 'refreshing' | 'needs_reauth';
  expiresAt: string | null;
  lastRefreshAt: string | null;
  lastError: string | null;
  set: string[];
  tokenUrl: string | null;
  authorizeUrl: string | null;
  clientId: string | null;
  scope: string | null;
  tokenAuth: 'basic' | 'body';
  createdAt: string;
  updatedAt: string;
}

/** `POST /api/connections/:id/authorize`: the URL to open in a browser. */
export interface AuthorizeAnswer {
  url: string;
}
