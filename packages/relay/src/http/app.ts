/** The relay's HTTP surface: inbound hooks, the admin API (bearer token), CORS and errors. */
import Fastify from 'fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../store/types.js';
import type { ConfigCache } from '../config-cache.js';
import type { DeliveryWorker } from '../delivery/worker.js';
import type { Logger } from '../log.js';
import { checkBearer } from './auth.js';
import { registerCors } from './cors.js';
import { registerInbound } from './inbound.js';
import { registerConfigRoutes } from './admin-config.js';
import { registerLogRoutes } from './admin-logs.js';
import { registerVersionRoutes } from './admin-versions.js';
import { registerPlanRoutes } from './admin-plan.js';
import { registerReplayRoutes } from './admin-replay.js';
import { HttpError, toHttpError } from './errors.js';
import type { RelayMetrics } from '../metrics.js';
import type { Lifecycle } from '../shutdown.js';
import { registerOpsRoutes } from './ops-routes.js';
import { INBOUND_ROUTE } from './inbound.js';
import { genRequestId, REQUEST_ID_HEADER } from '../request-id.js';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: string;
  }
}

export interface AppDeps {
  store: Store;
  cache: ConfigCache;
  worker: DeliveryWorker;
  log: Logger;
  adminToken: string | undefined;
  maxAttempts: number;
  maxBodyBytes: number;
  leaseMs: number;
  corsOrigins: string[];
  metrics: RelayMetrics;
  lifecycle: Lifecycle;
  metricsPublic: boolean;
  /** New deliveries go straight to this process's worker (it runs here). */
  handOff: boolean;
}

const ADMIN_BODY_LIMIT = 4 * 1024 * 1024;

export interface RouteInfo {
  method: string;
  url: string;
}

export function buildApp(deps: AppDeps): { app: FastifyInstance; routes: RouteInfo[] } {
  const app = Fastify({ logger: false, bodyLimit: Math.max(deps.maxBodyBytes, ADMIN_BODY_LIMIT), return503OnClosing: false, genReqId: genRequestId });
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  app.decorateRequest('rawBody', '');

  const parseJson = (request: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    request.rawBody = text;
    try {
      done(null, text.length === 0 ? undefined : JSON.parse(text));
    } catch (error) {
      done(new HttpError(400, 'malformed_json', `body is not valid JSON: ${(error as Error).message}`), undefined);
    }
  };
  app.removeAllContentTypeParsers(); // JSON only: text/plain and forms are answered with 415
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);
  app.addContentTypeParser(/^application\/[\w.+-]*\+json$/, { parseAs: 'string' }, parseJson);

  registerCors(app, deps.corsOrigins);
  // Any admin write may change sources or integrations: drop the cached copies.
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    if (request.method !== 'GET' && request.url.startsWith('/api/')) deps.cache.invalidate();
    return payload;
  });
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/') || request.url === '/api') checkBearer(request.headers.authorization, deps.adminToken);
  });

  app.setErrorHandler((error, request, reply) => {
    const http = toHttpError(error, deps.maxBodyBytes);
    if (http.status >= 500) deps.log.error('request failed', { requestId: request.id, method: request.method, route: request.routeOptions.url, error: (error as Error).message });
    if (request.routeOptions.url === INBOUND_ROUTE) {
      const sourceId = http.code === 'not_found' ? null : ((request.params as { sourceId?: string }).sourceId ?? null);
      deps.metrics.webhookRejected(sourceId, http.code);
    }
    return reply.code(http.status).send({ error: http.code, message: http.message, ...(http.details ? { details: http.details } : {}) });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` }));

  registerOpsRoutes(app, { store: deps.store, metrics: deps.metrics, lifecycle: deps.lifecycle, adminToken: deps.adminToken, metricsPublic: deps.metricsPublic });
  registerInbound(app, {
    store: deps.store, cache: deps.cache, maxAttempts: deps.maxAttempts, maxBodyBytes: deps.maxBodyBytes, onAccepted: () => deps.worker.wake(),
    handOff: deps.handOff ? deps.worker : undefined, lifecycle: deps.lifecycle, metrics: deps.metrics, log: deps.log,
  });
  registerConfigRoutes(app, deps.store);
  registerVersionRoutes(app, deps.store);
  registerPlanRoutes(app, deps.store, deps.metrics);
  registerReplayRoutes(app, { store: deps.store, maxAttempts: deps.maxAttempts, onReplay: () => deps.worker.wake(), metrics: deps.metrics });
  registerLogRoutes(app, {
    store: deps.store, worker: deps.worker, maxAttempts: deps.maxAttempts, leaseMs: deps.leaseMs, onRetry: () => deps.worker.wake(),
  });
  return { app, routes };
}
