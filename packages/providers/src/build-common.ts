import type { Provider } from '@hookmap/core';
import type { CommonView } from './common.js';
import { detectProvider } from './detect.js';
import { getProvider } from './registry.js';

/**
 * The common view of a payload, for a given provider (object or id) or the detected one; null when the
 * provider is unknown or cannot be detected.
 */
export function buildCommon(payload: unknown, provider?: Provider | string): CommonView | null {
  const chosen = typeof provider === 'string' ? getProvider(provider) : (provider ?? detectProvider(payload));
  if (!chosen) return null;
  return chosen.buildContext(payload).common as CommonView;
}
