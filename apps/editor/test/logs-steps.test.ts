/** A flow delivery's chain of steps (SPEC §9) in the delivery detail, and replay/skipped rows of the logs list. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StepChain } from '../src/logs/DeliveryDetails.js';
import { DeliveryTable } from '../src/logs/DeliveryTable.js';
import type { RelayApi } from '../src/logs/api.js';
import type { AttemptView, DeliveryView } from '../src/logs/types.js';

const attempt = (stepId: string, over: Partial<AttemptView>): AttemptView => ({
  id: `att_${stepId}`,
  deliveryId: 'd1',
  integrationId: 'i1',
  eventId: 'e1',
  number: 1,
  startedAt: '2026-01-01T00:00:00Z',
  durationMs: 5,
  request: null,
  responseStatus: 200,
  responseHeaders: null,
  responseBody: null,
  error: null,
  outcome: 'success',
  worker: 'w',
  stepId,
  ...over,
});

const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('logs rendering', () => {
  it("shows a flow's steps in order with their outcome, a skipped step as skipped", () => {
    const html = renderToStaticMarkup(
      createElement(StepChain, {
        steps: [
          attempt('find', { responseStatus: 404 }),
          attempt('create', { skipped: true, responseStatus: null }),
          attempt('note', { outcome: 'failed', responseStatus: 400 }),
        ],
      }),
    );
    expect(text(html)).toBe('find success HTTP 404 → create skipped → note failed HTTP 400');
    expect(html).toContain('aria-label="Flow steps"');
  });

  it('marks replays and their pinned version in the list, shows skipped deliveries, and names the Replay button', () => {
    const row = (id: string, over: Partial<DeliveryView>): DeliveryView => ({
      id,
      eventId: `evt_${id}`,
      integrationId: 'i1',
      sourceId: 's1',
      status: 'succeeded',
      attemptCount: 1,
      maxAttempts: 5,
      nextAttemptAt: '2026-01-01T00:00:00Z',
      lastStatus: 200,
      lastError: null,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      ...over,
    });
    const html = renderToStaticMarkup(
      createElement(DeliveryTable, {
        api: {} as RelayApi,
        rows: [
          row('a', { replay: true, version: 3 }),
          row('b', { status: 'skipped', attemptCount: 0, lastStatus: null }),
        ],
        integrations: new Map(),
        selected: new Set<string>(),
        expanded: null,
        version: 0,
        onToggleSelect: () => {},
        onExpand: () => {},
        onRetry: () => {},
        onReplay: () => {},
      }),
    );
    const rows = html.split('data-testid="logs-row"').slice(1).map(text);
    expect(rows[0]).toMatch(/succeeded replay i1 · v3/);
    expect(rows[1]).toMatch(/skipped i1 0\/5/);
    expect(rows[1]).not.toContain('replay i1');
    expect(html).toContain('aria-label="Replay event evt_a through the live version"');
  });
});
