/** Accessibility checks for the e2e tests: axe-core's serious and critical WCAG 2.1 AA violations on a page. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

/**
 * Serious or critical violations inside `selector` (the whole document when absent or not found), each as
 * `rule: first three nodes`. axe-core is added to the page once.
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  if ((await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe)) === 'undefined')
    await page.addScriptTag({ content: AXE });
  return page.evaluate(async (scope) => {
    const axe = (globalThis as unknown as { axe: { run(c: unknown, o: object): Promise<AxeResult> } }).axe;
    const context = (scope ? document.querySelector(scope) : null) ?? document;
    const result = await axe.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
  }, selector ?? null);
}
