export { LogsPanel } from './LogsPanel.js';
export type { LogsPanelProps } from './LogsPanel.js';
export { createRelayClient, RelayError } from './api.js';
export type { RelayClient } from './api.js';
