/**
 * `pnpm --filter @hookmap/relay soak:connections`: the soak of `test/connections.soak.test.ts` for as
 * long as asked — a relay delivering a steady stream of webhooks with access tokens that live seconds
 * and refresh tokens rotated at every refresh. Prints progress every 30 s and a summary; exits 1 when a
 * webhook was lost, delivered twice or failed, a refresh was refused, refreshes were not about one per
 * token lifetime, or a secret showed in a log line or an API answer.
 *
 * SOAK_MINUTES (10), SOAK_RATE (webhooks/s, 5), SOAK_TOKEN_SECONDS (2); SOAK_DATABASE_URL runs the
 * relay on PostgreSQL (a throw-away schema) instead of the embedded store.
 */
import { runTokenSoak, type SoakProgress, type SoakReport } from '../test/helpers/token-soak.js';
import { dropSchema, uniqueSchema } from '../test/helpers/pg.js';
import { newKey } from '../test/helpers/connections.js';

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`${name} must be a positive number (got "${raw}")`);
    process.exit(1);
  }
  return value;
}

const minutes = positive('SOAK_MINUTES', 10);
const rate = positive('SOAK_RATE', 5);
const tokenSeconds = positive('SOAK_TOKEN_SECONDS', 2);
const databaseUrl = process.env.SOAK_DATABASE_URL || undefined;
const schema = databaseUrl ? uniqueSchema('soak') : undefined;
const seconds = minutes * 60;

const clock = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
};
const line = (p: SoakProgress) =>
  `${clock(p.elapsedMs)}  sent ${p.sent}  delivered ${p.delivered}  401s ${p.unauthorized}  refreshes ${p.refreshes}  refused refreshes ${p.refusedRefreshes}`;

console.log(
  `soak: ${rate} webhooks/s for ${minutes} min, access tokens living ${tokenSeconds} s, refresh tokens rotated; store ${databaseUrl ? 'PostgreSQL' : 'embedded'}`,
);
let report: SoakReport;
try {
  report = await runTokenSoak({
    seconds,
    rate,
    tokenSeconds,
    progressMs: 30_000,
    drainMs: 60_000,
    onProgress: (p) => console.log(line(p)),
    relay: databaseUrl ? { databaseUrl, pgSchema: schema, secretKey: newKey(), configCacheMs: 0 } : {},
  });
} finally {
  if (databaseUrl && schema) await dropSchema(schema).catch(() => undefined);
}

const lifetimes = seconds / tokenSeconds;
const checks: [string, boolean][] = [
  ['every webhook accepted', report.accepted === report.sent],
  ['every webhook delivered once', report.missing === 0 && report.duplicates === 0],
  ['no failed or pending delivery', report.failedDeliveries === 0 && report.pendingDeliveries === 0],
  ['no refresh refused (rotated refresh tokens kept)', report.refusedRefreshes === 0],
  [
    `about one refresh per token lifetime (${Math.round(lifetimes)} lifetimes)`,
    report.refreshes >= lifetimes * 0.5 && report.refreshes <= lifetimes * 2 + 2,
  ],
  ['no token or secret in a log line or an API answer', report.leaks.length === 0],
];
console.log(`${line(report)}  (done)`);
console.log(
  [
    'summary:',
    `  webhooks sent ${report.sent}, accepted ${report.accepted}, delivered ${report.delivered} (missing ${report.missing}, twice ${report.duplicates})`,
    `  deliveries failed ${report.failedDeliveries}, pending ${report.pendingDeliveries}; 401s answered by the CRM ${report.unauthorized}`,
    `  refreshes ${report.refreshes} (${(report.refreshes / (seconds / 60)).toFixed(1)}/min, one per ${(report.delivered / Math.max(1, report.refreshes)).toFixed(1)} deliveries), refused ${report.refusedRefreshes}; distinct tokens used ${report.tokensUsed}`,
    `  log lines and API answers checked for secrets ${report.linesChecked}, leaks ${report.leaks.length}`,
    ...checks.map(([what, ok]) => `  ${ok ? 'ok  ' : 'FAIL'} ${what}`),
  ].join('\n'),
);
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
