/**
 * End-to-end: the built editor in Debian's Chromium. Skipped (with a message) only when
 * /usr/bin/chromium is missing; CI installs it.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, type LaunchedBrowser } from './support/browser.js';
import { APP_ROOT, buildEditor } from './support/build.js';
import { serveDirectory, type StaticServer } from './support/static-server.js';

const SHOTS = join(APP_ROOT, 'screenshots');

if (!hasChromium) {
  console.warn('Skipping editor e2e tests: /usr/bin/chromium is missing (apt-get install -y chromium).');
}

describe.skipIf(!hasChromium)('editor in Chromium', () => {
  let outDir = '';
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let page: Page;
  const external: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    outDir = await buildEditor();
    server = await serveDirectory(outDir);
    browser = await launchChromium();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    page = await browser.context.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        external.push(r.url());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    mkdirSync(SHOTS, { recursive: true });
    await page.goto(server.url);
    await page.getByTestId('preview-body').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
  const body = () => page.getByTestId('preview-body').innerText();

  async function setTemplate(text: string): Promise<void> {
    await page.getByTestId('tab-template').click();
    // Focus only: a toast or Monaco's scroll shadow may lie over the text for a moment, which is no reason to wait.
    await page.locator('.monaco-editor .view-lines').click({ force: true });
    // The whole template at once, as a paste lands (typed text would get Monaco's auto-closing and
    // auto-indent; the OS clipboard is unreliable in headless runs), through the editor's change path.
    await page.evaluate((t) => {
      const handle = (
        globalThis as {
          hookmapEditor?: {
            setValue(v: string): void;
            setPosition(p: object): void;
            getModel(): { getLineCount(): number; getLineMaxColumn(l: number): number } | null;
          };
        }
      ).hookmapEditor;
      if (!handle) throw new Error('editor handle missing');
      handle.setValue(t);
      const model = handle.getModel();
      if (model)
        handle.setPosition({
          lineNumber: model.getLineCount(),
          column: model.getLineMaxColumn(model.getLineCount()),
        });
    }, text);
  }

  it('loads with samples and renders the starter request, without any network', async () => {
    expect(await page.getByTestId('provider-select').inputValue()).toBe('osvi');
    expect(await page.getByTestId('preview-url').innerText()).toMatch(/^https:\/\//);
    await shot('01-overview-mapping');
    expect(external).toEqual([]);
  });

  it('maps the OSVI sample onto a HubSpot call by clicking, the call filed on the contact the flow finds', async () => {
    expect(await page.getByTestId('target-select').inputValue()).toBe('hubspot.call');
    // The starter is a flow (SPEC §9): find the contact by phone, create it if missing, then the call: no red.
    expect(await page.getByTestId('preview-skipped').count()).toBe(0);
    expect(await page.getByTestId('target-problems').count()).toBe(0);
    // hs_timestamp: the appointment date, converted to ISO by the mapper.
    await page.locator('[data-path="structured_output.appointment"] .twisty').click();
    await page.locator('[data-pointer="/properties/hs_timestamp"] .field-name').click();
    expect(await page.getByTestId('field-detail').innerText()).toContain('/properties/hs_timestamp');
    await page.locator('[data-path="structured_output.appointment.date"] .tree-key').click();
    await expect
      .poll(async () => JSON.parse(await body()).properties.hs_timestamp, { timeout: 10_000 })
      .toBe('2026-06-12T00:00:00.000Z');
    // The call is associated with the contact the find step found (the targets' sample answer).
    expect(JSON.parse(await body()).associations[0].to.id).toMatch(/^\d+$/);
    expect(await page.getByTestId('target-problems').count()).toBe(0);
    expect(await page.getByTestId('mapping-status').innerText()).toContain('no problems for this sample');
    expect(await page.getByTestId('valid-request').innerText()).toMatch(/valid/i);
    await shot('01b-osvi-hubspot-valid');
  });

  it('builds Auto-mode bodies from the provider sections', async () => {
    await page.getByLabel('Auto', { exact: true }).check();
    await expect
      .poll(async () => JSON.parse(await body()).call_log_id, { timeout: 10_000 })
      .toBe('8de63236-e013-42dd-9d99-1be5521701d4');
    await page.getByRole('group', { name: 'Auto sections' }).getByLabel('AI Summary').uncheck();
    await expect
      .poll(async () => 'call_summary' in JSON.parse(await body()), { timeout: 10_000 })
      .toBe(false);
    await page.getByLabel('JSON template').check();
  });

  it('picks the OSVI sample, types a template and sees the body', async () => {
    await page.getByTestId('provider-select').selectOption('osvi');
    await page.getByTestId('sample-select').selectOption('doc-example');
    await page.getByTestId('target-select').selectOption('');
    await setTemplate(
      '{\n  "customer": "{{data_capture.customer_name}}",\n  "intent": "<< structured_output.intent >>"\n}',
    );
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.type(', "n": "{{ call_summary | size }}"');
    await expect.poll(body, { timeout: 10_000 }).toContain('"customer": "John Doe"');
    const text = await body();
    expect(text).toContain('"intent": "appointment_confirmation"');
    expect(JSON.parse(text).n).toBeGreaterThan(10);
    await shot('02-template-typed');
  });

  it('shows completions of sample paths with their values', async () => {
    await page.keyboard.press('End');
    await page.keyboard.type(', "c": "{{data_capture.');
    const suggest = page.locator('.suggest-widget .monaco-list-row');
    await suggest.first().waitFor({ timeout: 10_000 });
    const labels = await suggest.allInnerTexts();
    expect(labels.join('\n')).toContain('customer_name');
    await shot('03-completion');
    await page.keyboard.press('Escape');
  });

  it('shows the inferred type of a placeholder on hover, from the provider schema (SPEC §11)', async () => {
    await setTemplate('{\n  "who": "{{ call_trigger_data.person_name }}"\n}');
    // The cursor inside the placeholder, then Monaco's own "Show hover" (what a pointer resting there opens).
    await page.evaluate(() => {
      const handle = (
        globalThis as {
          hookmapEditor?: {
            setPosition(p: object): void;
            focus(): void;
            trigger(s: string, id: string, a: unknown): void;
          };
        }
      ).hookmapEditor;
      if (!handle) throw new Error('editor handle missing');
      handle.focus();
      handle.setPosition({ lineNumber: 2, column: 32 });
      handle.trigger('e2e', 'editor.action.showHover', {});
    });
    const hover = page.locator('.monaco-hover');
    await expect
      .poll(
        () =>
          hover
            .allInnerTexts()
            .then((t) => t.join('\n'))
            .catch(() => ''),
        { timeout: 10_000 },
      )
      .toContain('Type: string | null — OSVI voice agents: call_trigger_data.person_name');
    await shot('03b-hover-type');
    await page.keyboard.press('Escape');
  });

  it('breaks the template and sees the error with its code, in the preview and as a squiggle', async () => {
    await setTemplate('{\n  "customer": "{{ data_capture.customer_name | uper }}"\n}');
    const problems = page.getByTestId('problems');
    await expect.poll(() => problems.innerText(), { timeout: 10_000 }).toMatch(/H201/);
    expect(await problems.innerText()).toMatch(/upper/);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });
    await shot('04-template-error');
    await setTemplate('{\n  "customer": "{{ data_capture.customer_name"\n}');
    await expect.poll(() => problems.innerText(), { timeout: 10_000 }).toMatch(/H101/);
  });

  it('maps a payload field onto a target field by clicking', async () => {
    await page.getByTestId('target-select').selectOption('hubspot.call');
    await page.getByTestId('tab-mapping').click();
    await page.locator('[data-path="data_capture.customer_name"] .tree-key').click();
    await page.locator('[data-pointer="/properties/hs_call_title"] .field-name').click();
    await expect
      .poll(async () => JSON.parse(await body()).properties.hs_call_title, { timeout: 10_000 })
      .toBe('John Doe');
    const row = page.locator('[data-pointer="/properties/hs_call_title"]');
    expect(await row.innerText()).toContain('data_capture.customer_name');
    await shot('05-mapped-by-click');
  });

  it('maps a payload field by dragging it onto a target field', async () => {
    await page
      .locator('[data-path="data_capture.preferred_time"]')
      .dragTo(page.locator('[data-pointer="/properties/hs_call_disposition"]'));
    await expect
      .poll(async () => JSON.parse(await body()).properties.hs_call_disposition, { timeout: 10_000 })
      .toBe('10:00 AM');
  });

  it('lists target-schema errors with JSON Pointers that jump to the template', async () => {
    const targetProblems = page.getByTestId('target-problems');
    await targetProblems.waitFor({ timeout: 10_000 });
    expect(await targetProblems.innerText()).toMatch(/\/properties\/|\/associations\//);
    await targetProblems.locator('button').first().click();
    expect(await page.getByTestId('tab-template').getAttribute('aria-selected')).toBe('true');
  });

  it('switches provider and re-renders against its sample', async () => {
    await page.getByTestId('provider-select').selectOption('otter');
    await expect.poll(() => page.getByTestId('sample-select').inputValue()).toBe('doc-example');
    await page.locator('[data-path="meta"]').first().waitFor({ timeout: 10_000 });
    await page.getByTestId('tab-mapping').click();
    await shot('06-otter');
  });

  it('renders against all samples of the provider at once', async () => {
    await page.getByTestId('provider-select').selectOption('attendee');
    await page.getByTestId('all-samples-toggle').check();
    const table = page.getByTestId('all-samples');
    await table.waitFor({ timeout: 10_000 });
    await expect.poll(() => table.locator('tr').count(), { timeout: 10_000 }).toBe(10);
    expect(await table.innerText()).toMatch(/\d+ samples · \d+ failing · \d+ with nulls/);
    await shot('07-all-samples');
    await page.getByTestId('all-samples-toggle').uncheck();
  });

  it('shows invalid pasted JSON with line and column', async () => {
    await page.getByRole('button', { name: 'Paste JSON' }).click();
    await page.getByLabel('Payload JSON').fill('{\n  "a": 1,\n  "b": \n}');
    expect(await page.getByTestId('paste-error').innerText()).toMatch(/Line 4, column 1/);
    await shot('08-paste-error');
    await page
      .getByLabel('Payload JSON')
      .fill(
        JSON.stringify({ call_log_id: 'x1', call_status: 'picked', data_capture: { customer_name: 'Ada' } }),
      );
    await page.getByRole('button', { name: 'Use this payload' }).click();
    await expect.poll(() => page.getByTestId('provider-select').inputValue()).toBe('osvi');
  });

  it('has a dark theme and a logs tab', async () => {
    await page.getByTestId('theme-toggle').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await shot('09-dark');
    await page.getByTestId('tab-logs').click();
    await page.waitForTimeout(500);
    await shot('10-logs');
    await page.getByTestId('theme-toggle').click();
  });

  it('underlines a Handlebars text body at the unknown helper', async () => {
    await page.getByRole('tab', { name: 'Request preview' }).click();
    await page.getByTestId('tab-template').click();
    await page.getByRole('radio', { name: 'Text' }).check({ timeout: 5_000 });
    await page.getByLabel('Engine').selectOption('handlebars', { timeout: 5_000 });
    await setTemplate('{\n  "text": {{json common.title}},\n  "who": {{shout common.title}}\n}');
    const problems = page.getByTestId('problems');
    await expect.poll(() => problems.innerText(), { timeout: 10_000 }).toMatch(/H405/);
    expect(await problems.innerText()).toMatch(/shout/);
    expect(await problems.innerText()).toMatch(/line 3/);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    await shot('11-handlebars-error');
    await setTemplate('{\n  "text": {{json common.title}}\n}');
    await expect.poll(body, { timeout: 10_000 }).toContain('"text"');
    await page.getByRole('radio', { name: 'JSON template' }).check();
  });

  it('sends an Attendee integration only for the events checked, and says so for the others', async () => {
    await page.getByTestId('provider-select').selectOption('attendee');
    await page.getByTestId('sample-select').selectOption('post_processing_completed');
    const filter = page.getByTestId('events-filter');
    // The filter opens by itself when the integration has one (the starters' flows do): start from none.
    if ((await filter.getAttribute('open')) === null) await filter.locator('summary').click();
    await filter.getByLabel('transcript.update').check();
    const stateChange = filter.getByLabel('bot.state_change');
    if (await stateChange.isChecked()) await stateChange.uncheck();
    await page.getByTestId('when-input').fill('');
    const skipped = page.getByTestId('preview-skipped');
    await expect
      .poll(() => skipped.innerText(), { timeout: 10_000 })
      .toContain('"bot.state_change" is not one the integration is sent for');
    await shot('12-events-filter');
    await page.getByTestId('sample-select').selectOption('transcript_update');
    await expect.poll(() => skipped.count(), { timeout: 10_000 }).toBe(0);
    await page.getByTestId('when-input').fill("{{ trigger == 'chat_messages.update' }}");
    await expect
      .poll(() => skipped.innerText(), { timeout: 10_000 })
      .toContain('"Only when" is false for this payload');
    await page.getByTestId('when-input').fill('');
    await filter.getByLabel('transcript.update').uncheck();
    await page.getByTestId('provider-select').selectOption('osvi');
  });

  it('keeps work: autosave survives a reload, and undo restores the previous doc', async () => {
    const before = await page.getByTestId('name-input').inputValue();
    await page.getByTestId('name-input').fill('Kept name');
    await page.getByRole('button', { name: /Undo/ }).click();
    expect(await page.getByTestId('name-input').inputValue()).toBe(before);
    await page.getByRole('button', { name: /Redo/ }).click();
    expect(await page.getByTestId('name-input').inputValue()).toBe('Kept name');
    await page.waitForTimeout(600);
    await page.reload();
    await page.getByTestId('name-input').waitFor();
    expect(await page.getByTestId('name-input').inputValue()).toBe('Kept name');
    expect(pageErrors).toEqual([]);
  });
});
