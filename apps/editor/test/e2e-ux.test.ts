/**
 * End-to-end, the newcomer's path (issues #13, #21): a cold load small and quick with Monaco lazy,
 * no red on a fresh start, splitters that change nothing else, provider switches, keyboard and
 * accessibility at three window sizes, large outputs, one-click fixes. Built as for production.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { hasChromium, launchChromium, type LaunchedBrowser } from './support/browser.js';
import { APP_ROOT, buildEditor } from './support/build.js';
import { gzipBytes } from './support/measure.js';
import { serveDirectory, type StaticServer } from './support/static-server.js';

const SHOTS = join(APP_ROOT, 'screenshots');
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];
const BUDGET_GZIP = 400 * 1024;

describe.skipIf(!hasChromium)('the editor as a newcomer meets it', () => {
  let outDir = '';
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    outDir = await buildEditor({ minify: true });
    server = await serveDirectory(outDir);
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `ux-${name}.png`) });
  const doc = () =>
    page.evaluate(() => (globalThis as unknown as { hookmapDoc: () => unknown }).hookmapDoc());
  const body = () => page.getByTestId('preview-body').innerText();
  const mappingTab = () => page.getByTestId('tab-mapping').click();

  it('shows the first preview from a cold load with ≤ 400 KB gzipped and no Monaco, then loads Monaco for the template tab', async () => {
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('hookmap:first-preview').length > 0, null, {
      timeout: 30_000,
    });
    const firstPreviewMs = await page.evaluate(
      () => performance.getEntriesByName('hookmap:first-preview')[0]!.startTime,
    );
    const before = gzipBytes(outDir, server.url, fetched);
    const total = before.reduce((n, f) => n + f.gzip, 0);
    const metrics = { firstPreviewMs: Math.round(firstPreviewMs), gzipBeforeMonaco: total, files: before };
    writeFileSync(join(SHOTS, 'cold-load.json'), JSON.stringify(metrics, null, 2));
    console.info(
      `cold load: first preview at ${metrics.firstPreviewMs} ms, ${(total / 1024).toFixed(0)} KB gzipped before Monaco`,
    );
    expect(before.map((f) => f.file).join(' ')).not.toMatch(/TemplateEditor|editor\.worker|codicon/);
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP);
    await page.getByTestId('tab-template').click();
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    expect(fetched.join(' ')).toMatch(/TemplateEditor/);
    await page.getByTestId('tab-mapping').click();
  });

  it('starts with no red: the starter renders cleanly for a provider with a matching record id', async () => {
    await page.getByTestId('provider-select').selectOption('otonistark');
    await page.getByTestId('target-select').selectOption('slack.message');
    await expect.poll(async () => JSON.parse(await body()).text, { timeout: 10_000 }).toBeTruthy();
    expect(await page.getByTestId('preview-url').innerText()).toBe(
      'https://secret.invalid/SLACK_WEBHOOK_URL',
    );
    expect(await page.locator('.problems .sev-error').count()).toBe(0);
    expect(await page.getByTestId('preview-error').count()).toBe(0);
    expect(await page.getByTestId('mapping-status').innerText()).toContain('no problems for this sample');
    expect(await page.locator('[data-status="bad"]').count()).toBe(0);
  });

  it('is red everywhere at once: field row, header, problem list and an underline in the template', async () => {
    await page.getByTestId('provider-select').selectOption('otter');
    await page.getByTestId('target-select').selectOption('hubspot.call');
    // The starter (a flow: find the contact, create it if missing, then the call) is clean; the user's
    // mistake here is a pasted lookup answer whose id is no HubSpot id.
    await page.getByTestId('step-card-call').waitFor({ timeout: 10_000 });
    expect(await page.locator('.problems .sev-error').count()).toBe(0);
    await page.getByTestId('response-edit-find').click();
    await page
      .getByLabel('Response JSON for step find')
      .fill(JSON.stringify({ status: 200, body: { total: 1, results: [{ id: 'lead_42' }] } }));
    await page.getByRole('button', { name: 'Use this response' }).click();
    const row = page.locator('[data-pointer="/associations/0/to/id"]');
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 10_000 }).toBe('bad');
    expect(await row.getByTestId('row-problem').innerText()).toMatch(/T005/);
    expect(await page.getByTestId('mapping-status').innerText()).toMatch(/problem/);
    expect(await page.getByTestId('target-problems').innerText()).toContain('/associations/0/to/id');
    expect(await page.getByTestId('target-problems').innerText()).not.toContain('call_trigger_data');
    // The problem reveals its template line (far down the starter), underlined there too.
    await page.getByTestId('target-problems').locator('button').first().click();
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 20_000 });
    await page.locator('.monaco-editor .inline-value').first().waitFor({ timeout: 10_000 });
    await shot('red-everywhere');
    await mappingTab();
    await page.getByRole('button', { name: 'use the sample' }).click();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 10_000 }).not.toBe('bad');
  });

  it('switching provider loads its starter over an untouched one; nothing of the old provider stays', async () => {
    await mappingTab();
    await page.getByTestId('provider-select').selectOption('attendee');
    await expect.poll(async () => ((await doc()) as { providerId: string }).providerId).toBe('attendee');
    expect(await page.getByTestId('starter-offer').count()).toBe(0);
    const template = (await doc()) as { templateText: string; providerId: string };
    expect(template.templateText).not.toMatch(/conversation\.|common\.fields\.crm_id/);
    // Attendee's flow finds the contact the caller put in the bot's metadata.
    expect(JSON.stringify(template)).toContain('bot_metadata.contact_email');
  });

  it('no splitter drag changes the integration, and splitters resize by keyboard', async () => {
    const before = JSON.stringify(await doc());
    for (const id of ['splitter-left', 'splitter-right']) {
      const splitter = page.getByTestId(id);
      const box = (await splitter.boundingBox())!;
      const y = box.y + 200;
      await page.mouse.move(box.x + 2, y);
      await page.mouse.down();
      // Across the payload rows and the mapping rows, where a stray native drag would map a field.
      for (const dx of [30, 90, 160, 240, -200, -320, 60])
        await page.mouse.move(box.x + dx, y + dx / 10, { steps: 4 });
      await page.mouse.up();
      expect(JSON.stringify(await doc())).toBe(before);
      expect(await page.evaluate(() => getSelection()?.toString() ?? '')).toBe('');
    }
    const left = page.getByTestId('splitter-left');
    await left.focus();
    const width = Number(await left.getAttribute('aria-valuenow'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await left.getAttribute('aria-valuenow'))).toBe(width + 32);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(JSON.stringify(await doc())).toBe(before);
  });

  it('works by keyboard: the payload tree, shortcuts popover, All-samples rows', async () => {
    await mappingTab();
    const first = page.locator('[role="tree"] > [role="treeitem"]').first();
    await first.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-level'))).toBe('1');
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() =>
      document.activeElement?.querySelector('.tree-row')?.getAttribute('data-path'),
    );
    expect(second).toBeTruthy();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('toast').innerText()).toContain(`{{${second}}}`);
    await page.keyboard.press('Enter'); // picked again: unpicked, so no later click maps it
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('shortcuts').count()).toBe(0);
    await page.getByTestId('shortcuts-button').click();
    await page.getByTestId('shortcuts').waitFor();
    await page.locator('.toolbar .logo').click();
    expect(await page.getByTestId('shortcuts').count()).toBe(0);
    await page.getByTestId('all-samples-toggle').check();
    const row = page.locator('[data-testid="all-samples"] tbody tr').nth(1);
    await row.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => row.getAttribute('aria-current')).toBe('true');
    await page.getByTestId('all-samples-toggle').uncheck();
  });

  for (const size of SIZES) {
    it(`fits ${size.width}×${size.height}, with no serious accessibility violation and fonts ≥ 12 px`, async () => {
      await mappingTab();
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      for (const id of ['theme-toggle', 'shortcuts-button']) {
        const box = (await page.getByTestId(id).boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      }
      const source = await page.locator('.field-source').first().boundingBox();
      expect(source?.width ?? 0).toBeGreaterThan(40);
      await shot(`${size.width}x${size.height}`);
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('body *:not(.monaco-editor *)')]
          .filter(
            (el) =>
              el.childNodes.length > 0 &&
              [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim() !== ''),
          )
          .filter(
            (el) =>
              (el as HTMLElement).offsetParent !== null && parseFloat(getComputedStyle(el).fontSize) < 12,
          )
          .map((el) => `${el.tagName}.${el.className}`),
      );
      expect(small).toEqual([]);
    });
  }

  it('shortens long strings one at a time and keeps every field of the request visible', async () => {
    await page.getByTestId('provider-select').selectOption('osvi');
    await page.getByTestId('target-select').selectOption('hubspot.call');
    await page.getByRole('button', { name: 'Paste JSON' }).click();
    const payload = JSON.parse(
      readFileSync(join(APP_ROOT, '../../packages/providers/src/osvi/samples/doc-example.json'), 'utf8'),
    );
    payload.call_summary = 'long transcript '.repeat(170_000);
    await page.getByLabel('Payload JSON').fill(JSON.stringify(payload));
    await page.getByRole('button', { name: 'Use this payload' }).click();
    const shortened = page.getByTestId('shortened');
    await shortened.waitFor({ timeout: 20_000 });
    expect(await shortened.innerText()).toMatch(/2,7\d\d,\d{3} characters/);
    const text = await body();
    expect(text).toContain('hs_call_status');
    expect(text).not.toMatch(/cut for display|not shown/);
    await shot('large-output');
    await shortened.getByRole('button', { name: 'show all' }).click();
    await expect.poll(() => page.getByTestId('shortened').count(), { timeout: 20_000 }).toBe(0);
    await page.getByTestId('sample-select').selectOption('doc-example');
  });

  it('fixes common problems in one click: did-you-mean filter, a ranked candidate for a required field', async () => {
    await page.getByTestId('target-select').selectOption('hubspot.call');
    await page.getByTestId('tab-template').click();
    await page.locator('.monaco-editor .view-lines').waitFor();
    await page.evaluate(() =>
      (globalThis as unknown as { hookmapEditor: { setValue(v: string): void } }).hookmapEditor.setValue(
        '{\n  "properties": {\n    "hs_call_title": "{{ data_capture.customer_name | uper }}"\n  }\n}',
      ),
    );
    await page.getByTestId('quick-fix').click();
    await expect
      .poll(async () => ((await doc()) as { templateText: string }).templateText)
      .toContain('| upper }}');
    await page.getByTestId('tab-mapping').click();
    const timestamp = page.locator('[data-pointer="/properties/hs_timestamp"]');
    await timestamp.getByTestId('candidate-fix').first().click();
    await expect
      .poll(async () => JSON.parse(await body()).properties.hs_timestamp, { timeout: 10_000 })
      .toBe('2026-06-12T00:00:00.000Z');
    await shot('fixed');
    expect(pageErrors).toEqual([]);
  });
});
