// "Load from ES" end to end: the real server (serving the built app) configured with the real
// OpenSearch node of the es project, driven in headless Chromium: choose the cluster, the index
// pattern and the range, test the connection, load with progress, and land on the graph.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SECURITY_EVENT_IDS } from '../../src/core/events/logon-event.js';
import { EsClient } from '../../src/server/es/client.js';
import {
  HAS_CHROMIUM,
  launchChromium,
  warnIfNoChromium,
  type LaunchedBrowser,
} from '../e2e/helpers/chromium.js';
import { watchPage } from '../e2e/helpers/page-errors.js';
import { ensureWebBuild } from '../e2e/helpers/web-build.js';
import { startServer, type RunningServer } from '../e2e/server-harness.js';
import { readSampleEvents, seedEcsDataStream } from './es-seed.js';

warnIfNoChromium();
const url = inject('opensearchUrl');
const skip = !url || !HAS_CHROMIUM;
const reason = !url ? inject('opensearchSkipReason') : 'no Chromium';
const STREAM = 'browser-winlogbeat-8.12.0';
const RANGE = { from: '2015-08-23T00:00', to: '2015-09-14T00:00' };
const STATUS_TEXT = /^([\d,]+) nodes · ([\d,]+) edges \(of ([\d,]+) nodes · ([\d,]+) edges in window\)$/;

async function statusLine(page: Page): Promise<string> {
  const line = page.locator('[data-testid="status"]').first();
  await line.waitFor({ state: 'visible', timeout: 60_000 });
  await expect.poll(async () => (await line.textContent()) ?? '', { timeout: 60_000 }).toMatch(STATUS_TEXT);
  return ((await line.textContent()) ?? '').trim();
}

describe.skipIf(skip)(`"Load from ES" in Chromium against OpenSearch ${skip ? reason : ''}`, () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let inRange = 0;

  beforeAll(async () => {
    const client = new EsClient({ url });
    const events = readSampleEvents();
    await seedEcsDataStream(client, events, STREAM);
    client.close();
    const ids: ReadonlySet<number> = new Set(SECURITY_EVENT_IDS);
    inRange = events.filter(
      (e) => ids.has(e.eventId) && e.time >= `${RANGE.from}:00Z` && e.time < `${RANGE.to}:00Z`,
    ).length;
    // The server reads its clusters from LOGONLENS_ES when the app is built.
    process.env.LOGONLENS_ES = JSON.stringify({
      clusters: [
        {
          name: 'local-node',
          url,
          indexPatterns: ['browser-winlogbeat-*'],
          defaultIndexPattern: 'browser-winlogbeat-*',
        },
      ],
    });
    try {
      // LOGONLENS_E2E_WEB_ROOT: a build of the current tree elsewhere than dist/web (others' runs).
      server = await startServer({ webRoot: process.env.LOGONLENS_E2E_WEB_ROOT ?? ensureWebBuild() });
    } finally {
      delete process.env.LOGONLENS_ES;
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('tests the connection, loads the range with progress and opens the graph', async () => {
    const page = await browser.context.newPage();
    const seen = watchPage(page);
    await page.goto(`${server.url}/?page=datasets`);
    await page.getByText(/No datasets yet/).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Load from ES' }).click();
    const dialog = page.getByRole('dialog', { name: /Load from Elasticsearch/ });
    await dialog.waitFor();

    // Cluster, index pattern, range in an explicit zone.
    await expect
      .poll(async () => dialog.getByLabel('Cluster').inputValue(), { timeout: 30_000 })
      .toBe('local-node');
    expect(await dialog.getByLabel('Index pattern').inputValue()).toBe('browser-winlogbeat-*');
    await dialog.getByLabel('Index pattern').fill('browser-winlogbeat-*');
    await dialog.getByLabel('Time zone').selectOption({ label: 'UTC+00:00' });
    await dialog.getByLabel('From').fill(RANGE.from);
    await dialog.getByLabel('To').fill(RANGE.to);
    await dialog.getByText('UTC 2015-08-23 00:00 → 2015-09-14 00:00').waitFor();

    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const output = dialog.locator('output');
    await expect
      .poll(async () => (await output.textContent()) ?? '', { timeout: 60_000 })
      .toMatch(/^OpenSearch 2\.19\.6: [\d,]+ Security events in \d+ ind(?:ex|ices) \(ecs\)\.$/);
    const tested = (await output.textContent()) ?? '';
    expect(tested).toContain(`${inRange.toLocaleString('en')} Security events`);

    // Every text the output shows while loading (the load is quick: record them as they come).
    // (A script string: this file is type-checked without the DOM library.)
    await page.evaluate(`(() => {
      const el = document.querySelector('.es-load-dialog output');
      const texts = (window.esTexts = []);
      if (el)
        new MutationObserver(() => texts.push(el.textContent ?? '')).observe(el, {
          childList: true,
          characterData: true,
          subtree: true,
        });
    })()`);
    await dialog.getByRole('button', { name: 'Load' }).click();
    await page.waitForURL(/source=server(%3A|:)ds_/, { timeout: 120_000 });
    const texts = (await page.evaluate('window.esTexts')) as string[];
    expect(
      texts.some((t) => /^(Starting the load…|Loading: [\d,]+ events read, \d+ KiB received…)$/.test(t)),
    ).toBe(true);
    expect(await dialog.count()).toBe(0);

    // The graph of the dataset's first day, as the server has it.
    const status = await statusLine(page);
    const datasetId = new URL(page.url()).searchParams.get('source')?.slice('server:'.length) ?? '';
    const api = async <T>(path: string): Promise<T> =>
      (await (await page.request.get(`${server.url}${path}`)).json()) as T;
    const info = await api<{
      timeRange: { from: string };
      sources: Array<{ kind: string; cluster: string }>;
    }>(`/api/datasets/${datasetId}`);
    expect(info.sources).toMatchObject([{ kind: 'elasticsearch', cluster: 'local-node' }]);
    const day = info.timeRange.from.slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
    const graph = await api<{ nodes: unknown[]; edges: unknown[] }>(
      `/api/datasets/${datasetId}/graph?from=${day}T00:00:00Z&to=${encodeURIComponent(next)}`,
    );
    const m = STATUS_TEXT.exec(status);
    expect(graph.edges.length).toBeGreaterThan(0);
    expect(Number(m?.[4]?.replace(/,/g, ''))).toBe(graph.edges.length);
    expect(Number(m?.[2]?.replace(/,/g, ''))).toBeGreaterThan(0);

    // The window on screen goes back into the cluster for Kibana (POST /api/es/export).
    await page.getByRole('button', { name: 'Export window to ES' }).click();
    const exported = page.locator('.es-export [role=status]');
    await expect
      .poll(async () => (await exported.textContent()) ?? '', { timeout: 60_000 })
      .toMatch(/^Exported [1-9]\d* accounts, \d+ hosts and \d+ detections to local-node\.$/);

    expect(seen.errors).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    await page.close();
  });
});
