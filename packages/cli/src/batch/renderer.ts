import {
  RenderError,
  RequestError,
  TemplateError,
  integrationApplies,
  isFlow,
  renderRequest,
  type MissingPolicy,
  type Provider,
} from '@hookmap/core';
import { CliError } from '../io/errors.js';
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
  const integration = loaded.integration;
  if (isFlow(integration)) {
    throw new CliError(
      `${loaded.source.file} is a flow (it has "steps"): batch renders single requests; preview a flow with hookmap render --responses`,
    );
  }
  const fixedId = options.providerFlag ?? loaded.integration.provider;
  const fixed: Provider | undefined = fixedId === undefined ? undefined : providerById(fixedId);
  const base = { secrets: options.secrets, ...(options.missing ? { missing: options.missing } : {}) };
  return {
    /** The printable request, or null when the integration's `events` leave this payload out. */
    render(payload: unknown) {
      const provider = fixed ?? chooseProvider(undefined, undefined, payload);
      if (!integrationApplies(loaded.integration, payload, provider)) return null;
      try {
        return printableRequest(renderRequest(integration, payload, provider ? { ...base, provider } : base));
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
