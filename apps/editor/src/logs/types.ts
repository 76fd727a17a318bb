/** Shapes of the relay admin API answers (see packages/relay/README.md). */

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled';
export type AttemptOutcome = 'success' | 'retry' | 'failed';

export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface SourceView {
  id: string;
  name: string;
  provider: string | null;
  verification: string;
  secretSet: boolean;
  hookPath: string;
}

export interface IntegrationView {
  id: string;
  sourceId: string;
  name: string | null;
  doc: { name?: string; method?: string; url: string };
  secretNames: string[];
  active: boolean;
  disabledReason: string | null;
}

export interface ProviderInfo {
  id: string;
  name: string;
  samples: { id: string; name: string; event: string }[];
}

export interface DeliveryView {
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
  createdAt: string;
  updatedAt: string;
}

export interface AttemptView {
  id: string;
  deliveryId: string;
  number: number;
  startedAt: string;
  durationMs: number;
  request: { method: string; url: string; headers: Record<string, string>; body: string | null } | null;
  responseStatus: number | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  error: string | null;
  outcome: AttemptOutcome;
  worker: string;
}

export interface DeliveryDetail extends DeliveryView {
  attempts: AttemptView[];
}

export interface DeliveryFilter {
  status?: DeliveryStatus;
  sourceId?: string;
  integrationId?: string;
}

export interface RetryResult {
  retried: string[];
  count: number;
}

export interface TestResult {
  eventId: string;
  deliveryId: string;
  attempt: AttemptView;
}
