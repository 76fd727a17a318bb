/**
 * Outbound rate limits per destination host: the defaults from each CRM's documented limits, the
 * operator's overrides (HOOKMAP_RATE_LIMITS) and an integration's own `rateLimit` field. SPEC §1 keeps
 * the relay free of @hookmap/targets, so the table is keyed by host here; a test checks it agrees with
 * the presets' `rateLimit`.
 */

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
  /**
   * What one bucket covers: `credential` (default) — the host and the request's credentials
   * (Authorization / X-Api-Token), as CRMs count per token; `url` — the full URL (a Slack webhook).
   */
  per?: 'credential' | 'url';
  /** Requests in flight at once to the host, where the CRM documents a cap (lowers the host's share). */
  concurrency?: number;
}

/** `null` turns a default off. Keys are host names; `*.example.com` matches every subdomain. */
export type RateLimitTable = Record<string, RateLimit | null>;

const ZOHO: RateLimit = { limit: 5_000, windowMs: 86_400_000, concurrency: 5 };

export const DEFAULT_RATE_LIMITS: RateLimitTable = {
  // HubSpot: 100 requests / 10 s per app token on Free/Starter (190 on Professional/Enterprise).
  'api.hubapi.com': { limit: 100, windowMs: 10_000 },
  // Attio: 25 write requests / s per workspace token (100 reads / s).
  'api.attio.com': { limit: 25, windowMs: 1_000 },
  // Slack incoming webhooks: about 1 message / s per webhook URL, short bursts tolerated.
  'hooks.slack.com': { limit: 1, windowMs: 1_000, per: 'url' },
  // Pipedrive: 20 requests / 2 s per API token on the smallest plan (up to 120 on Enterprise).
  'api.pipedrive.com': { limit: 20, windowMs: 2_000 },
  '*.pipedrive.com': { limit: 20, windowMs: 2_000 },
  // Close: limits per endpoint group, announced in RateLimit headers; 429 + Retry-After past them.
  'api.close.com': { limit: 20, windowMs: 1_000 },
  // Zoho CRM: credits per 24 h and calls in flight per org; the free edition's floor (5 000 / 24 h, 5 at once).
  ...Object.fromEntries(
    ['com', 'eu', 'in', 'com.au', 'jp', 'ca'].map((tld) => [`www.zohoapis.${tld}`, ZOHO]),
  ),
};

/** The rule for a host: exact key first, then the longest `*.suffix`; undefined when none. */
export function rateLimitFor(host: string, table: RateLimitTable): RateLimit | null | undefined {
  const name = host.toLowerCase();
  if (Object.hasOwn(table, name)) return table[name];
  let best: { length: number; rule: RateLimit | null } | undefined;
  for (const [key, rule] of Object.entries(table)) {
    if (!key.startsWith('*.') || !name.endsWith(key.slice(1))) continue;
    if (!best || key.length > best.length) best = { length: key.length, rule };
  }
  return best?.rule;
}

const WINDOW = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `N/window` (`100/10s`, `25/s`, `1/1000ms`) or `off`. */
export function parseRateLimit(text: string): RateLimit | null {
  const value = text.trim().toLowerCase();
  if (value === 'off' || value === 'none') return null;
  const [count = '', window = ''] = value.split('/');
  const windowMatch = WINDOW.exec(/^[a-z]+$/.test(window) ? `1${window}` : window);
  const limit = Number(count);
  if (!/^\d+$/.test(count) || limit < 1 || !windowMatch) {
    throw new Error(`"${text}" is not a rate limit: write N/window such as 100/10s, 25/s or off`);
  }
  const windowMs = Number(windowMatch[1]) * UNIT_MS[windowMatch[2] ?? 'ms']!;
  if (!(windowMs >= 1)) throw new Error(`"${text}": the window must be at least 1 ms`);
  return { limit, windowMs };
}

/** `host=N/window,host2=off` (HOOKMAP_RATE_LIMITS). */
export function parseRateLimitList(text: string): RateLimitTable {
  const out: RateLimitTable = {};
  for (const entry of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = entry.indexOf('=');
    const host = entry.slice(0, eq).trim().toLowerCase();
    if (eq < 1 || !/^(\*\.)?[a-z0-9.-]+$/.test(host))
      throw new Error(`"${entry}" should be host=N/window, e.g. api.hubapi.com=100/10s`);
    out[host] = parseRateLimit(entry.slice(eq + 1));
  }
  return out;
}

/**
 * An integration's `rateLimit` field: `{ "limit": 50, "windowMs": 10000 }`, or `false` for none.
 * Returns a problem in words, or null when the value is usable (or absent).
 */
export function rateLimitFieldProblem(value: unknown): string | null {
  if (value === undefined || value === false || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof value !== 'object' || Array.isArray(value))
    return '"rateLimit" must be an object { "limit", "windowMs" } or false';
  if (!Number.isInteger(v.limit) || (v.limit as number) < 1)
    return '"rateLimit.limit" must be a whole number of requests, at least 1';
  if (typeof v.windowMs !== 'number' || !(v.windowMs >= 1))
    return '"rateLimit.windowMs" must be a number of milliseconds, at least 1';
  if (v.per !== undefined && v.per !== 'credential' && v.per !== 'url')
    return '"rateLimit.per" must be "credential" or "url"';
  if (v.concurrency !== undefined && (!Number.isInteger(v.concurrency) || (v.concurrency as number) < 1))
    return '"rateLimit.concurrency" must be a whole number, at least 1';
  return null;
}
