import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM, warnIfNoChromium } from './helpers/chromium.js';
import { openDatasetFile, openHome } from './helpers/app-page.js';
import { watchPage } from './helpers/page-errors.js';
import { useStaticApp } from './helpers/app-in-browser.js';
import { REPO_ROOT } from './helpers/web-build.js';

warnIfNoChromium();

const SMALL = path.join(REPO_ROOT, 'test/fixtures/datasets/small.json');
const INVALID = path.join(REPO_ROOT, 'test/fixtures/datasets/invalid.json');
const HOSTILE = '<img src=x onerror=alert(1)>';

/** page.evaluate callbacks run in the page; the Node typecheck has no DOM lib, so declare what they use. */
declare const document: {
  querySelector(selector: string): { textContent: string | null } | null;
  querySelectorAll(selector: string): { length: number };
  body: { innerHTML: string; textContent: string | null };
};

async function statusText(page: Page): Promise<string> {
  const status = page.getByTestId('status');
  await status.waitFor();
  return (await status.textContent()) ?? '';
}

/** Waits until the status line has settled on a new value after an action. */
async function statusAfter(page: Page, before: string): Promise<string> {
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid=status]')?.textContent !== b,
    before,
  );
  return statusText(page);
}

describe.skipIf(!HAS_CHROMIUM)('the graph app in Chromium', () => {
  const app = useStaticApp();

  it('opens a file, moves the window, filters, and the copied URL gives the same view in a new page', async () => {
    const { page, seen } = await openHome(app.browser, app.server.url);
    await page.setInputFiles('input[type=file]', SMALL);
    const first = await statusText(page);
    expect(first).toMatch(/^\d+ nodes · \d+ edges \(of \d+ nodes · \d+ edges in window\)$/);
    expect(page.url()).toMatch(/\?source=file%3A[0-9a-f]{64}$/);
    // A canvas is drawn (the real renderer, not a test double).
    expect(await page.locator('.graph-canvas canvas').count()).toBeGreaterThan(0);

    // Without a date the dataset opens where its story is: here (no detection) its busiest day.
    await page.getByText('2021-12-02 (UTC day)').waitFor();
    await page.getByRole('button', { name: 'Previous day' }).click();
    const previousDay = await statusAfter(page, first);
    await page.getByText('2021-12-01 (UTC day)').waitFor();
    await page.getByRole('button', { name: 'Next day' }).click();
    const nextDay = await statusAfter(page, previousDay);
    await page.getByText('2021-12-02 (UTC day)').waitFor();
    await page.getByRole('radio', { name: 'failure' }).check();
    const filtered = await statusAfter(page, nextDay);
    expect(page.url()).toContain('from=2021-12-02');
    expect(page.url()).toContain('outcome=failure');

    const url = page.url();
    const other = await app.browser.context.newPage();
    const seenOther = watchPage(other);
    await other.goto(url);
    expect(await statusText(other)).toBe(filtered);
    await other.getByText('2021-12-02 (UTC day)').waitFor();
    expect(await other.getByRole('radio', { name: 'failure' }).isChecked()).toBe(true);

    // Back on the first page, history moves between views.
    await page.goBack();
    expect(await statusAfter(page, filtered)).toBe(nextDay);

    expect(seen.errors).toEqual([]);
    expect(seenOther.errors).toEqual([]);
    await page.close();
    await other.close();
  });

  it('an invalid file names its problems and leaves the view as it was', async () => {
    const { page } = await openDatasetFile(app.browser, app.server.url, SMALL);
    const before = await statusText(page);
    const url = page.url();
    await page.setInputFiles('input[type=file]', INVALID);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Could not open invalid.json');
    expect(await alert.textContent()).toContain('edges.1.count');
    expect(await statusText(page)).toBe(before);
    expect(page.url()).toBe(url);
    await page.close();
  });

  it('shows a hostile account name as text and never runs it', async () => {
    const { page, seen } = await openDatasetFile(app.browser, app.server.url, SMALL);
    await page.getByRole('searchbox').fill('onerror');
    await page.getByRole('searchbox').press('Enter');
    await page.waitForURL(/q=onerror/);
    const ranking = page.getByRole('region', { name: 'Ranking' });
    const row = ranking.getByRole('button', { name: HOSTILE });
    await row.click();
    await page.getByRole('heading', { name: HOSTILE }).waitFor();
    // The name is text in the inspector, the ranking and the hover line; no element was created from it.
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(await page.evaluate((h) => document.body.innerHTML.includes(h), HOSTILE)).toBe(false);
    expect(await page.evaluate((h) => document.body.textContent?.includes(h), HOSTILE)).toBe(true);
    // Give any injected handler a chance to fire.
    await page.waitForTimeout(300);
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('keeps the file across a reload and lists it; removing the open file returns to the start page', async () => {
    const { page } = await openDatasetFile(app.browser, app.server.url, SMALL);
    const before = await statusText(page);
    await page.reload();
    expect(await statusText(page)).toBe(before);
    await page.getByRole('button', { name: 'Kept files' }).click();
    const list = page.getByRole('list', { name: 'Kept files' });
    await list.getByRole('button', { name: 'Remove small.json' }).click();
    await page.getByRole('heading', { name: 'Open a dataset to start' }).waitFor();
    await page.close();
  });
});
