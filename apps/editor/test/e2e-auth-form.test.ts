/**
 * End to end, "Sign in with" (SPEC §6, §10): HubSpot Note starts with secrets; switching to the relay
 * connection reloads the starter reading `connection.access_token` (the preview shows its stand-in, no red),
 * the connection note says what to create, and against a relay lacking the connection "Connect HubSpot"
 * appears. Undo goes back to secrets; the choice survives a reload with the autosaved doc.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser.js';
import {
  SHOTS,
  startEditorStack,
  startTestRelay,
  type EditorStack,
  type TestRelay,
} from './support/stack.js';

const TOKEN = 'editor-auth-form-e2e-token-51c2d8';

interface Doc {
  connection?: string;
  headers: { name: string; value: string }[];
  providerId: string;
}

describe.skipIf(!hasChromium)('the editor: signing HubSpot in with its relay connection', () => {
  let stack: EditorStack;
  let backend: TestRelay;
  let page: Page;
  const pageErrors: string[] = [];
  const doc = () => page.evaluate(() => (globalThis as unknown as { hookmapDoc: () => Doc }).hookmapDoc());
  const headerValues = async () => (await doc()).headers.map((h) => h.value).join('\n');

  beforeAll(async () => {
    backend = await startTestRelay(TOKEN);
    stack = await startEditorStack();
  });

  afterAll(async () => {
    await stack?.close();
    await backend?.close();
  });

  it('switches HubSpot Note to the relay connection, shows what to connect, undoes, and keeps it over a reload', async () => {
    page = await stack.browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(stack.server.url);
    await page.getByTestId('preview').waitFor({ timeout: 30_000 });
    await page.getByTestId('provider-select').selectOption('otter');
    await page.getByTestId('target-select').selectOption('hubspot.note');

    // HubSpot's default: secrets, no connection.
    const group = page.getByRole('radiogroup', { name: 'Sign in with' });
    const secrets = group.getByRole('radio', { name: 'API key / secrets' });
    const connection = group.getByRole('radio', { name: 'Relay connection (OAuth)' });
    await expect.poll(() => secrets.isChecked()).toBe(true);
    expect(await page.getByTestId('connection-input').inputValue()).toBe('');
    expect(await headerValues()).toContain('secrets.');

    // The relay connection: the starter reloads reading connection.access_token, the provider kept.
    await connection.check();
    await expect.poll(() => page.getByTestId('connection-input').inputValue()).toBe('hubspot');
    expect(await connection.isChecked()).toBe(true);
    expect(await headerValues()).toContain('{{ connection.access_token }}');
    expect(await headerValues()).not.toContain('secrets.');
    expect((await doc()).providerId).toBe('otter');
    expect(await page.getByTestId('connection-note').innerText()).toContain(
      '“hubspot” (OAuth2, preset hubspot)',
    );
    const preview = page.getByTestId('preview');
    await expect
      .poll(() => preview.innerText(), { timeout: 20_000 })
      .toContain('Bearer <connection.access_token>');
    expect(await page.locator('.problems .sev-error').count()).toBe(0);

    // A relay without the connection: "Connect HubSpot".
    await page.getByTestId('tab-logs').click();
    await page.getByLabel('Relay', { exact: true }).fill(backend.relay.url);
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const cta = page.getByTestId('connection-cta-button');
    await expect.poll(() => cta.innerText(), { timeout: 10_000 }).toBe('Connect HubSpot');
    await page.getByRole('tab', { name: 'Request preview' }).click();
    await expect
      .poll(() => preview.innerText(), { timeout: 20_000 })
      .toContain('Bearer <connection.access_token>');
    await page.screenshot({ path: join(SHOTS, 'auth-form-connection.png') });

    // One undoable edit, as picking a target.
    await page.getByRole('button', { name: /Undo/ }).click();
    await expect.poll(() => secrets.isChecked()).toBe(true);
    expect(await page.getByTestId('connection-input').inputValue()).toBe('');
    await page.getByRole('button', { name: /Redo/ }).click();
    await expect.poll(() => connection.isChecked()).toBe(true);

    // The choice is the doc's: it survives a reload of the autosaved work.
    await page.waitForTimeout(600);
    await page.reload();
    await page.getByTestId('preview').waitFor({ timeout: 30_000 });
    await expect.poll(() => connection.isChecked()).toBe(true);
    expect(await page.getByTestId('connection-input').inputValue()).toBe('hubspot');
    expect(await headerValues()).toContain('{{ connection.access_token }}');
    expect(pageErrors).toEqual([]);
  });
});
