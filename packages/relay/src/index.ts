export { startRelay, createStore } from './relay.js';
export type { RunningRelay } from './relay.js';
export { optionsFromEnv, resolveOptions } from './config.js';
export type { RelayOptions } from './config.js';
export { EmbeddedStore } from './store/embedded/embedded-store.js';
export type { EmbeddedStoreOptions } from './store/embedded/embedded-store.js';
export { PgStore } from './store/pg/pg-store.js';
export type { PgStoreOptions } from './store/pg/pg-store.js';
export type {
  Store,
  Source,
  IntegrationRecord,
  EventRecord,
  Delivery,
  DeliveryStatus,
  Attempt,
  AttemptOutcome,
  AttemptRequest,
  Verification,
  Page,
  DeliveryFilter,
  ConnectionRecord,
  ConnectionKind,
  ConnectionStatus,
} from './store/types.js';
export { SecretCipher, SecretKeyError } from './secrets/cipher.js';
export { Connections, ConnectionError } from './connections/service.js';
export type { ConnectionScope } from './connections/service.js';
export { PRESETS as CONNECTION_PRESETS } from './connections/presets.js';
export type { Preset as ConnectionPreset } from './connections/presets.js';
export { isPrivateAddress, parseAllowList, DestinationRefused } from './delivery/address.js';
export { backoffDelay, parseRetryAfter, isRetryable, defaultRetryPolicy } from './delivery/backoff.js';
export type { RetryPolicy } from './delivery/backoff.js';
export { createLogger } from './log.js';
export type { Logger, LogSink, LogLevel } from './log.js';
export { ConfigError } from './config-check.js';
export type { ConfigProblem } from './config-check.js';
export { RelayMetrics } from './metrics.js';
export type { QueueStats } from './metrics.js';
export { DEFAULT_RATE_LIMITS } from './delivery/rate-limits.js';
export type { RateLimit, RateLimitTable } from './delivery/rate-limits.js';
