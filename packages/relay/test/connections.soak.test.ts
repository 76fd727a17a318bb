/**
 * A relay delivers for as long as it runs with tokens that live for seconds (SPEC §10): 5 webhooks a
 * second for 30 s, access tokens that live 2 s, refresh tokens rotated at every refresh (a used one is
 * refused), a CRM that answers 401 to any unknown or expired token. Every webhook is delivered once,
 * with a valid token; the relay refreshes about once per token lifetime, not once per delivery; nothing
 * fails; no token, refresh token or client secret shows in a log line or an API answer.
 * `pnpm --filter @hookmap/relay soak:connections` runs the same for `SOAK_MINUTES`.
 */
import { expect, it } from 'vitest';
import { refreshMarginMs } from '../src/connections/service.js';
import { runTokenSoak } from './helpers/token-soak.js';

it('refreshes 60 s before expiry, or a quarter of a short lifetime before it', () => {
  const at = (ms: number) => new Date(Date.parse('2026-12-02T10:00:00Z') + ms).toISOString();
  const refreshed = (lifetimeMs: number) => ({
    lastRefreshAt: at(0),
    updatedAt: at(0),
    expiresAt: at(lifetimeMs),
  });
  expect(refreshMarginMs(refreshed(3_600_000))).toBe(60_000);
  expect(refreshMarginMs(refreshed(2_000))).toBe(500);
  expect(refreshMarginMs(refreshed(120_000))).toBe(30_000);
  // An expiry set by hand after the refresh: the lifetime is unknown, the margin is 60 s.
  expect(refreshMarginMs({ ...refreshed(2_000), updatedAt: at(10) })).toBe(60_000);
  expect(refreshMarginMs({ lastRefreshAt: null, updatedAt: at(0), expiresAt: at(2_000) })).toBe(60_000);
});

it(
  'delivers 5 webhooks/s for 30 s with 2 s tokens: each once, a refresh per token lifetime, no failure, no secret shown',
  { timeout: 90_000 },
  async () => {
    const seconds = 30;
    const tokenSeconds = 2;
    const progress: unknown[] = [];
    const report = await runTokenSoak({
      seconds,
      rate: 5,
      tokenSeconds,
      progressMs: 10_000,
      onProgress: (p) => progress.push(p),
    });
    const shown = JSON.stringify(report);
    expect(report.sent, shown).toBe(150);
    expect(report.accepted, shown).toBe(150);
    expect(report.delivered, shown).toBe(150);
    expect(report.missing, shown).toBe(0);
    expect(report.duplicates, shown).toBe(0);
    expect(report.failedDeliveries, shown).toBe(0);
    expect(report.pendingDeliveries, shown).toBe(0);
    expect(report.refusedRefreshes, shown).toBe(0);
    // About one refresh per token lifetime (at three quarters of it), never one per delivery.
    const lifetimes = seconds / tokenSeconds;
    expect(report.refreshes, shown).toBeGreaterThanOrEqual(lifetimes * 0.5);
    expect(report.refreshes, shown).toBeLessThanOrEqual(lifetimes * 2 + 2);
    expect(report.refreshes, shown).toBeLessThan(report.delivered / 3);
    expect(report.tokensUsed, shown).toBeGreaterThanOrEqual(lifetimes * 0.5);
    // Tokens are refreshed before they expire: a 401 (then a refresh and a repeat) is the exception.
    expect(report.unauthorized, shown).toBeLessThan(report.delivered / 10);
    expect(report.leaks, shown).toEqual([]);
    expect(report.linesChecked, shown).toBeGreaterThan(100);
    expect(progress.length).toBeGreaterThanOrEqual(2);
  },
);
