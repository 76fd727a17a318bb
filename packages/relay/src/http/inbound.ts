/** POST /hooks/:sourceId/:token — verify, store durably, acknowledge; delivery happens later. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { integrationApplies, type HeaderBag } from '@hookmap/core';
import { findProvider } from '../delivery/render.js';
import type { ClaimedDelivery, Delivery, EventRecord, IntegrationRecord, Store } from '../store/types.js';
import type { ConfigCache } from '../config-cache.js';
import { newId, nowIso } from '../ids.js';
import { keptInboundHeaders } from '../redact.js';
import { idempotencyKeyOf, secretHeaderOf, verifyInbound } from '../inbound/verify.js';
import { pathTokenMatches } from '../inbound/path-token.js';
import { HttpError, notFound } from './errors.js';
import type { RelayMetrics } from '../metrics.js';
import type { Logger } from '../log.js';
import type { Lifecycle } from '../shutdown.js';
import { drainGuard } from './ops-routes.js';
import { REQUEST_ID_HEADER } from '../request-id.js';

/** `/hooks/:sourceId/:token` for every source; the bare form only for sources made before path tokens. */
export const INBOUND_ROUTE = '/hooks/:sourceId';
export const INBOUND_TOKEN_ROUTE = '/hooks/:sourceId/:token';
export const INBOUND_ROUTES: readonly string[] = [INBOUND_ROUTE, INBOUND_TOKEN_ROUTE];

export interface HandOff {
  readonly id: string;
  readonly leaseMs: number;
  offerHandOff(n: number): boolean;
  handOff(claimed: ClaimedDelivery[], reserved: number, leasedUntil: number): void;
  cancelHandOff(reserved: number): void;
}

export interface InboundDeps {
  store: Store;
  cache: ConfigCache;
  maxAttempts: number;
  maxBodyBytes: number;
  onAccepted: () => void;
  /** The local worker, to take new deliveries without a claim (see LocalQueue). */
  handOff?: HandOff;
  lifecycle: Lifecycle;
  metrics: RelayMetrics;
  log: Logger;
}

type InboundParams = { Params: { sourceId: string; token?: string } };

export function registerInbound(app: FastifyInstance, deps: InboundDeps): void {
  const onRequest = drainGuard(deps.lifecycle, deps.metrics);
  const options = { bodyLimit: deps.maxBodyBytes, onRequest, config: { public: true } };
  const handler = async (request: FastifyRequest<InboundParams>, reply: FastifyReply) => {
    const found = await deps.cache.source(request.params.sourceId);
    // A wrong or missing path token answers as an unknown source: the answer does not tell which ids exist.
    const source = found && pathTokenMatches(found, request.params.token) ? found : null;
    if (!source) throw notFound(`source "${request.params.sourceId}"`);
    const raw = request.rawBody;
    const rawBytes = request.rawBytes ?? Buffer.from(raw);
    const headers = request.headers as HeaderBag;
    const verdict = await verifyInbound(source, raw, headers);
    if (!verdict.ok) throw new HttpError(401, 'bad_signature', verdict.message);
    const payload = request.body;
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
      throw new HttpError(400, 'bad_payload', 'webhook body must be a JSON object');
    }
    const now = nowIso();
    // An integration with `events` or `when` gets only the webhooks they describe (e.g. one Attendee trigger).
    const provider = findProvider(source.provider);
    const integrations = (await deps.cache.sourceIntegrations(source.id)).filter((i) =>
      applies(i.doc, payload, provider ?? findProvider(i.doc.provider ?? null)),
    );
    const eventId = newId('evt');
    const delivery = (i: IntegrationRecord): Delivery => ({
      id: newId('dlv'),
      eventId,
      integrationId: i.id,
      sourceId: source.id,
      status: i.active ? 'pending' : 'skipped',
      attemptCount: 0,
      maxAttempts: deps.maxAttempts,
      nextAttemptAt: now,
      lastStatus: null,
      // A disabled integration's webhooks are kept as skipped deliveries: retried (by filter) once it is enabled again.
      lastError: i.active
        ? null
        : `skipped: the integration was disabled when the webhook arrived${i.disabledReason ? ` (${i.disabledReason})` : ''}`,
      createdAt: now,
      updatedAt: now,
    });
    const deliveries = integrations.filter((i) => i.active).map(delivery);
    const skipped = integrations.filter((i) => !i.active).map(delivery);
    const event: EventRecord = {
      id: eventId,
      sourceId: source.id,
      idempotencyKey: idempotencyKeyOf(source, payload, headers, rawBytes, verdict.authenticated),
      body: raw,
      // The request id goes with the event, so its deliveries' log lines carry it too.
      headers: {
        ...keptInboundHeaders(request.headers, [secretHeaderOf(source)]),
        [REQUEST_ID_HEADER]: request.id,
      },
      receivedAt: now,
      test: false,
    };
    // Leased to the local worker in the same commit when it has room: delivered without a claim query.
    const local = deps.handOff?.offerHandOff(deliveries.length) ? deps.handOff : null;
    const leasedUntil = Date.now() + (local?.leaseMs ?? 0);
    let result: Awaited<ReturnType<Store['acceptEvent']>>;
    try {
      result = await deps.store.acceptEvent({
        event,
        deliveries: [...deliveries, ...skipped],
        ...(local ? { leaseOwner: local.id, leaseMs: local.leaseMs } : {}),
      });
    } catch (error) {
      local?.cancelHandOff(deliveries.length);
      throw error;
    }
    if (result.duplicate) local?.cancelHandOff(deliveries.length);
    else if (local)
      local.handOff(
        deliveries.map((d) => ({ delivery: d, event })),
        deliveries.length,
        leasedUntil,
      );
    if (result.duplicate) {
      deps.metrics.webhookDuplicate(source.id);
      deps.log.debug('webhook duplicate', {
        requestId: request.id,
        sourceId: source.id,
        eventId: result.event.id,
      });
      return reply.code(200).send({ status: 'duplicate', eventId: result.event.id });
    }
    deps.metrics.webhookAccepted(source.id);
    deps.log.debug('webhook accepted', {
      requestId: request.id,
      sourceId: source.id,
      eventId,
      deliveries: deliveries.map((d) => d.id),
      skipped: skipped.map((d) => d.id),
    });
    if (deliveries.length && !local) deps.onAccepted();
    return reply.code(202).send({
      status: 'accepted',
      eventId,
      deliveries: deliveries.length,
      ...(skipped.length ? { skipped: skipped.length } : {}),
    });
  };
  app.post<InboundParams>(INBOUND_TOKEN_ROUTE, options, handler);
  app.post<InboundParams>(INBOUND_ROUTE, options, handler);
}

/**
 * integrationApplies, failing open: a `when` that no longer compiles (saved documents are validated, so
 * only data written around the admin API) must not turn webhooks away: they are delivered as if it were absent.
 */
function applies(
  doc: Parameters<typeof integrationApplies>[0],
  payload: unknown,
  provider: Parameters<typeof integrationApplies>[2],
): boolean {
  try {
    return integrationApplies(doc, payload, provider);
  } catch {
    return true;
  }
}
