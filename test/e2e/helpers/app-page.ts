import type { Locator, Page } from 'playwright-core';
import type { LaunchedBrowser } from './chromium.js';
import { watchPage } from './page-errors.js';

/** A page of the app with what it must never do (errors, dialogs) being watched. */
export interface OpenedPage {
  page: Page;
  seen: ReturnType<typeof watchPage>;
  /** The graph view's status line (`N nodes · M edges …`). */
  status: Locator;
}

/** How long to wait for the status line (Playwright's default when not given). */
export interface StatusWait {
  timeout?: number;
}

/** The app's home on `url` in `page`, a dataset file opened through its file input, its status line shown. */
export async function loadDatasetFile(
  page: Page,
  url: string,
  file: string,
  wait: StatusWait = {},
): Promise<Locator> {
  await page.goto(`${url}/`);
  await page.setInputFiles('input[type=file]', file);
  const status = page.getByTestId('status');
  await status.waitFor(wait);
  return status;
}

/** A new, watched page on the app's home (`url`), its English start heading shown. */
export async function openHome(browser: LaunchedBrowser, url: string): Promise<Omit<OpenedPage, 'status'>> {
  const page = await browser.context.newPage();
  const seen = watchPage(page);
  await page.goto(`${url}/`);
  await page.getByRole('heading', { name: 'Open a dataset to start' }).waitFor();
  return { page, seen };
}

/** A new, watched page of the app on `url` with the dataset file open (see loadDatasetFile). */
export async function openDatasetFile(
  browser: LaunchedBrowser,
  url: string,
  file: string,
  wait: StatusWait = {},
): Promise<OpenedPage> {
  const page = await browser.context.newPage();
  const seen = watchPage(page);
  const status = await loadDatasetFile(page, url, file, wait);
  return { page, seen, status };
}

/**
 * The same view with these URL parameters set (`from=2015-08-23&sel=…`), as a link would open it:
 * the page goes there and waits for the status line.
 */
export async function gotoWithParams(page: Page, query: string, wait: StatusWait = {}): Promise<void> {
  const url = new URL(page.url());
  for (const [k, v] of new URLSearchParams(query)) url.searchParams.set(k, v);
  await page.goto(url.href);
  await page.getByTestId('status').waitFor(wait);
}
