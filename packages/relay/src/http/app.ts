/** The relay's HTTP surface: inbound hooks, the admin API (bearer token), CORS and errors. */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { parseJsonBody } from './json-body.js';
import type { Store } from '../store/types.js';
import type { ConfigCache } from '../config-cache.js';
import type { DeliveryWorker } from '../delivery/worker.js';
import type { Logger } from '../log.js';
import { adminGuard, isPublicRoute } from './auth.js';
import { registerCors } from './cors.js';
import { registerInbound } from './inbound.js';
import { registerConfigRoutes } from './admin-config.js';
import { registerLogRoutes } from './admin-logs.js';
import { registerVersionRoutes } from './admin-versions.js';
import { registerPlanRoutes } from './admin-plan.js';
import { registerReplayRoutes } from './admin-replay.js';
import { registerConnectionRoutes } from './admin-connections.js';
import type { Connections } from '../connections/service.js';
import { toHttpError } from './errors.js';
import type { RelayMetrics } from '../metrics.js';
import type { Lifecycle } from '../shutdown.js';
import { registerOpsRoutes } from './ops-routes.js';
import { INBOUND_ROUTES } from './inbound.js';
import { genRequestId, REQUEST_ID_HEADER } from '../request-id.js';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: string;
    /** The body's bytes as received (dedupe keys hash these). */
    rawBytes: Buffer | null;
  }
}

export interface AppDeps {
  store: Store;
  cache: ConfigCache;
  worker: DeliveryWorker;
  log: Logger;
  adminToken: string | undefined;
  /** Failed admin logins allowed per client address per minute. */
  adminLoginLimit: number;
  maxAttempts: number;
  maxBodyBytes: number;
  leaseMs: number;
  corsOrigins: string[];
  metrics: RelayMetrics;
  lifecycle: Lifecycle;
  metricsPublic: boolean;
  /** New deliveries go straight to this process's worker (it runs here). */
  handOff: boolean;
  connections: Connections;
  /** The relay's public base URL, for OAuth redirects. */
  publicUrl: () => string;
}

const ADMIN_BODY_LIMIT = 4 * 1024 * 1024;

export interface RouteInfo {
  method: string;
  url: string;
  /** Served without the admin token (`config: { public: true }`). */
  public: boolean;
}

export function buildApp(deps: AppDeps): { app: FastifyInstance; routes: RouteInfo[] } {
  const app = Fastify({
    logger: false,
    bodyLimit: Math.max(deps.maxBodyBytes, ADMIN_BODY_LIMIT),
    return503OnClosing: false,
    genReqId: genRequestId,
  });
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url, public: route.config?.public === true });
  });
  app.decorateRequest('rawBody', '');
  app.decorateRequest('rawBytes', null);

  app.removeAllContentTypeParsers(); // JSON only: text/plain and forms are answered with 415
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, parseJsonBody);
  app.addContentTypeParser(/^application\/[\w.+-]*\+json$/, { parseAs: 'buffer' }, parseJsonBody);

  registerCors(app, deps.corsOrigins);
  // Any admin write may change sources or integrations: drop the cached copies.
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    if (request.method !== 'GET' && request.method !== 'HEAD' && !isPublicRoute(request))
      deps.cache.invalidate();
    return payload;
  });
  // Deny by default: every route, and every request that matches none, needs the admin token unless its route is public.
  app.addHook(
    'onRequest',
    adminGuard({ adminToken: deps.adminToken, maxFailures: deps.adminLoginLimit, windowMs: 60_000 }),
  );

  app.setErrorHandler((error, request, reply) => {
    const http = toHttpError(error, deps.maxBodyBytes);
    if (http.status >= 500)
      deps.log.error('request failed', {
        requestId: request.id,
        method: request.method,
        route: request.routeOptions.url,
        error: (error as Error).message,
      });
    if (INBOUND_ROUTES.includes(request.routeOptions.url ?? '')) {
      const sourceId =
        http.code === 'not_found' ? null : ((request.params as { sourceId?: string }).sourceId ?? null);
      deps.metrics.webhookRejected(sourceId, http.code);
    }
    return reply
      .code(http.status)
      .send({ error: http.code, message: http.message, ...(http.details ? { details: http.details } : {}) });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );

  registerOpsRoutes(app, {
    store: deps.store,
    metrics: deps.metrics,
    lifecycle: deps.lifecycle,
    metricsPublic: deps.metricsPublic,
  });
  registerInbound(app, {
    store: deps.store,
    cache: deps.cache,
    maxAttempts: deps.maxAttempts,
    maxBodyBytes: deps.maxBodyBytes,
    onAccepted: () => deps.worker.wake(),
    handOff: deps.handOff ? deps.worker : undefined,
    lifecycle: deps.lifecycle,
    metrics: deps.metrics,
    log: deps.log,
  });
  registerConfigRoutes(app, deps.store);
  registerVersionRoutes(app, deps.store);
  registerPlanRoutes(app, deps.store, deps.metrics);
  registerReplayRoutes(app, {
    store: deps.store,
    maxAttempts: deps.maxAttempts,
    onReplay: () => deps.worker.wake(),
    metrics: deps.metrics,
  });
  registerConnectionRoutes(app, {
    store: deps.store,
    connections: deps.connections,
    publicUrl: deps.publicUrl,
  });
  registerLogRoutes(app, {
    store: deps.store,
    worker: deps.worker,
    maxAttempts: deps.maxAttempts,
    leaseMs: deps.leaseMs,
    onRetry: () => deps.worker.wake(),
  });
  return { app, routes };
}
