export { LogsPanel } from './LogsPanel.js';
export type { LogsPanelProps } from './LogsPanel.js';
export { createRelayClient, createRelayApi, RelayError } from './api.js';
export type { RelayClient, RelayApi } from './api.js';
export type {
  AttemptView,
  DeliveryDetail,
  DeliveryFilter,
  DeliveryStatus,
  DeliveryView,
  IntegrationView,
  Page,
  ProviderInfo,
  RetryResult,
  SourceView,
  TestResult,
  ConnectionInput,
  ConnectionView,
} from './types.js';
export { CONNECTION_PRESETS } from './types.js';
