/**
 * End to end against a real relay (SPEC §10): from the Logs tab, the Connections dialog creates a static
 * connection and an OAuth2 one with a preset, lists them with which fields are set and never a secret
 * value, starts "Connect" (the relay's PKCE authorize URL opened in a new tab), and deletes one after
 * confirming.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningRelay } from '@hookmap/relay';
import type { ConnectionView } from '@hookmap/relay/api';
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

const TOKEN = 'editor-connections-e2e-token-8c2d41a9e6f0';
const API_KEY = 'close-api-key-5b7e19d0c3a2f846';
const CLIENT_SECRET = 'hubspot-client-secret-a91f03e7d2c4';

describe.skipIf(!hasChromium)('the editor with a real relay: connections', () => {
  let relay: RunningRelay;
  let stack: EditorStack;
  let backend: TestRelay;
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  async function connections(): Promise<ConnectionView[]> {
    const res = await fetch(`${relay.url}/api/connections`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    return ((await res.json()) as { items: ConnectionView[] }).items;
  }

  beforeAll(async () => {
    backend = await startTestRelay(TOKEN);
    relay = backend.relay;
    stack = await startEditorStack();
    ({ server, browser } = stack);
  });

  afterAll(async () => {
    await stack?.close();
    await backend?.close();
  });

  it('creates a static and an OAuth2 connection, lists them without secrets, connects and deletes', async () => {
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    // "Connect" opens the CRM's page in a new tab: keep the URL instead of leaving loopback.
    await page.evaluate(() => {
      const w = window as unknown as { opened: string[]; open: (url: string) => null };
      w.opened = [];
      w.open = (url: string) => {
        w.opened.push(url);
        return null;
      };
    });
    await page.getByTestId('tab-logs').click();
    await page.getByLabel('Relay', { exact: true }).fill(relay.url);
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByTestId('logs-connections').click();
    const dialog = page.getByTestId('connections-dialog');
    await expect.poll(() => dialog.innerText()).toContain('no connection yet');

    await page.getByTestId('connections-new').click();
    await page.getByTestId('connection-id').fill('close-acme');
    await page.getByTestId('connection-kind').selectOption('static');
    await page.getByTestId('connection-value').fill(API_KEY);
    await page.getByTestId('connection-create').click();
    await expect.poll(() => page.getByTestId('connection-row').count()).toBe(1);

    // A refused submit (the id is taken) keeps the id to fix, not the secret value.
    await page.getByTestId('connections-new').click();
    await page.getByTestId('connection-id').fill('close-acme');
    await page.getByTestId('connection-kind').selectOption('static');
    await page.getByTestId('connection-value').fill(API_KEY);
    await page.getByTestId('connection-create').click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toContain('already exists');
    expect(await page.getByTestId('connection-value').inputValue()).toBe('');
    expect(await page.getByTestId('connection-id').inputValue()).toBe('close-acme');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('connections-new').click();
    // The form starts afresh: nothing typed before is kept; the id proposed is the preset's (what starters name).
    expect(await page.getByTestId('connection-id').inputValue()).toBe('hubspot');
    await page.getByTestId('connection-id').fill('hubspot-acme');
    await page.getByTestId('connection-preset').selectOption('hubspot');
    await page.getByTestId('connection-client-id').fill('client-123');
    await page.getByTestId('connection-client-secret').fill(CLIENT_SECRET);
    await page.getByTestId('connection-create').click();
    await expect.poll(() => page.getByTestId('connection-row').count()).toBe(2);

    const hubspot = page.locator('[data-testid="connection-row"][data-id="hubspot-acme"]');
    const close = page.locator('[data-testid="connection-row"][data-id="close-acme"]');
    expect(await hubspot.innerText()).toContain('oauth2 · hubspot');
    expect(await hubspot.getByTestId('connection-status').innerText()).toBe('not connected');
    expect(await hubspot.getByTestId('connection-set').innerText()).toBe('clientId, clientSecret');
    expect(await close.getByTestId('connection-set').innerText()).toBe('values.api_key');
    expect(await close.getByTestId('connection-status').innerText()).toBe('ok');
    const html = await page.content();
    expect(html).not.toContain(API_KEY);
    expect(html).not.toContain(CLIENT_SECRET);
    const stored = await connections();
    expect(stored.map((c) => [c.id, c.kind, c.preset]).sort()).toEqual([
      ['close-acme', 'static', null],
      ['hubspot-acme', 'oauth2', 'hubspot'],
    ]);

    await hubspot.getByTestId('connection-connect').click();
    await expect
      .poll(() => hubspot.getByTestId('connection-status').innerText())
      .toBe('waiting for approval…');
    const opened = await page.evaluate(() => (window as unknown as { opened: string[] }).opened);
    expect(opened).toHaveLength(1);
    const url = new URL(opened[0]!);
    expect(url.origin + url.pathname).toBe('https://app.hubspot.com/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe('client-123');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe(`${relay.url}/oauth/callback`);
    await page.screenshot({ path: join(SHOTS, 'connections.png') });
    await page.getByTestId('connections-new').click();
    expect(await axeViolations(page, '[data-testid="connections-dialog"]')).toEqual([]);
    await page.getByTestId('connections-new').click();

    await close.getByTestId('connection-delete').click();
    expect((await connections()).length).toBe(2);
    await close.getByTestId('connection-delete-confirm').click();
    await expect.poll(() => page.getByTestId('connection-row').count()).toBe(1);
    expect((await connections()).map((c) => c.id)).toEqual(['hubspot-acme']);
    expect(pageErrors).toEqual([]);
  });

  it('renders a template that reads connection.* with stand-ins when the integration names the connection', async () => {
    const editorDoc = {
      name: 'Salesforce task',
      method: 'POST',
      url: '{{ connection.instance_url }}/services/data/v60.0/sobjects/Task',
      headers: [{ name: 'Authorization', value: 'Bearer {{ connection.access_token }}' }],
      bodyMode: 'template',
      sections: [],
      steps: null,
      activeStep: 0,
      templateText: JSON.stringify({ Subject: '{{ call_summary }}' }),
      providerId: 'osvi',
      sampleId: null,
      targetId: null,
      events: [],
      when: '',
      active: true,
      connection: 'salesforce-acme',
    };
    const shared = await browser.context.newPage();
    shared.on('pageerror', (e) => pageErrors.push(e.message));
    await shared.goto(`${server.url}#s=${Buffer.from(JSON.stringify(editorDoc)).toString('base64url')}`);
    await expect
      .poll(() => shared.getByTestId('preview-url').innerText(), { timeout: 30_000 })
      .toBe('https://connection.invalid/instance_url/services/data/v60.0/sobjects/Task');
    expect(await shared.getByTestId('request').innerText()).toContain('Bearer <connection.access_token>');
    expect(await shared.getByTestId('problems').count()).toBe(0);
    expect(await shared.getByTestId('connection-input').inputValue()).toBe('salesforce-acme');
    await shared.screenshot({ path: join(SHOTS, 'connection-preview.png') });
    // Without the connection, the relay could not fill connection.*: the preview says so.
    await shared.getByTestId('connection-input').fill('');
    await expect.poll(() => shared.getByTestId('problems').innerText(), { timeout: 10_000 }).toMatch(/H408/);
    await shared.close();
    expect(pageErrors).toEqual([]);
  });
});
