/**
 * End to end through a real OAuth2 approval (SPEC §10), no token ever typed: the Salesforce starter names
 * the relay connection "salesforce"; "Connect Salesforce" opens the Connections dialog with it filled in;
 * the connection's authorize and token URLs point at an OAuth2 server on loopback (`oauth2-mock-server`);
 * Connect opens its authorize page in a new tab, which redirects to the relay's /oauth/callback with a
 * code; the relay trades it for tokens and the dialog turns `ok`. The preview keeps showing the
 * connection's stand-ins; the issued tokens and the client secret never reach the page.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Events, OAuth2Server } from 'oauth2-mock-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningRelay } from '@hookmap/relay';
import type { ConnectionView } from '@hookmap/relay/api';
import { hasChromium, type LaunchedBrowser } from './support/browser.js';
import type { StaticServer } from './support/static-server.js';
import {
  SHOTS,
  startEditorStack,
  startTestRelay,
  type EditorStack,
  type TestRelay,
} from './support/stack.js';

const TOKEN = 'editor-oauth-e2e-token-3f9a20c7b1d4';
const CLIENT_SECRET = 'salesforce-client-secret-7d41e0a9c2b6';
const INSTANCE_URL = 'https://acme.my.salesforce.com';

describe.skipIf(!hasChromium)('the editor with a real relay: connecting Salesforce through OAuth2', () => {
  const oauth = new OAuth2Server();
  /** Every token the OAuth2 server issued: none may show up in the editor. */
  const issued: string[] = [];
  const grants: string[] = [];
  let relay: RunningRelay;
  let stack: EditorStack;
  let backend: TestRelay;
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  async function connection(id: string): Promise<ConnectionView> {
    const res = await fetch(`${relay.url}/api/connections/${id}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    return (await res.json()) as ConnectionView;
  }

  beforeAll(async () => {
    await oauth.issuer.keys.generate('RS256');
    await oauth.start(0, '127.0.0.1');
    oauth.service.on(Events.BeforeTokenSigning, (token: { payload: Record<string, unknown> }) => {
      token.payload.jti = randomUUID();
    });
    // Answer as Salesforce does: no id_token, the org's instance_url.
    oauth.service.on(
      Events.BeforeResponse,
      (response: { body: Record<string, unknown> }, req: { body: Record<string, string> }) => {
        delete response.body.id_token;
        response.body.instance_url = INSTANCE_URL;
        grants.push(req.body.grant_type ?? '');
        for (const key of ['access_token', 'refresh_token'])
          if (typeof response.body[key] === 'string') issued.push(response.body[key]);
      },
    );
    backend = await startTestRelay(TOKEN, { allowPrivate: ['127.0.0.1'] });
    relay = backend.relay;
    stack = await startEditorStack();
    ({ server, browser } = stack);
  });

  afterAll(async () => {
    await stack?.close();
    await backend?.close();
    await oauth.stop();
  });

  it('connects the connection the Salesforce starter names, and the preview keeps its stand-ins', async () => {
    const issuer = new URL(oauth.issuer.url!).origin;
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    await page.getByTestId('preview').waitFor({ timeout: 30_000 });

    // The starter names the connection; with no relay connected, a note says what to create.
    await page.getByTestId('provider-select').selectOption('otter');
    await page.getByTestId('target-select').selectOption('salesforce.task');
    await expect.poll(() => page.getByTestId('connection-input').inputValue()).toBe('salesforce');
    expect(await page.getByTestId('connection-note').innerText()).toContain(
      '“salesforce” (OAuth2, preset salesforce)',
    );
    const urls = () => page.locator('[data-testid="flow-preview"] .request-line .url').allInnerTexts();
    await expect
      .poll(urls, { timeout: 20_000 })
      .toContain('https://connection.invalid/instance_url/services/data/v68.0/sobjects/Task/');

    // A relay without the connection: "Connect Salesforce" opens the dialog with it filled in.
    await page.getByTestId('tab-logs').click();
    await page.getByLabel('Relay', { exact: true }).fill(relay.url);
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const cta = page.getByTestId('connection-cta-button');
    await expect.poll(() => cta.innerText(), { timeout: 10_000 }).toBe('Connect Salesforce');
    await page.screenshot({ path: join(SHOTS, 'oauth-cta.png') });
    await cta.click();
    const dialog = page.getByTestId('connections-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('connection-id').inputValue()).toBe('salesforce');
    expect(await page.getByTestId('connection-preset').inputValue()).toBe('salesforce');
    await page.getByTestId('connection-token-url').fill(`${issuer}/token`);
    await page.getByTestId('connection-authorize-url').fill(`${issuer}/authorize`);
    await page.getByTestId('connection-client-id').fill('hookmap-editor');
    await page.getByTestId('connection-client-secret').fill(CLIENT_SECRET);
    await page.getByTestId('connection-create').click();
    const row = page.locator('[data-testid="connection-row"][data-id="salesforce"]');
    await expect.poll(() => row.getByTestId('connection-status').innerText()).toBe('not connected');

    // Connect: the authorize page opens in a new tab and comes back to the relay with a code.
    const [approval] = await Promise.all([
      browser.context.waitForEvent('page'),
      row.getByTestId('connection-connect').click(),
    ]);
    await approval.waitForURL(`${relay.url}/oauth/callback?**`, { timeout: 15_000 });
    await expect.poll(() => approval.locator('body').innerText()).toContain('Connected');
    await approval.close();
    await expect.poll(() => row.getByTestId('connection-status').innerText(), { timeout: 15_000 }).toBe('ok');
    expect(await page.getByTestId('connections-notice').innerText()).toBe('“salesforce” is connected');
    expect(grants).toEqual(['authorization_code']);
    const stored = await connection('salesforce');
    expect(stored.status).toBe('ok');
    expect(stored.set).toEqual(expect.arrayContaining(['accessToken', 'values.instance_url']));
    await page.screenshot({ path: join(SHOTS, 'oauth-connected.png') });

    // Back in the editor: the connection is on the relay, the preview still shows stand-ins only.
    await page.getByTestId('connections-close').click();
    await page.getByRole('tab', { name: 'Request preview' }).click();
    await expect
      .poll(() => page.getByTestId('connection-note').innerText())
      .toBe('“salesforce” is on the relay (ok).');
    expect(await page.getByTestId('connection-cta').count()).toBe(0);
    expect(await urls()).toContain(
      'https://connection.invalid/instance_url/services/data/v68.0/sobjects/Task/',
    );
    const preview = await page.getByTestId('preview').innerText();
    expect(preview).toContain('Bearer <connection.access_token>');
    expect(preview).not.toContain(INSTANCE_URL);
    expect(await page.locator('.problems .sev-error').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'oauth-preview.png') });
    expect(issued.length).toBeGreaterThanOrEqual(1);
    const html = await page.content();
    for (const token of issued) expect(html).not.toContain(token);
    expect(html).not.toContain(CLIENT_SECRET);
    expect(pageErrors).toEqual([]);
  });
});
