/**
 * Operations routes: `/healthz` (the process answers), `/readyz` (the store is reachable and migrated,
 * and the relay is not stopping), both public; `/metrics` in Prometheus text format, behind the admin
 * token unless `metricsPublic`. Also the inbound guard of a stopping relay: 503 with Retry-After.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RelayMetrics } from '../metrics.js';
import type { Store } from '../store/types.js';
import { RETRY_AFTER_SECONDS, type Lifecycle } from '../shutdown.js';

export interface OpsRouteDeps {
  store: Store;
  metrics: RelayMetrics;
  lifecycle: Lifecycle;
  metricsPublic: boolean;
}

/** A store that does not answer within this is not ready. */
const READY_TIMEOUT_MS = 2_000;

export function registerOpsRoutes(app: FastifyInstance, deps: OpsRouteDeps): void {
  app.get('/healthz', { config: { public: true } }, async () => ({ ok: true, store: deps.store.kind }));

  app.get('/readyz', { config: { public: true } }, async (_request, reply) => {
    if (deps.lifecycle.draining)
      return reply.code(503).send({ ready: false, store: deps.store.kind, reason: 'the relay is stopping' });
    const problem = await storeProblem(deps.store);
    if (problem) return reply.code(503).send({ ready: false, store: deps.store.kind, reason: problem });
    return { ready: true, store: deps.store.kind };
  });

  // Behind the admin token (the app's guard) unless HOOKMAP_METRICS_PUBLIC.
  app.get('/metrics', { config: { public: deps.metricsPublic } }, async (_request, reply) => {
    const text = await deps.metrics.text();
    return reply.header('content-type', deps.metrics.contentType).send(text);
  });
}

async function storeProblem(store: Store): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      store.ping(),
      new Promise(
        (_, reject) =>
          (timer = setTimeout(
            () => reject(new Error(`no answer in ${READY_TIMEOUT_MS} ms`)),
            READY_TIMEOUT_MS,
          )),
      ),
    ]);
    return null;
  } catch (error) {
    return `store not reachable: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}

/** onRequest hook of the inbound route: a stopping relay takes no new webhook (the sender retries later). */
export function drainGuard(lifecycle: Lifecycle, metrics: RelayMetrics) {
  return async (_request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!lifecycle.draining) return;
    metrics.webhookRejected(null, 'shutting_down');
    await reply
      .code(503)
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .header('connection', 'close')
      .send({
        error: 'shutting_down',
        message: `the relay is stopping; send again in ${RETRY_AFTER_SECONDS} s`,
      });
  };
}
