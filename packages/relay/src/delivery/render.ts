/** Turn an event into the outbound request of one integration, with core's `renderRequest`. */
import { renderRequest, serializeBody } from '@hookmap/core';
import { getProvider } from '@hookmap/providers';
import type { CheckProvider, Provider } from '@hookmap/core';
import type { IntegrationRecord, Source } from '../store/types.js';
import type { OutboundRequest } from './send.js';

export function findProvider(id: string | null): Provider | undefined {
  if (!id) return undefined;
  return getProvider(id) ?? undefined;
}

/** The provider as the static checker takes it: the providers package's carry their event schemas; others type nothing. */
export function checkProviderOf(provider: Provider | undefined): CheckProvider | undefined {
  return provider && 'contextSchemas' in provider ? (provider as unknown as CheckProvider) : undefined;
}

/** Throws (core's RequestError, or a JSON error) when the request cannot be built: never retried. */
export function buildRequest(
  integration: IntegrationRecord,
  source: Source | null,
  rawBody: string,
  extraHeaders: Record<string, string>,
  connection?: Record<string, string>,
): OutboundRequest {
  const payload: unknown = JSON.parse(rawBody);
  const provider = findProvider(source?.provider ?? null);
  const rendered = renderRequest(integration.doc, payload, {
    provider,
    secrets: integration.secrets,
    ...(connection ? { connection } : {}),
  });
  const body = serializeBody(rendered);
  const headers: Record<string, string> = { 'user-agent': 'hookmap-relay/0.1', ...extraHeaders };
  for (const [name, value] of Object.entries(rendered.headers)) headers[name.toLowerCase()] = value;
  return { method: rendered.method, url: rendered.url, headers, body: body ?? null };
}
