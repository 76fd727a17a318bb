import type {
  Diagnostic,
  HttpMethod,
  IntegrationBody,
  Provider,
  RenderedRequest,
  RenderOptions,
} from '../types.js';
import { prepareBody, type PreparedBody } from './body.js';
import { mergeHeaders, prepareHeaders, renderHeaders, setHeader, type PreparedHeader } from './headers.js';
import { prepareUrl, renderPreparedUrl, type PreparedUrl } from './url.js';

/** The request part of a document (SPEC §6): an integration, or one step of a flow (§9). */
export interface RequestTemplate {
  method?: HttpMethod;
  url: string;
  headers?: Record<string, string>;
  body?: IntegrationBody;
}

/** One request, compiled once: what single integrations and every flow step render through. */
export interface PreparedRequest {
  method: HttpMethod;
  url: string;
  /** The URL template, scanned and compiled. */
  preparedUrl: PreparedUrl;
  /** JSON Pointer of the URL in its document (`/url`, `/steps/1/url`). */
  urlPointer: string;
  headers: PreparedHeader[];
  /** Some header is named Content-Type in some spelling (names are fixed when the request is prepared). */
  setsContentType: boolean;
  body: PreparedBody | null;
}

/**
 * Compiles a request's templates. `at` is its pointer in the document ('' or `/steps/<i>`), `shared` a
 * flow's integration-level headers, which the request's own headers override by name.
 */
export function prepareRequest(
  doc: RequestTemplate,
  provider: Provider | undefined,
  at = '',
  shared: PreparedHeader[] = [],
): PreparedRequest {
  const urlPointer = `${at}/url`;
  const preparedUrl = prepareUrl(doc.url, urlPointer);
  const method = doc.method ?? 'POST';
  const own = prepareHeaders(doc.headers, at);
  const body = prepareBody(doc.body, provider, at);
  const headers = shared.length ? mergeHeaders(shared, own) : own;
  const setsContentType = headers.some((h) => h.name.toLowerCase() === 'content-type');
  return { method, url: doc.url, preparedUrl, urlPointer, headers, setsContentType, body };
}

export interface RenderSettings {
  options: RenderOptions;
  /** Collects render diagnostics when an array; null takes the fast path (nothing is collected). */
  diagnostics: Diagnostic[] | null;
}

/**
 * Renders a prepared request against a context built by `requestContext` (and, in a flow, the step
 * scope). `scope` is the provider's URL scope from `urlScopeOf`.
 */
export function renderPrepared(
  prepared: PreparedRequest,
  payload: unknown,
  context: Record<string, unknown>,
  scope: Record<string, unknown> | null,
  settings: RenderSettings,
): RenderedRequest {
  const { method, body } = prepared;
  const diagnostics = settings.diagnostics;
  const url = renderPreparedUrl(prepared.preparedUrl, scope, context, diagnostics, prepared.urlPointer);
  const headers = renderHeaders(prepared.headers, context, diagnostics);
  const request: RenderedRequest = { method, url, headers, diagnostics: diagnostics ?? [] };
  if (method === 'GET' || method === 'DELETE') {
    if (prepared.setsContentType)
      for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-type') delete headers[k];
    return request;
  }
  if (!body) return request;
  request.body = body.render(payload, context, settings.options, diagnostics);
  // Without a Content-Type among the document's headers a plain store adds it, as setHeader would.
  if (prepared.setsContentType) setHeader(headers, 'Content-Type', body.contentType);
  else headers['Content-Type'] = body.contentType;
  return request;
}
