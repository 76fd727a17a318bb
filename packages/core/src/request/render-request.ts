import { Codes } from '../codes.js';
import { setOwn } from '../evaluate/paths.js';
import { RequestError } from '../errors.js';
import type { Diagnostic, HttpMethod, Integration, Provider, RenderedRequest, RenderOptions, RenderRequestOptions } from '../types.js';
import { prepareBody, type PreparedBody } from './body.js';
import { prepareHeaders, renderHeaders, setHeader, type PreparedHeader } from './headers.js';
import { validateIntegrationShape } from './integration.js';
import { renderUrl } from './url.js';

interface Prepared {
  provider: Provider | undefined;
  headers: PreparedHeader[];
  body: PreparedBody | null;
}

/** Compiled bodies per integration document (and provider), so services render without recompiling. */
const prepared = new WeakMap<Integration, Prepared>();

function prepare(integration: Integration, provider: Provider | undefined): Prepared {
  const hit = prepared.get(integration);
  if (hit && hit.provider === provider) return hit;
  const problems = validateIntegrationShape(integration);
  if (problems.length) {
    const first = problems[0] as Diagnostic;
    const err = new RequestError(
      Codes.INVALID_INTEGRATION,
      `Invalid integration: ${problems.map((p) => `${p.path || '/'}: ${p.message}`).join(' ')}`,
      { path: first.path },
    );
    throw err;
  }
  const entry = { provider, headers: prepareHeaders(integration.headers), body: prepareBody(integration.body, provider) };
  prepared.set(integration, entry);
  return entry;
}

/**
 * The expression context of a payload without secrets: the provider's (built fresh per call, so
 * callers may extend it in place), or the payload's own fields plus `payload` without a provider.
 */
export function payloadContext(payload: unknown, provider: Provider | undefined): Record<string, unknown> {
  const isObject = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
  const context: Record<string, unknown> = provider ? provider.buildContext(payload) : isObject ? { ...payload } : {};
  if (!provider || context.payload === undefined) setOwn(context, 'payload', payload);
  return context;
}

/** The body's context: the payload's, with `secrets` taken only from the options. */
function buildContext(payload: unknown, provider: Provider | undefined, secrets: Record<string, string>): Record<string, unknown> {
  const context = payloadContext(payload, provider);
  setOwn(context, 'secrets', { ...secrets });
  return context;
}

/** SPEC §6: renders the full request — method, URL, headers, body — for one payload. */
export function renderRequest(integration: Integration, payload: unknown, options: RenderRequestOptions = {}): RenderedRequest {
  const provider = options.provider ?? undefined;
  const { headers: preparedHeaders, body } = prepare(integration, provider);
  const diagnostics: Diagnostic[] = [];
  const context = buildContext(payload, provider, options.secrets ?? {});
  const method: HttpMethod = integration.method ?? 'POST';
  const scopeValue = provider?.urlScope ? context[provider.urlScope] : undefined;
  const scope = typeof scopeValue === 'object' && scopeValue !== null ? (scopeValue as Record<string, unknown>) : null;
  const url = renderUrl(integration.url, scope, context, diagnostics);
  const headers = renderHeaders(preparedHeaders, context, diagnostics);
  const request: RenderedRequest = { method, url, headers, diagnostics };
  if (method === 'GET' || method === 'DELETE' || !body) {
    if (method === 'GET' || method === 'DELETE') {
      for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-type') delete headers[k];
    }
    return request;
  }
  const renderOptions: RenderOptions = {};
  if (options.missing) renderOptions.missing = options.missing;
  if (options.limits) renderOptions.limits = options.limits;
  request.body = body.render(payload, context, renderOptions, diagnostics);
  setHeader(headers, 'Content-Type', body.contentType);
  return request;
}

/**
 * The bytes to send: a string body as written (text bodies, whatever their content type), any
 * other body as JSON text, undefined without a body.
 */
export function serializeBody(request: Pick<RenderedRequest, 'body'>): string | undefined {
  if (request.body === undefined) return undefined;
  return typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
}
