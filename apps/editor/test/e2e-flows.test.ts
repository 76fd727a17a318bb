/**
 * End-to-end, flows (SPEC §9, issue #17 item 5): a provider and HubSpot give the flow starter (find the
 * contact, create it if missing, then the activity), previewed step by step with no red; the find step's
 * sample response switched between "not found" and "found" runs or skips the create; steps reordered,
 * added and removed with the keyboard. Screenshots at 1280 × 800.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, type LaunchedBrowser } from './support/browser.js';
import { APP_ROOT, buildEditor } from './support/build.js';
import { serveDirectory, type StaticServer } from './support/static-server.js';

const SHOTS = join(APP_ROOT, 'screenshots');

describe.skipIf(!hasChromium)('flows in the editor', () => {
  let outDir = '';
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    outDir = await buildEditor();
    server = await serveDirectory(outDir);
    browser = await launchChromium({ width: 1280, height: 800 });
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    mkdirSync(SHOTS, { recursive: true });
    await page.goto(server.url);
    await page.getByTestId('preview').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `flow-${name}.png`) });
  const stepIds = () => page.locator('[data-testid="steps"] .step-row .step-id').allInnerTexts();
  const cardState = (id: string) => page.getByTestId(`step-card-${id}`).getAttribute('data-state');
  const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

  it('loads the HubSpot flow starter for Otter: three steps previewed, none red', async () => {
    await page.getByTestId('provider-select').selectOption('otter');
    await page.getByTestId('target-select').selectOption('hubspot.note');
    await page.getByTestId('step-card-note').waitFor({ timeout: 20_000 });
    expect(await stepIds()).toEqual(['find', 'create', 'note']);
    const cards = page.locator('[data-testid="flow-preview"] > li');
    expect(await cards.count()).toBe(3);
    expect(await page.locator('[data-testid="flow-preview"] .request-line .url').allInnerTexts()).toEqual([
      expect.stringContaining('/contacts/search'),
      expect.stringContaining('/notes'),
    ]);
    // "found" by default: the contact exists, so the create is skipped and the note names the found id.
    expect(await cardState('create')).toBe('skipped');
    expect(await page.getByTestId('preview-body').innerText()).toContain('"75161301"');
    expect(await page.locator('.problems .sev-error').count()).toBe(0);
    expect(await page.getByTestId('preview-error').count()).toBe(0);
    expect(await page.locator('[data-status="bad"]').count()).toBe(0);
    expect(await page.getByTestId('mapping-status').innerText()).toContain('no problems for this sample');
    await shot('01-starter-found');
  });

  it('runs the create when the find answers "not found", and skips it again on "found"', async () => {
    await page.getByTestId('response-not-found-find').check();
    await expect.poll(() => cardState('create'), { timeout: 10_000 }).toBe('sent');
    expect(await page.getByTestId('step-status-create').innerText()).toContain('201');
    expect(await page.getByTestId('step-result-find').innerText()).toContain('null');
    expect(await page.getByTestId('preview-body').innerText()).toContain('"75161452"');
    expect(await page.locator('.problems .sev-error').count()).toBe(0);
    await shot('02-not-found-create-runs');
    await page.getByTestId('response-found-find').check();
    await expect.poll(() => cardState('create'), { timeout: 10_000 }).toBe('skipped');
    expect(await page.getByTestId('step-state-create').innerText()).toContain('skipped');
  });

  it('takes a pasted response for a step', async () => {
    await page.getByTestId('response-edit-find').click();
    const editor = page.getByLabel('Response JSON for step find');
    await editor.fill(JSON.stringify({ status: 200, body: { total: 1, results: [{ id: '999' }] } }));
    await page.getByRole('button', { name: 'Use this response' }).click();
    await expect
      .poll(() => page.getByTestId('step-result-find').innerText(), { timeout: 10_000 })
      .toContain('999');
    await expect
      .poll(() => page.getByTestId('preview-body').innerText(), { timeout: 10_000 })
      .toContain('"999"');
    await page.getByRole('button', { name: 'use the sample' }).click();
    await expect
      .poll(() => page.getByTestId('step-result-find').innerText(), { timeout: 10_000 })
      .toContain('75161301');
  });

  it('maps from an earlier step: the mapping panel offers steps.<id>.result', async () => {
    const sources = page.getByTestId('step-source');
    expect(await sources.allInnerTexts()).toEqual(
      expect.arrayContaining(['steps.find.result', 'steps.create.result']),
    );
    // Click the source, then a field: the field reads the found contact's id.
    await sources.filter({ hasText: 'steps.find.result' }).click();
    await page.locator('[data-pointer="/properties/hubspot_owner_id"] .field-name').click();
    await expect
      .poll(
        async () =>
          JSON.parse(await page.getByTestId('preview-body').innerText()).properties.hubspot_owner_id,
        { timeout: 10_000 },
      )
      .toBe('75161301');
    expect(await page.getByTestId('toast').innerText()).toContain('{{steps.find.result}}');
    await shot('03-mapped-from-step');
    await page.getByRole('button', { name: /Undo/ }).click();
    await expect
      .poll(
        async () =>
          JSON.parse(await page.getByTestId('preview-body').innerText()).properties.hubspot_owner_id,
        { timeout: 10_000 },
      )
      .toBeUndefined();
  });

  it('reorders, adds and removes steps with the keyboard', async () => {
    // Edit the create step, then move it up with the keyboard: focus stays on the button.
    await page.getByTestId('step-pick-create').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('step-id').inputValue()).toBe('create');
    await page.getByRole('button', { name: 'Move step create up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(stepIds).toEqual(['create', 'find', 'note']);
    expect(await focusedLabel()).toBe('Move step create down');
    // The create now reads a step that runs after it: an error that says so, in red.
    await expect
      .poll(() => page.locator('.problems .sev-error').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('problems').innerText()).toMatch(/steps\.find runs after this step/);
    await shot('04-reordered-error');
    await page.keyboard.press('Enter');
    await expect.poll(stepIds).toEqual(['find', 'create', 'note']);
    await expect.poll(() => page.locator('.problems .sev-error').count(), { timeout: 10_000 }).toBe(0);

    // Add a step after the create, by keyboard, and give it an id.
    await page.getByTestId('step-add').focus();
    await page.keyboard.press('Enter');
    await expect.poll(stepIds).toEqual(['find', 'create', 'step4', 'note']);
    await page.getByTestId('step-id').fill('audit');
    await expect.poll(stepIds).toEqual(['find', 'create', 'audit', 'note']);
    await expect.poll(() => page.locator('[data-testid="flow-preview"] > li').count()).toBe(4);
    // Its response is unknown (example.com matches no CRM): the preview stops there and asks for one.
    await expect
      .poll(() => page.getByTestId('flow-stopped').innerText(), { timeout: 10_000 })
      .toContain('No response for step “audit” — paste one');
    await shot('05-added-step');

    // Remove it with the keyboard.
    await page.getByRole('button', { name: 'Remove step audit' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(stepIds).toEqual(['find', 'create', 'note']);
    await expect.poll(() => page.getByTestId('flow-stopped').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('.problems .sev-error').count()).toBe(0);
    await shot('06-removed-step');
    expect(pageErrors).toEqual([]);
  });
});
