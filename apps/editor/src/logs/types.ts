/** Shapes of the relay admin API answers: the relay's own, from the type-only entry `@hookmap/relay/api`. */
import type { AttemptView, DeliveryStatus, VersionSummary } from '@hookmap/relay/api';

export type {
  AttemptOutcome,
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
