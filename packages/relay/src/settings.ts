/**
 * Every relay setting once: its option name, its environment variable(s), what it accepts (in words,
 * for the error message) and its schema (zod). `optionsFromEnv` and `startRelay` both check values here,
 * so a wrong one stops the relay at start with a message naming the variable, never later.
 */
import { z } from 'zod';
import { parseAllowList } from './delivery/address.js';
import { parseRateLimitList } from './delivery/rate-limits.js';
import { parseSecretKey } from './secrets/cipher.js';

export interface Setting {
  option: string;
  /** Environment variables, the first one preferred. */
  env: string[];
  /** What a valid value looks like, in words. */
  accepts: string;
  /** The option's value (as given to `startRelay`). */
  value: z.ZodType;
  /** The variable's text, turned into the option's value. */
  text: z.ZodType;
}

const integer = (min: number, max: number) => z.number().int().min(min).max(max);
const numeric = (min: number, max: number) => z.number().min(min).max(max);
const fromNumberText = (value: z.ZodType<number, number>) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number)
    .pipe(value);
const nonEmpty = z.string().trim().min(1);
const words = (n: number) => n.toLocaleString('en-US');

function int(option: string, env: string[], min: number, max: number, what: string): Setting {
  const value = integer(min, max);
  return {
    option,
    env,
    accepts: `an integer from ${words(min)} to ${words(max)} (${what})`,
    value,
    text: fromNumberText(value),
  };
}

function num(option: string, env: string[], min: number, max: number, what: string): Setting {
  const value = numeric(min, max);
  return {
    option,
    env,
    accepts: `a number from ${words(min)} to ${words(max)} (${what})`,
    value,
    text: fromNumberText(value),
  };
}

function text(option: string, env: string[], what: string, schema: z.ZodType = nonEmpty): Setting {
  return { option, env, accepts: what, value: schema, text: schema };
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off', ''];
function bool(option: string, env: string[], what: string): Setting {
  const textSchema = z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => TRUE.includes(v) || FALSE.includes(v))
    .transform((v) => TRUE.includes(v));
  return {
    option,
    env,
    accepts: `1/true/yes/on or 0/false/no/off (${what})`,
    value: z.boolean(),
    text: textSchema,
  };
}

/** A comma-separated list in a variable; a list or one comma-separated string as an option. */
function list(
  option: string,
  env: string[],
  what: string,
  check: (items: string[]) => void = () => undefined,
): Setting {
  const items = z.array(nonEmpty).superRefine((v, ctx) => {
    try {
      check(v);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });
  const split = z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(items);
  return { option, env, accepts: what, value: z.union([items, split]), text: split };
}

const SECRET_KEY = z
  .string()
  .trim()
  .refine((v) => {
    try {
      parseSecretKey(v);
      return true;
    } catch {
      return false;
    }
  });
const HTTP_URL = nonEmpty.refine((v) => /^https?:\/\/[^/]+/.test(v), 'not an http(s) URL');

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const PG_URL = nonEmpty.refine((v) => /^postgres(ql)?:\/\//.test(v), 'not a postgres:// URL');

export const settings: Setting[] = [
  int('port', ['HOOKMAP_PORT', 'PORT'], 0, 65_535, 'port to listen on, 0 picks a free one'),
  text('host', ['HOOKMAP_HOST'], 'an interface address or host name to listen on'),
  text('dataDir', ['HOOKMAP_DATA_DIR'], 'a directory for the embedded store'),
  text('databaseUrl', ['DATABASE_URL'], 'a postgres:// or postgresql:// connection URL', PG_URL),
  text(
    'pgSchema',
    ['HOOKMAP_PG_SCHEMA'],
    'a lower-case SQL name: letters, digits and _ (at most 63)',
    z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/),
  ),
  int('pgPoolSize', ['HOOKMAP_PG_POOL_SIZE'], 1, 1_000, 'PostgreSQL connections per process'),
  text('adminToken', ['HOOKMAP_ADMIN_TOKEN'], 'the bearer token of the admin API', z.string()),
  int(
    'adminLoginLimit',
    ['HOOKMAP_ADMIN_LOGIN_LIMIT'],
    1,
    1_000_000,
    'failed admin logins per client address per minute before 429',
  ),
  int('maxAttempts', ['HOOKMAP_MAX_ATTEMPTS'], 1, 100, 'attempts per delivery, the first included'),
  int('backoffBaseMs', ['HOOKMAP_BACKOFF_BASE_MS'], 1, 86_400_000, 'delay before the second attempt, in ms'),
  int('backoffMaxMs', ['HOOKMAP_BACKOFF_MAX_MS'], 1, 604_800_000, 'longest delay between attempts, in ms'),
  int('timeoutMs', ['HOOKMAP_TIMEOUT_MS'], 1, 600_000, 'deadline of one attempt, in ms'),
  int('maxBodyBytes', ['HOOKMAP_MAX_BODY_BYTES'], 1, 104_857_600, 'largest inbound webhook, in bytes'),
  int('maxResponseBytes', [], 0, 104_857_600, 'response body kept per attempt, in bytes'),
  list(
    'allowPrivate',
    ['HOOKMAP_ALLOW_PRIVATE'],
    'comma-separated IP addresses or CIDR ranges, e.g. 127.0.0.1,10.0.0.0/8',
    (v) => parseAllowList(v),
  ),
  int('concurrency', ['HOOKMAP_CONCURRENCY'], 1, 10_000, 'attempts in flight per process'),
  int('pollMs', ['HOOKMAP_POLL_MS'], 1, 600_000, 'how often an idle worker looks for due work, in ms'),
  int('leaseMs', ['HOOKMAP_LEASE_MS'], 1, 86_400_000, 'how long a claim lasts, in ms'),
  list('corsOrigins', ['HOOKMAP_CORS_ORIGINS'], 'comma-separated origins, or *'),
  int(
    'configCacheMs',
    ['HOOKMAP_CONFIG_CACHE_MS'],
    0,
    3_600_000,
    'how long sources and integrations are cached, in ms',
  ),
  text('workerId', ['HOOKMAP_WORKER_ID'], 'a name for this process in attempt logs'),
  num(
    'retentionDays',
    ['HOOKMAP_RETENTION_DAYS'],
    0,
    36_500,
    'days a finished webhook is kept; 0 keeps everything',
  ),
  int('retentionEveryMs', ['HOOKMAP_RETENTION_EVERY_MS'], 10, 86_400_000, 'how often retention runs, in ms'),
  text('logLevel', ['HOOKMAP_LOG_LEVEL'], `one of ${LOG_LEVELS.join(', ')}`, z.enum(LOG_LEVELS)),
  int(
    'shutdownMs',
    ['HOOKMAP_SHUTDOWN_MS'],
    0,
    600_000,
    'how long a stopping relay waits for attempts in flight, in ms',
  ),
  bool('metricsPublic', ['HOOKMAP_METRICS_PUBLIC'], 'serve /metrics without the admin token'),
  int('hostConcurrency', ['HOOKMAP_HOST_CONCURRENCY'], 1, 10_000, 'attempts in flight per destination host'),
  int(
    'breakerFailures',
    ['HOOKMAP_BREAKER_FAILURES'],
    1,
    10_000,
    "failures in a row that open a host's circuit",
  ),
  int(
    'breakerCooldownMs',
    ['HOOKMAP_BREAKER_COOLDOWN_MS'],
    1,
    86_400_000,
    'how long an open circuit parks a host, in ms',
  ),
  text(
    'secretKey',
    ['HOOKMAP_SECRET_KEY'],
    '32 random bytes in base64 (openssl rand -base64 32)',
    SECRET_KEY,
  ),
  text(
    'secretKeyPrevious',
    ['HOOKMAP_SECRET_KEY_PREVIOUS'],
    'the previous HOOKMAP_SECRET_KEY: 32 bytes in base64',
    SECRET_KEY,
  ),
  bool(
    'allowPlaintextSecrets',
    ['HOOKMAP_ALLOW_PLAINTEXT_SECRETS'],
    'store secrets unencrypted in PostgreSQL',
  ),
  text(
    'publicUrl',
    ['HOOKMAP_PUBLIC_URL'],
    "the relay's public base URL, e.g. https://relay.example.com (OAuth redirects come back to <url>/oauth/callback)",
    HTTP_URL,
  ),
  {
    option: 'rateLimits',
    env: ['HOOKMAP_RATE_LIMITS'],
    accepts: 'comma-separated host=N/window entries (e.g. api.hubapi.com=100/10s,hooks.slack.com=off)',
    value: z.record(z.string(), z.unknown()),
    text: z.string().transform((v, ctx) => {
      try {
        return parseRateLimitList(v);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  },
];
