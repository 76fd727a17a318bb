/** startRelay: build the store, the delivery worker and the HTTP server, and run them. */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { RelayOptions } from './config.js';
import { resolveOptions } from './config.js';
import type { ResolvedOptions } from './config.js';
import { ConfigError } from './config-check.js';
import { SecretCipher } from './secrets/cipher.js';
import type { Store } from './store/types.js';
import { EmbeddedStore } from './store/embedded/embedded-store.js';
import { PgStore } from './store/pg/pg-store.js';
import { DeliveryWorker } from './delivery/worker.js';
import { parseAllowList } from './delivery/address.js';
import { createLogger } from './log.js';
import { buildApp } from './http/app.js';
import { ConfigCache } from './config-cache.js';
import { startRetention, type Retention } from './retention.js';
import type { RouteInfo } from './http/app.js';
import type { Logger } from './log.js';
import { RelayMetrics } from './metrics.js';
import { gracefulStop, Lifecycle } from './shutdown.js';
import { HostGate } from './delivery/host-gate.js';
import { MemoryRateWindow, type RateWindow } from './delivery/rate-window.js';
import { PgRateWindow } from './store/pg/pg-rate-window.js';
import { assertAdminTokenFor } from './admin-token.js';
import { Connections } from './connections/service.js';

export interface RunningRelay {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  url: string;
  close(): Promise<void>;
  store: Store;
  worker: DeliveryWorker;
  retention: Retention;
  app: FastifyInstance;
  /** Every route the server answers (method and URL pattern). */
  routes: RouteInfo[];
  /** Counters other modules add to (token refreshes, plans, replays); served on /metrics. */
  metrics: RelayMetrics;
  /** Connections at work (SPEC §10): refreshes, the authorization flow. */
  connections: Connections;
  log: Logger;
  /** How long `close()` waits for attempts in flight before releasing them. */
  shutdownMs: number;
}

export function createStore(
  o: Pick<
    RelayOptions,
    'databaseUrl' | 'pgSchema' | 'pgPoolSize' | 'dataDir' | 'secretKey' | 'secretKeyPrevious'
  >,
  log?: Logger,
): Store {
  const cipher = new SecretCipher(o.secretKey, o.secretKeyPrevious);
  if (o.databaseUrl)
    return new PgStore({ databaseUrl: o.databaseUrl, schema: o.pgSchema, poolSize: o.pgPoolSize, cipher });
  // The store's own warnings (a torn log tail cut at start-up) go to the relay's log.
  return new EmbeddedStore({ dataDir: o.dataDir ?? './.hookmap', cipher, ...(log ? { log } : {}) });
}

/** PostgreSQL holds secrets for anyone with a database login or a backup: refuse it without a key unless told. */
function assertSecretsProtected(o: ResolvedOptions): void {
  if (!o.databaseUrl || o.secretKey || o.allowPlaintextSecrets) return;
  throw new ConfigError([
    {
      variable: 'HOOKMAP_SECRET_KEY',
      value: '',
      accepts:
        '32 random bytes in base64 (openssl rand -base64 32) when DATABASE_URL is set, so secrets and tokens are encrypted at rest; or set HOOKMAP_ALLOW_PLAINTEXT_SECRETS=1 to store them unencrypted',
    },
  ]);
}

export async function startRelay(options: RelayOptions = {}): Promise<RunningRelay> {
  const o = resolveOptions(options);
  assertAdminTokenFor(o.host, o.adminToken);
  assertSecretsProtected(o);
  const log = o.log === false ? createLogger(() => undefined) : createLogger(o.log, o.logLevel);
  const store = o.store ?? createStore(o, log);
  await store.init();
  // Secrets written before the key was set, or under the previous key: sealed with the current key now.
  const resealed = await store.resealSecrets().catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  if (resealed) log.info('secrets sealed with the current key', { records: resealed });
  const cache = new ConfigCache(store, o.configCacheMs);
  const metrics = new RelayMetrics(() => store.queueStats());
  const lifecycle = new Lifecycle();
  // With PostgreSQL the rate windows are shared by every relay on the database; otherwise per process.
  const window: RateWindow =
    o.databaseUrl && !o.store ? new PgRateWindow(o.databaseUrl, o.pgSchema) : new MemoryRateWindow();
  const gate = new HostGate({
    hostConcurrency: o.hostConcurrency,
    breakerFailures: o.breakerFailures,
    breakerCooldownMs: o.breakerCooldownMs,
    timeoutMs: o.timeoutMs,
    rateLimits: o.rateLimits,
    window,
    metrics,
    log,
  });
  const connections = new Connections({ store, log, metrics });
  let address = '';
  const worker = new DeliveryWorker({
    store,
    cache,
    log,
    id: o.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    policy: { maxAttempts: o.maxAttempts, backoffBaseMs: o.backoffBaseMs, backoffMaxMs: o.backoffMaxMs },
    send: {
      timeoutMs: o.timeoutMs,
      maxResponseBytes: o.maxResponseBytes,
      allow: parseAllowList(o.allowPrivate),
    },
    concurrency: o.concurrency,
    pollMs: o.pollMs,
    leaseMs: o.leaseMs,
    gate,
    metrics,
    connections,
  });
  const { app, routes } = buildApp({
    store,
    cache,
    worker,
    log,
    adminToken: o.adminToken,
    adminLoginLimit: o.adminLoginLimit,
    maxAttempts: o.maxAttempts,
    maxBodyBytes: o.maxBodyBytes,
    leaseMs: o.leaseMs,
    corsOrigins: o.corsOrigins,
    metrics,
    lifecycle,
    metricsPublic: o.metricsPublic,
    handOff: o.deliver,
    connections,
    publicUrl: () => o.publicUrl ?? address,
  });
  try {
    await app.listen({ port: o.port, host: o.host });
    address = boundUrl(app);
  } catch (error) {
    await window.close();
    await store.close();
    throw error;
  }
  if (o.deliver) worker.start();
  const retention = startRetention(store, o.retentionDays, o.retentionEveryMs, log);
  if (!o.adminToken)
    log.warn('no admin token configured: the admin API answers 401 (set HOOKMAP_ADMIN_TOKEN)');
  log.info('relay listening', { url: address, store: store.kind, worker: worker.id });
  let closing: Promise<void> | null = null;
  return {
    url: address,
    store,
    worker,
    retention,
    app,
    routes,
    metrics,
    connections,
    log,
    shutdownMs: o.shutdownMs,
    close: () =>
      (closing ??= gracefulStop({
        lifecycle,
        app,
        worker,
        retention,
        store,
        log,
        deadlineMs: o.shutdownMs,
        closeExtras: () => window.close(),
      })),
  };
}

/** The address actually bound (`http://0.0.0.0:8787` when listening on every interface), not a guess. */
export function boundUrl(app: FastifyInstance): string {
  const bound = app.server.address();
  if (!bound || typeof bound === 'string') return String(bound);
  const host = bound.family === 'IPv6' || bound.address.includes(':') ? `[${bound.address}]` : bound.address;
  return `http://${host}:${bound.port}`;
}
