// Issue 13 item 7 in real Chromium: axe-core on the main screens in light and dark, the theme
// switch, and the keyboard shortcuts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, warnIfNoChromium } from './helpers/chromium.js';
import { loadDatasetFile } from './helpers/app-page.js';
import { analyzeFixtures } from './helpers/cli.js';
import { nodeStyle } from './helpers/cy.js';
import { watchPage } from './helpers/page-errors.js';
import { useStaticApp } from './helpers/app-in-browser.js';
import { useTempDir } from './helpers/temp-dir.js';

warnIfNoChromium();

/** page.evaluate callbacks run in the page; the Node typecheck has no DOM lib. */
declare const document: {
  documentElement: { getAttribute(name: string): string | null };
  activeElement: { getAttribute(name: string): string | null; textContent: string | null } | null;
};
declare const getComputedStyle: (el: unknown) => { backgroundColor: string };
interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
}
declare const axe: { run(context: unknown, options: unknown): Promise<AxeResult> };

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Serious and critical axe violations on the page as it is now, one line each. axe is evaluated
 * through the DevTools protocol, which the app's strict CSP (no inline script) does not govern.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    axe.run(document, {
      resultTypes: ['violations'],
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'],
    }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
}

describe.skipIf(!HAS_CHROMIUM)('accessibility in Chromium', () => {
  const tmp = useTempDir('logonlens-a11y-e2e-');
  const app = useStaticApp();
  let dataset: string;

  beforeAll(async () => {
    dataset = await analyzeFixtures(['evtx/m2a-dcsync.evtx'], tmp.path, 'dcsync.dataset.json');
  }, 180_000);

  async function openDataset(page: Page): Promise<void> {
    await loadDatasetFile(page, app.server.url, dataset);
  }

  it.each(['light', 'dark'] as const)(
    'finds no serious violations on the main screens (%s)',
    async (scheme) => {
      const page = await app.browser.context.newPage();
      const seen = watchPage(page);
      await page.emulateMedia({ colorScheme: scheme });
      const found: Record<string, string[]> = {};

      await page.goto(`${app.server.url}/`);
      await page.getByRole('heading', { name: 'Open a dataset to start' }).waitFor();
      found.home = await seriousViolations(page);

      await openDataset(page);
      await page.locator('[data-keynav="ranking"] tbody button.link').first().click();
      await page.locator('.inspector').first().waitFor();
      found['graph with a selection'] = await seriousViolations(page);

      await page.locator('[data-keynav="detections"] tbody button.link').first().click();
      await page.getByRole('region', { name: 'Detection evidence' }).waitFor();
      found['detection evidence'] = await seriousViolations(page);

      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      found['shortcuts dialog'] = await seriousViolations(page);
      await page.keyboard.press('Escape');

      await page
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('button', { name: 'Server datasets' })
        .click();
      await page.waitForURL(/page=datasets/);
      found['datasets page'] = await seriousViolations(page);

      expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
      expect(seen.errors.filter((e) => !e.includes('/api/'))).toEqual([]);
      await page.close();
    },
    120_000,
  );

  it('switches to dark and keeps the choice; the graph canvas follows', async () => {
    const page = await app.browser.context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await openDataset(page);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    await expect.poll(() => nodeStyle(page, 'color')).not.toBeNull();
    const lightLabel = await nodeStyle(page, 'color');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
    await expect.poll(background).not.toBe(light);
    await expect.poll(() => nodeStyle(page, 'color')).not.toBe(lightLabel);
    await page.reload();
    await page.getByTestId('status').waitFor();
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
    expect(await background()).not.toBe(light);
    await expect.poll(() => nodeStyle(page, 'background-color')).not.toBeNull();
    const standardFill = await nodeStyle(page, 'background-color');
    await page.getByRole('combobox', { name: 'Colours' }).selectOption('cvd');
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-palette'))).toBe('cvd');
    await expect.poll(() => nodeStyle(page, 'background-color')).not.toBe(standardFill);
    await page.close();
  });

  it('drives the ranking and the selection from the keyboard', async () => {
    const page = await app.browser.context.newPage();
    await openDataset(page);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).not.toBe('search');

    const rows = page.locator('[data-keynav="ranking"] tbody button.link');
    await page.keyboard.press('j');
    const first = await rows.nth(0).textContent();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(first);
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      await rows.nth(1).textContent(),
    );
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).not.toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBeNull();
    await page.close();
  });
});
