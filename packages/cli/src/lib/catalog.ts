import type { Provider } from '@hookmap/core';
import { detectProvider, getProvider, providers } from '@hookmap/providers';
import { CliError } from '../io/errors.js';

/** The one place the CLI touches @hookmap/providers (targets: lib/targets.ts, loaded only when needed). */

export function listProviders(): Provider[] {
  return [...providers];
}

export function providerById(id: string): Provider {
  const provider = getProvider(id);
  if (!provider) {
    throw new CliError(
      `unknown provider "${id}" (known: ${listProviders()
        .map((p) => p.id)
        .join(', ')})`,
    );
  }
  return provider;
}

/** --provider, else the integration's own `provider` hint, else detection from the payload. */
export function chooseProvider(
  flag: string | undefined,
  hint: string | undefined,
  payload: unknown,
): Provider | undefined {
  if (flag !== undefined) return providerById(flag);
  if (hint !== undefined) return providerById(hint);
  return detectProvider(payload) ?? undefined;
}
