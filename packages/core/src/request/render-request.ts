import { Codes } from '../codes.js';
import { RequestError } from '../errors.js';
import type { Diagnostic, Integration, Provider, RenderedRequest, RenderOptions, RenderRequestOptions } from '../types.js';
import { requestContext, urlScopeOf } from './context.js';
import { validateIntegrationShape } from './validate-shape.js';
import { prepareRequest, renderPrepared, type PreparedRequest } from './prepare.js';

interface Prepared {
  provider: Provider | undefined;
  request: PreparedRequest;
}

/** Compiled requests per integration document (and provider), so services render without recompiling. */
const prepared = new WeakMap<Integration, Prepared>();

function prepare(integration: Integration, provider: Provider | undefined): PreparedRequest {
  const hit = prepared.get(integration);
  if (hit && hit.provider === provider) return hit.request;
  throwFirstProblem(validateIntegrationShape(integration));
  if ('steps' in integration) {
    throw new RequestError(Codes.INVALID_INTEGRATION, 'This integration is a flow (it has "steps"): render it with renderFlow, or runFlow to send it.', { path: '/steps' });
  }
  const request = prepareRequest(integration, provider);
  prepared.set(integration, { provider, request });
  return request;
}

/** An invalid document is refused with H401, naming every problem and pointing at the first. */
export function throwFirstProblem(problems: Diagnostic[]): void {
  const first = problems[0];
  if (!first) return;
  throw new RequestError(
    Codes.INVALID_INTEGRATION,
    `Invalid integration: ${problems.map((p) => `${p.path || '/'}: ${p.message}`).join(' ')}`,
    { path: first.path },
  );
}

/** The render options renderRequest and flows pass on to the body template. */
export function bodyOptions(options: RenderOptions): RenderOptions {
  const out: RenderOptions = {};
  if (options.missing) out.missing = options.missing;
  if (options.limits) out.limits = options.limits;
  return out;
}

/** SPEC §6: renders the full request — method, URL, headers, body — for one payload. */
export function renderRequest(integration: Integration, payload: unknown, options: RenderRequestOptions = {}): RenderedRequest {
  const provider = options.provider ?? undefined;
  const request = prepare(integration, provider);
  const context = requestContext(payload, provider, options);
  const diagnostics: Diagnostic[] | null = options.diagnostics === false ? null : [];
  return renderPrepared(request, payload, context, urlScopeOf(context, provider), { options: bodyOptions(options), diagnostics });
}

/**
 * The bytes to send: a string body as written (text bodies, whatever their content type), any
 * other body as JSON text, undefined without a body.
 */
export function serializeBody(request: Pick<RenderedRequest, 'body'>): string | undefined {
  if (request.body === undefined) return undefined;
  return typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
}
