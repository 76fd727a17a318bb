import {
  RenderError,
  RequestError,
  TemplateError,
  integrationApplies,
  renderRequest,
  type MissingPolicy,
  type Provider,
} from '@hookmap/core';
import { chooseProvider, providerById } from '../lib/catalog.js';
import type { LoadedIntegration } from '../lib/integration.js';
import { printableRequest } from '../lib/render.js';

export interface BatchRenderOptions {
  providerFlag: string | undefined;
  secrets: Record<string, string>;
  missing: MissingPolicy | undefined;
}

/**
 * Everything that does not depend on the payload is settled once: the provider when it is fixed
 * (flag or the integration's hint), secrets and options. Each payload then only renders.
 */
export function createBatchRenderer(loaded: LoadedIntegration, options: BatchRenderOptions) {
  const fixedId = options.providerFlag ?? loaded.integration.provider;
  const fixed: Provider | undefined = fixedId === undefined ? undefined : providerById(fixedId);
  const base = { secrets: options.secrets, ...(options.missing ? { missing: options.missing } : {}) };
  return {
    /** The printable request, or null when the integration's `events` leave this payload out. */
    render(payload: unknown) {
      const provider = fixed ?? chooseProvider(undefined, undefined, payload);
      if (!integrationApplies(loaded.integration, payload, provider)) return null;
      try {
        return printableRequest(
          renderRequest(loaded.integration, payload, provider ? { ...base, provider } : base),
        );
      } catch (error) {
        if (error instanceof TemplateError || error instanceof RenderError || error instanceof RequestError) {
          const where = error.path === '' ? '' : ` at ${error.path}`;
          throw new Error(`${error.code} ${error.message}${where}`, { cause: error });
        }
        throw error;
      }
    },
  };
}
