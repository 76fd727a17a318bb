/** Shapes of the relay admin API answers: the relay's own, from the type-only entry `@hookmap/relay/api`. */
import type { AttemptView, DeliveryStatus, VersionSummary } from '@hookmap/relay/api';

export type {
  AttemptOutcome,
  AuthorizeAnswer,
  ConnectionView,
  AttemptView,
  DeliveryDetail,
  DeliveryStatus,
  DeliveryView,
  EventView,
  IntegrationView,
  Page,
  PatchOperation,
  PlanAnswer,
  PlanSummary,
  ProviderInfo,
  ReplayResult,
  RetryResult,
  SourceView,
  VersionList,
  VersionSummary,
} from '@hookmap/relay/api';

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'pending',
  'succeeded',
  'failed',
  'cancelled',
  'skipped',
];

/** The filters of `GET /api/deliveries` (and of bulk retry and replay). */
export interface DeliveryFilter {
  status?: DeliveryStatus;
  sourceId?: string;
  integrationId?: string;
  eventId?: string;
}

/** `POST /api/integrations/:id/test` answers the attempt it made (not in `@hookmap/relay/api`). */
export interface TestResult {
  eventId: string;
  deliveryId: string;
  attempt: AttemptView;
}

/** One version with its document (`GET …/versions/:n`). */
export type VersionDetail = VersionSummary & { doc: unknown };

/**
 * The body of `POST /api/connections` (SPEC §10): an `oauth2` connection (a preset or a token URL, the
 * OAuth client; tokens come from "Connect") or a `static` one (`values`). Secrets are write-only.
 */
export interface ConnectionInput {
  id: string;
  kind: 'oauth2' | 'static';
  preset?: string;
  tokenUrl?: string;
  authorizeUrl?: string;
  clientId?: string;
  clientSecret?: string;
  scope?: string;
  values?: Record<string, string | null>;
}

/** The relay's presets (`CONNECTION_PRESETS`), and the token-response fields each one adds to `connection.*`. */
export const CONNECTION_PRESETS: Readonly<Record<string, readonly string[]>> = {
  hubspot: [],
  salesforce: ['instance_url'],
  pipedrive: ['api_domain'],
  zoho: ['api_domain'],
  close: ['organization_id', 'user_id'],
  attio: [],
};

/** Presets that also take an API key as a `static` connection: the value name its templates read. */
export const STATIC_PRESET_VALUES: Readonly<Record<string, string>> = {
  close: 'api_key',
  attio: 'access_token',
};

/** The CRM a preset connects to, as the editor names it ("Connect Salesforce"). */
export const PRESET_LABELS: Readonly<Record<string, string>> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  pipedrive: 'Pipedrive',
  zoho: 'Zoho CRM',
  close: 'Close',
  attio: 'Attio',
};
