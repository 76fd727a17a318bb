import { Codes } from '../codes.js';
import { RequestError } from '../errors.js';
import type {
  Diagnostic,
  Integration,
  Provider,
  RenderedRequest,
  RenderOptions,
  RenderRequestOptions,
} from '../types.js';
import { requestContext, scopeUse, urlScopeOf, type ScopeUse } from './context.js';
import { validateIntegrationShape } from './validate-shape.js';
import { prepareRequest, renderPrepared, type PreparedRequest } from './prepare.js';

interface Prepared {
  provider: Provider | undefined;
  request: PreparedRequest;
  use: ScopeUse;
}

/** Compiled requests per integration document (and provider), so services render without recompiling. */
const prepared = new WeakMap<Integration, Prepared>();

/** The last document rendered: a service renders one integration many times in a row. */
let last: { integration: Integration; entry: Prepared } | null = null;

function prepare(integration: Integration, provider: Provider | undefined): Prepared {
  if (last !== null && last.integration === integration && last.entry.provider === provider)
    return last.entry;
  const entry = prepareOnce(integration, provider);
  last = { integration, entry };
  return entry;
}

function prepareOnce(integration: Integration, provider: Provider | undefined): Prepared {
  const hit = prepared.get(integration);
  if (hit && hit.provider === provider) return hit;
  throwFirstProblem(validateIntegrationShape(integration));
  if ('steps' in integration) {
    throw new RequestError(
      Codes.INVALID_INTEGRATION,
      'This integration is a flow (it has "steps"): render it with renderFlow, or runFlow to send it.',
      { path: '/steps' },
    );
  }
  const entry = {
    provider,
    request: prepareRequest(integration, provider),
    use: scopeUse(integration, provider),
  };
  prepared.set(integration, entry);
  return entry;
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

/**
 * SPEC §6: renders the full request — method, URL, headers, body — for one payload. Render diagnostics
 * are collected only with `diagnostics: true` (tools: the CLI, the editor); otherwise `diagnostics` is
 * empty and every template takes its fast path (services, the relay).
 */
export function renderRequest(
  integration: Integration,
  payload: unknown,
  options: RenderRequestOptions = {},
): RenderedRequest {
  const provider = options.provider ?? undefined;
  const { request, use } = prepare(integration, provider);
  const context = requestContext(payload, provider, options, use);
  const diagnostics: Diagnostic[] | null = options.diagnostics === true ? [] : null;
  return renderPrepared(request, payload, context, urlScopeOf(context, provider, use.hidden), {
    options,
    diagnostics,
  });
}

/**
 * The bytes to send: a string body as written (text bodies, whatever their content type), any
 * other body as JSON text, undefined without a body.
 */
export function serializeBody(request: Pick<RenderedRequest, 'body'>): string | undefined {
  if (request.body === undefined) return undefined;
  return typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
}
