import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sharedData } from '../helpers/shared-data.js';
import { HAS_CHROMIUM, warnIfNoChromium } from './helpers/chromium.js';
import { watchPage } from './helpers/page-errors.js';
import { useServerApp } from './helpers/app-in-browser.js';

/**
 * The app on the real server, in real headless Chromium: upload a real EVTX from the datasets page,
 * watch the progress reach 100 %, open the graph, and open the copied URL in a new page: same view.
 * Missing Chromium or sample data skips with the printed reason outside CI (the helpers throw in CI).
 */
warnIfNoChromium();

const SAMPLE = 'sec-omer-size_t.evtx';
/** The graph view's status line: `N nodes · M edges ...`. */
const STATUS_LINE = '[data-testid="status"]';
const STATUS_TEXT = /\d[\d,]* (of [\d,]+ )?nodes? · \d[\d,]* (of [\d,]+ )?edges?/;

async function statusLine(page: Page): Promise<string> {
  const line = page.locator(STATUS_LINE).first();
  await line.waitFor({ state: 'visible', timeout: 30_000 });
  await expect.poll(async () => (await line.textContent()) ?? '', { timeout: 30_000 }).toMatch(STATUS_TEXT);
  return ((await line.textContent()) ?? '').trim();
}

/** Errors the page logged, less the browser's own line for an expected 401 answer. */
function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !/status of 401/.test(e));
}

describe.skipIf(!HAS_CHROMIUM)('the app on the server (Chromium)', () => {
  const app = useServerApp();

  it('uploads a sample with progress to 100 %, opens the graph, and the copied URL shows the same view', async () => {
    const page = await app.browser.context.newPage();
    const seen = watchPage(page);
    const apiRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/datasets/')) apiRequests.push(r.url());
    });
    await page.goto(`${app.server.url}/?page=datasets`);
    await page.getByRole('heading', { name: 'Datasets', level: 1 }).waitFor();
    await page.getByText(/No datasets yet/).waitFor();

    await page.getByLabel(/Log files/).setInputFiles(sharedData('evtx', SAMPLE));
    await page.getByLabel('Name (optional)').fill('omer <b>size_t</b>');
    await page.getByRole('button', { name: 'Upload' }).click();

    const entry = page.getByRole('listitem', { name: `Upload of ${SAMPLE}` });
    await expect
      .poll(async () => (await entry.getByRole('status').textContent()) ?? '', { timeout: 60_000 })
      .toMatch(/^Imported [\d,]+ records/);
    const bars = await entry
      .getByRole('progressbar')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('aria-labelledby') !== null, e.getAttribute('value')]),
      );
    expect(bars).toEqual([
      [true, '100'],
      [true, '100'],
    ]);
    expect(await entry.getByText('100 %').count()).toBe(2);

    // The list shows the new dataset, its name as text.
    const row = page.getByRole('row', { name: 'omer <b>size_t</b>' });
    await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 30_000 }).toContain('ready');
    expect(await page.locator('b').count()).toBe(0);

    await entry.getByRole('button', { name: 'Open in graph' }).click();
    await page.waitForURL(/source=server(%3A|:)ds_/);
    const dayStatus = await statusLine(page);
    // Without a date in the URL the app asks for the first day only, never the whole dataset, and
    // draws the timeline from the whole dataset's histogram.
    const graphAsks = apiRequests.filter((u) => new URL(u).pathname.endsWith('/graph'));
    expect(graphAsks.length).toBeGreaterThan(0);
    for (const u of graphAsks) {
      const q = new URL(u).searchParams;
      expect([q.get('from'), q.get('to')].every((v) => v !== null && v !== '')).toBe(true);
    }
    expect(apiRequests.some((u) => new URL(u).pathname.endsWith('/histogram'))).toBe(true);
    expect(await page.locator('.histogram .hist-bar').count()).toBeGreaterThan(0);

    // A week from the first day: the window goes into the URL and /graph is asked for it.
    const weekGraph = page.waitForResponse(
      (r) => /\/graph\?.*from=.*to=/.test(r.url()) && r.status() === 200,
    );
    await page.getByLabel('Window span').selectOption('week');
    await page.waitForURL(/span=week/);
    await weekGraph;
    expect(dayStatus).toMatch(STATUS_TEXT);
    const url = page.url();
    expect(new URL(url).searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const second = await app.browser.context.newPage();
    const seen2 = watchPage(second);
    await second.goto(url);
    // Both pages have settled on the week's graph by now: their status lines must agree.
    const status = await statusLine(page);
    await expect.poll(() => statusLine(second), { timeout: 30_000 }).toBe(status);
    expect(second.url()).toBe(url);

    // Drill down: select the busiest account of the view (through the URL, as a shared link would)
    // and page through its raw events in the window.
    const datasetId = new URL(url).searchParams.get('source')?.slice('server:'.length) ?? '';
    const api = async <T>(path: string): Promise<T> =>
      (await (await page.request.get(`${app.server.url}${path}`)).json()) as T;
    const info = await api<{ timeRange: { from: string } }>(`/api/datasets/${datasetId}`);
    // The view without a date shows the dataset's first UTC day.
    const day = info.timeRange.from.slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
    const graph = await api<{ edges: Array<{ account: string; count: number }> }>(
      `/api/datasets/${datasetId}/graph?from=${day}&to=${encodeURIComponent(next)}`,
    );
    const perAccount = new Map<string, number>();
    for (const e of graph.edges) perAccount.set(e.account, (perAccount.get(e.account) ?? 0) + e.count);
    const [account] = [...perAccount.entries()].sort((a, b) => b[1] - a[1])[0] ?? [''];
    const withSel = new URL(url);
    withSel.searchParams.set('sel', account);
    await second.goto(withSel.href);
    await second.getByRole('button', { name: 'Show the events behind this selection' }).click();
    const drill = second.locator('.drilldown');
    await expect
      .poll(async () => (await drill.getByRole('status').textContent()) ?? '', { timeout: 30_000 })
      .toMatch(/^[\d,]+ events?( loaded, more on the server|, all shown)$/);
    expect(await drill.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await drill.getByRole('columnheader', { name: 'Event ID' }).count()).toBe(1);

    expect(unexpected(seen.errors)).toEqual([]);
    expect(unexpected(seen2.errors)).toEqual([]);
    expect([...seen.dialogs, ...seen2.dialogs]).toEqual([]);
    await second.close();
    await page.close();
  });
});

describe.skipIf(!HAS_CHROMIUM)('a server with an access token (Chromium)', () => {
  const TOKEN = 'browser-e2e-token-0123456789';
  const app = useServerApp({ token: TOKEN });

  it('asks for the token once, keeps it out of the URL, and lists the datasets with it', async () => {
    const page = await app.browser.context.newPage();
    const seen = watchPage(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${app.server.url}/?page=datasets`);

    const dialog = page.getByRole('dialog', { name: 'Access token needed' });
    await dialog.waitFor();
    await dialog.getByLabel('Access token').fill(TOKEN);
    await dialog.getByRole('button', { name: 'Use token' }).click();
    await page.getByText(/No datasets yet/).waitFor();
    expect(await dialog.count()).toBe(0);

    // A reload of the tab keeps the token (sessionStorage): no second prompt.
    await page.reload();
    await page.getByText(/No datasets yet/).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);

    expect(requests.filter((u) => u.includes(TOKEN))).toEqual([]);
    expect(page.url()).not.toContain(TOKEN);
    expect(unexpected(seen.errors)).toEqual([]);
    await page.close();
  });
});
