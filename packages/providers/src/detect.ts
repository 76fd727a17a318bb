import type { HookmapProvider } from './provider.js';
import { providers } from './registry.js';

/**
 * Names the provider of an unlabelled payload: the one provider whose `detect` accepts it, or null when
 * none or (which the detectors are written to avoid) more than one does.
 */
export function detectProvider(payload: unknown): HookmapProvider | null {
  const matches = providers.filter((provider) => provider.detect(payload));
  return matches.length === 1 ? (matches[0] ?? null) : null;
}
