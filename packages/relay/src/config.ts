/** Relay options, their defaults, and how they are read from the environment. */
import type { Store } from './store/types.js';
import type { LogLevel, LogSink } from './log.js';
import { asList, checkOptions } from './config-check.js';
import { resolveOpsOptions, type OpsOptions } from './ops-options.js';

export { optionsFromEnv } from './config-check.js';

export interface RelayOptions extends OpsOptions {
  port?: number;
  host?: string;
  /** Embedded store directory. Default `./.hookmap`. Ignored when `databaseUrl` is set. */
  dataDir?: string;
  /** PostgreSQL connection string; when set, the PostgreSQL store is used. */
  databaseUrl?: string;
  /** Schema for the PostgreSQL tables. Default `hookmap`. */
  pgSchema?: string;
  /** PostgreSQL connections per process. Default 20. */
  pgPoolSize?: number;
  /** Bearer token for the admin API. Without one the admin API answers 401 to everything. */
  adminToken?: string;
  /** Failed admin logins (wrong token) per client address per minute; more answer 429 until the minute ends. Default 10. */
  adminLoginLimit?: number;
  /** Attempts per delivery, the first included. Default 5. */
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Per-attempt deadline. Default 15 000 ms. */
  timeoutMs?: number;
  /** Largest accepted inbound body. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Response body kept per attempt. Default 16 KiB. */
  maxResponseBytes?: number;
  /** Private/loopback destinations allowed anyway: IPs or CIDR ranges (`127.0.0.1`, `10.0.0.0/8`). */
  allowPrivate?: string[] | string;
  /** Attempts in flight per process. Default 32. */
  concurrency?: number;
  /** How often an idle worker looks for due work. Default 250 ms. */
  pollMs?: number;
  /** How long a claim lasts before another process may take the work. Default 60 000 ms. */
  leaseMs?: number;
  /** Origins allowed to call the admin API from a browser. Default `*` (the API uses bearer tokens, not cookies). */
  corsOrigins?: string[] | string;
  /** How long sources and integrations are cached between reads (other processes' changes show up after this). Default 1 000 ms. */
  configCacheMs?: number;
  /**
   * Days an event is kept once all its deliveries are finished; then it is deleted with its deliveries
   * and attempts (and its idempotency key: a repeat after that is accepted as new). Default 7; 0 keeps
   * everything.
   */
  retentionDays?: number;
  /** How often retention runs. Default 600 000 ms (10 minutes). */
  retentionEveryMs?: number;
  /** Run the delivery worker in this process. Default true. */
  deliver?: boolean;
  /** Where log lines go (default: JSON on stderr); `false` silences them. */
  log?: LogSink | false;
  logLevel?: LogLevel;
  /** Id of this process in attempt logs. Default `<hostname>:<pid>:<random>`. */
  workerId?: string;
  /** Encrypts secrets, client secrets and tokens at rest (AES-256-GCM): 32 random bytes, base64. */
  secretKey?: string;
  /** The key before a rotation: still opens what it sealed; everything written is sealed with `secretKey`. */
  secretKeyPrevious?: string;
  /** Let the relay run on PostgreSQL without `secretKey` (secrets stored in clear). Default false. */
  allowPlaintextSecrets?: boolean;
  /** The relay's public base URL; OAuth authorizations come back to `<publicUrl>/oauth/callback`. Default: the address bound. */
  publicUrl?: string;
  /** Use this store instead of building one (tests, embedding). */
  store?: Store;
}

type OptionalOnes =
  | 'databaseUrl'
  | 'adminToken'
  | 'store'
  | 'log'
  | 'workerId'
  | 'secretKey'
  | 'secretKeyPrevious'
  | 'publicUrl';
export type ResolvedOptions = Required<Omit<RelayOptions, OptionalOnes | 'allowPrivate' | 'corsOrigins'>> &
  Pick<RelayOptions, OptionalOnes> & { allowPrivate: string[]; corsOrigins: string[] };

/** Defaults filled in, after checking every given value (throws ConfigError naming the option). */
export function resolveOptions(o: RelayOptions): ResolvedOptions {
  checkOptions(o);
  const timeoutMs = o.timeoutMs ?? 15_000;
  const concurrency = o.concurrency ?? 32;
  return {
    ...resolveOpsOptions(o, concurrency),
    port: o.port ?? 8787,
    host: o.host ?? '127.0.0.1',
    dataDir: o.dataDir ?? './.hookmap',
    databaseUrl: o.databaseUrl || undefined,
    pgSchema: o.pgSchema ?? 'hookmap',
    pgPoolSize: o.pgPoolSize ?? 20,
    adminToken: o.adminToken || undefined,
    adminLoginLimit: o.adminLoginLimit ?? 10,
    maxAttempts: o.maxAttempts ?? 5,
    backoffBaseMs: o.backoffBaseMs ?? 2_000,
    backoffMaxMs: o.backoffMaxMs ?? 3_600_000,
    timeoutMs,
    maxBodyBytes: o.maxBodyBytes ?? 1024 * 1024,
    maxResponseBytes: o.maxResponseBytes ?? 16 * 1024,
    allowPrivate: asList(o.allowPrivate) ?? [],
    concurrency,
    pollMs: o.pollMs ?? 250,
    // A lease shorter than an attempt would let a second process start the same attempt.
    leaseMs: Math.max(o.leaseMs ?? 60_000, timeoutMs + 5_000),
    corsOrigins: asList(o.corsOrigins) ?? ['*'],
    configCacheMs: o.configCacheMs ?? 1_000,
    retentionDays: o.retentionDays ?? 7,
    retentionEveryMs: o.retentionEveryMs ?? 600_000,
    deliver: o.deliver ?? true,
    log: o.log,
    logLevel: o.logLevel ?? 'info',
    workerId: o.workerId,
    store: o.store,
    secretKey: o.secretKey || undefined,
    secretKeyPrevious: o.secretKeyPrevious || undefined,
    allowPlaintextSecrets: o.allowPlaintextSecrets ?? false,
    publicUrl: o.publicUrl?.replace(/\/+$/, '') || undefined,
  };
}
