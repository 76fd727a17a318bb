/**
 * End to end against a real relay (SPEC §12): the editor connects to a relay started in this process
 * (embedded store in a temporary directory, loopback), loads a failed delivery's payload as the sample,
 * plans its integration over the source's real events, publishes with a message, diffs and rolls back
 * in History, and replays a delivery from the logs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningRelay } from '@hookmap/relay';
import type { DeliveryView } from '@hookmap/relay/api';
import { otonistark } from '@hookmap/providers';
import { axeViolations } from './support/axe.js';
import { hasChromium, type LaunchedBrowser } from './support/browser.js';
import type { StaticServer } from './support/static-server.js';
import {
  SHOTS,
  startEditorStack,
  startTestRelay,
  type EditorStack,
  type TestRelay,
} from './support/stack.js';

const TOKEN = 'editor-relay-e2e-token-3f9a1c7d52b8';
const sample = otonistark.samples[0]!.payload as Record<string, unknown>;
/** The CRM refuses this phone number for good (400: no automatic retry). */
const REFUSED = '+19990000000';
const call = (id: number, customer: string, phone = '+1234567890') => ({
  ...sample,
  id,
  customer_phone: phone,
  input_variables: { customer_name: customer, product_interest: 'Pro Plan' },
});

describe.skipIf(!hasChromium)(
  'the editor with a real relay: recent events, plan, publish, history, replay',
  () => {
    let relay: RunningRelay;
    let sink: http.Server;
    let sinkUrl = '';
    let integrationId = '';
    let stack: EditorStack;
    let backend: TestRelay;
    let server: StaticServer;
    let browser: LaunchedBrowser;
    let page: Page;
    const pageErrors: string[] = [];

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the admin API's answers, read field by field
    async function api(method: string, path: string, body?: unknown): Promise<any> {
      const res = await fetch(relay.url + path, {
        method,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return res.json();
    }

    async function settled(count: number): Promise<DeliveryView[]> {
      for (let i = 0; i < 400; i++) {
        const d = await api('GET', `/api/deliveries?integrationId=${integrationId}`);
        if (d.items.length >= count && d.items.every((x: DeliveryView) => x.status !== 'pending'))
          return d.items;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('deliveries did not settle');
    }

    beforeAll(async () => {
      sink = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () =>
          res
            .writeHead(body.includes(REFUSED) ? 400 : 200)
            .end(body.includes(REFUSED) ? 'unknown phone number' : 'ok'),
        );
      });
      await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
      sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
      backend = await startTestRelay(TOKEN, { allowPrivate: ['127.0.0.1'], pollMs: 10 });
      relay = backend.relay;
      const source = await api('POST', '/api/sources', {
        name: 'Otoni calls',
        provider: 'otonistark',
        verification: 'none',
      });
      const doc = {
        name: 'calls to CRM',
        method: 'POST',
        url: `${sinkUrl}/calls`,
        provider: 'otonistark',
        body: { mode: 'template', template: { phone: '{{ customer_phone }}' } },
      };
      const created = await api('POST', '/api/integrations', { sourceId: source.id, doc, message: 'first' });
      integrationId = created.id;
      expect(created.version).toBe(1);
      for (const [id, name, phone] of [
        [1001, 'Ada', undefined],
        [1002, 'Grace', undefined],
        [1003, 'FAIL', REFUSED],
      ] as const) {
        const res = await fetch(relay.url + source.hookPath, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(call(id, name, phone)),
        });
        expect(res.status).toBe(202);
      }
      expect((await settled(3)).map((d) => d.status).sort()).toEqual(['failed', 'succeeded', 'succeeded']);
      stack = await startEditorStack();
      ({ server, browser } = stack);
    });

    afterAll(async () => {
      await stack?.close();
      await backend?.close();
      await new Promise((r) => sink?.close(r));
    });

    it('connects the Logs tab and lists the deliveries', async () => {
      const editorDoc = {
        name: 'calls to CRM',
        method: 'POST',
        url: `${sinkUrl}/calls`,
        headers: [],
        bodyMode: 'template',
        sections: [],
        steps: null,
        activeStep: 0,
        templateText: JSON.stringify(
          { phone: '{{ customer_phone }}', name: '{{ input_variables.customer_name }}' },
          null,
          2,
        ),
        providerId: 'otonistark',
        sampleId: otonistark.samples[0]!.id,
        targetId: null,
        events: [],
        when: '',
        active: true,
      };
      page = await browser.context.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(`${server.url}#s=${Buffer.from(JSON.stringify(editorDoc)).toString('base64url')}`);
      await page.getByTestId('tab-logs').click();
      await page.getByLabel('Relay', { exact: true }).fill(relay.url);
      await page.getByLabel('Admin token').fill(TOKEN);
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      await expect.poll(() => page.getByTestId('logs-row').count(), { timeout: 15_000 }).toBe(3);
      // No delivery is pinned to a version yet (only replays through a chosen version are).
      expect(await page.getByTestId('logs-version').count()).toBe(0);
      await page.getByTestId('logs-row').first().click();
      await expect
        .poll(() => page.getByTestId('logs-attempt').first().innerText(), { timeout: 10_000 })
        .toContain('version 1');
    });

    it("opens a failed delivery's payload as the sample in one click", async () => {
      await page.getByTestId('logs-events-toggle').click();
      await expect.poll(() => page.getByTestId('recent-event').count(), { timeout: 10_000 }).toBe(3);
      const failed = page.locator('[data-testid="recent-event"][data-failed="true"]');
      expect(await failed.count()).toBe(1);
      expect(await failed.innerText()).toContain('failed');
      await failed.getByRole('button', { name: /Use event .* as the sample/ }).click();
      await expect
        .poll(
          async () =>
            (
              await page.evaluate(() =>
                (globalThis as unknown as { hookmapDoc: () => { sampleId: unknown } }).hookmapDoc(),
              )
            ).sampleId,
        )
        .toBeNull();
      expect(await page.getByTestId('sample-select').locator('option:checked').innerText()).toMatch(
        /^Relay event /,
      );
      await expect.poll(() => page.locator('.sample-panel').innerText()).toContain('FAIL');
      expect(await axeViolations(page, '[data-testid="logs-panel"]')).toEqual([]);
    });

    it("plans the editor's integration over the recent events: counts, before/after side by side, diff operations", async () => {
      await page.getByTestId('logs-publish').click();
      const dialog = page.getByTestId('publish-dialog');
      await dialog.waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'publish-integration',
      );
      // Tab stays inside the modal dialog: backwards from its first control to its last.
      await page.keyboard.press('Shift+Tab');
      expect(
        await page.evaluate(() => !!document.activeElement?.closest('[data-testid="publish-dialog"]')),
      ).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).not.toBe(
        'publish-integration',
      );
      await page.getByTestId('plan-run').click();
      await expect
        .poll(() => page.getByTestId('plan-headline').innerText(), { timeout: 15_000 })
        .toBe('Changes 3 of 3 recent events');
      expect(await page.getByTestId('plan-item').count()).toBe(3);
      const first = page.getByTestId('plan-item').first();
      expect(await first.getByTestId('diff-ops').innerText()).toMatch(/\/body\/name: "(Ada|Grace|FAIL)"/);
      expect(await first.getByRole('region', { name: 'Live (version 1)' }).innerText()).not.toContain(
        '"name"',
      );
      expect(
        await first.getByRole('region', { name: "With the editor's integration" }).innerText(),
      ).toContain('"name"');
      await page.screenshot({ path: join(SHOTS, 'relay-plan.png') });
      expect(await axeViolations(page, '[data-testid="publish-dialog"]')).toEqual([]);
    });

    it('publishes with a message, then History lists the versions, diffs one against live and rolls back', async () => {
      await page.getByTestId('publish-message').fill('send the customer name');
      await page.getByTestId('publish').click();
      await expect
        .poll(() => page.getByTestId('publish-done').innerText(), { timeout: 10_000 })
        .toContain('Published as version 2');
      const saved = await api('GET', `/api/integrations/${integrationId}/versions`);
      expect(saved.live).toBe(2);
      expect(saved.items[1].message).toBe('send the customer name');

      await page.getByTestId('publish-tab-history').click();
      await expect.poll(() => page.getByTestId('history-row').count()).toBe(2);
      expect(await page.getByTestId('history-row').first().innerText()).toMatch(/v2\s*live/);
      await page.getByTestId('history-diff').click();
      await expect
        .poll(() => page.getByTestId('diff-ops').innerText())
        .toMatch(/\/body\/template\/name \(was "\{\{ input_variables\.customer_name \}\}"\)/);
      await page.screenshot({ path: join(SHOTS, 'relay-history.png') });
      expect(await axeViolations(page, '[data-testid="publish-dialog"]')).toEqual([]);

      await page.getByRole('button', { name: 'Roll back to version 1' }).click();
      await expect.poll(() => page.getByTestId('history-notice').innerText()).toContain('as version 3');
      await expect.poll(() => page.getByTestId('history-row').count()).toBe(3);
      expect(await page.getByTestId('history-row').first().innerText()).toMatch(/v3\s*live/);
      const live = await api('GET', `/api/integrations/${integrationId}`);
      expect(live.version).toBe(3);
      expect(live.doc.body.template).toEqual({ phone: '{{ customer_phone }}' });

      await page.keyboard.press('Escape');
      expect(await page.getByTestId('publish-dialog').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'logs-publish',
      );
    });

    it("replays a delivery's event through the live version; the new delivery is marked as a replay", async () => {
      const failedRow = page.locator('[data-testid="logs-row"]', { hasText: 'failed' }).first();
      await failedRow.getByTestId('logs-replay').click();
      await expect.poll(() => page.getByTestId('logs-replay-badge').count(), { timeout: 10_000 }).toBe(1);
      const all = (await api('GET', `/api/deliveries?integrationId=${integrationId}`))
        .items as DeliveryView[];
      const replays = all.filter((d) => d.replay);
      expect(replays).toHaveLength(1);
      const original = all.find((d) => d.status === 'failed' && !d.replay)!;
      expect(replays[0]!.eventId).toBe(original.eventId);
      expect(pageErrors).toEqual([]);
    });
  },
);
