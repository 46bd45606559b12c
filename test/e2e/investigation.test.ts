// Issue 9, end to end in Chromium: a dataset written by `logonlens analyze` from three real logs
// (a DCSync, a 2015 workstation log, a Kerbrute run) opened in the app as an analyst would.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWindows, computeView, DEFAULT_FILTERS } from '../../src/core/analysis/index.js';
import type { Dataset } from '../../src/core/dataset/index.js';
import { gotoWithParams, openDatasetFile, type OpenedPage } from './helpers/app-page.js';
import { HAS_CHROMIUM, warnIfNoChromium } from './helpers/chromium.js';
import { analyzeFixtures } from './helpers/cli.js';
import { idsWithClass, readDrawn } from './helpers/cy.js';
import { useStaticApp } from './helpers/app-in-browser.js';
import { useTempDir } from './helpers/temp-dir.js';

warnIfNoChromium();

/** The drawn edges (links) that are not domain memberships, with their classes. */
async function drawnLinks(page: Page): Promise<Array<{ id: string; classes: string[] }>> {
  const drawn = await readDrawn(page);
  return drawn?.edges.filter((e) => e.role !== 'member').map((e) => ({ id: e.id, classes: e.classes })) ?? [];
}

describe.skipIf(!HAS_CHROMIUM)('the investigation workspace in Chromium', () => {
  const tmp = useTempDir('logonlens-investigation-e2e-');
  const app = useStaticApp();
  let dataset: string;

  beforeAll(async () => {
    const inputs = ['evtx/m2a-dcsync.evtx', 'evtx/sec-omer-size_t.evtx', 'evtx/m2a-kerbrute.evtx'];
    dataset = await analyzeFixtures(inputs, tmp.path, 'three.dataset.json');
  }, 180_000);

  const open = (): Promise<OpenedPage> => openDatasetFile(app.browser, app.server.url, dataset);

  it('lists the DCSync on open; clicking it selects its account, moves the window, shows its evidence; a reload restores it', async () => {
    const { page, seen } = await open();
    // Listed on open, and the dataset opens on its day (the first high-severity detection).
    await page
      .locator('.detections')
      .getByRole('button', { name: /^DCSync:/ })
      .waitFor();
    expect(await page.getByText('2020-08-02 (UTC day)').count()).toBe(1);
    // From another day, selecting it moves the window back to it.
    await gotoWithParams(page, 'from=2015-08-23');
    const panel = page.locator('.detections');
    const dcsync = panel.getByRole('button', { name: /^DCSync:/ }).first();
    await dcsync.waitFor();
    expect(await dcsync.locator('xpath=../span[1]').textContent()).toContain('outside this window');
    await dcsync.click();

    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2020-08-02');
    const url = new URL(page.url());
    expect(url.searchParams.get('det')).not.toBeNull();
    const sel = url.searchParams.get('sel');
    expect(sel).toMatch(/^account:/);
    expect(await dcsync.getAttribute('aria-pressed')).toBe('true');

    const evidence = page.getByRole('region', { name: 'Detection evidence' });
    await evidence.waitFor();
    await expect.poll(async () => (await evidence.locator('.evidence-events li').count()) > 0).toBe(true);
    expect(await evidence.locator('.evidence-events').textContent()).toContain('4662');
    await expect.poll(async () => (await idsWithClass(page, 'emphasis')).includes(sel!)).toBe(true);

    await page.reload();
    await page.getByTestId('status').waitFor();
    await page.getByRole('region', { name: 'Detection evidence' }).waitFor();
    expect(new URL(page.url()).searchParams.get('from')).toBe('2020-08-02');
    expect(
      await page
        .locator('.detections')
        .getByRole('button', { name: /^DCSync:/ })
        .first()
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await expect.poll(async () => (await idsWithClass(page, 'emphasis')).includes(sel!)).toBe(true);
    expect(seen.errors).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    await page.close();
  });

  /** Opens the dataset, then the same source with extra URL parameters. */
  async function openAt(query: string): Promise<OpenedPage> {
    const opened = await open();
    await gotoWithParams(opened.page, query);
    return opened;
  }

  it("draws a node's timeline; clicking an hour moves the window there", async () => {
    const { page, seen } = await openAt('from=2015-08-23&sel=host:win-l0zzq76pmuf');
    const chart = page.getByRole('img', { name: /^Events of WIN-L0ZZQ76PMUF per/ });
    await chart.waitFor();
    const hours = await page
      .locator('.timeline-bar')
      .evaluateAll((bars) =>
        bars.map((b) =>
          Number((b as unknown as { getAttribute(n: string): string }).getAttribute('data-hour')),
        ),
      );
    expect(hours.length).toBeGreaterThan(3);
    expect(await page.locator('.node-timeline .hist-window').count()).toBe(1);
    // The last bar is on 2015-09-13, three weeks after the window on screen.
    const last = Math.max(...hours);
    expect(new Date(last * 3_600_000).toISOString().slice(0, 10)).toBe('2015-09-13');
    await page.locator(`.timeline-bar[data-hour="${last}"]`).dispatchEvent('click');
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2015-09-13');
    expect(await page.locator('.window-bar, .timeline').first().textContent()).toContain('2015-09-13');
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('draws and lists the shortest path between two chosen nodes', async () => {
    const { page, seen } = await openAt('from=2015-08-23&sel=host:it104-3');
    const paths = page.getByRole('region', { name: 'Paths' });
    await paths.getByRole('button', { name: 'Path from selection' }).click();
    const ranking = page.getByRole('region', { name: 'Ranking' });
    await ranking.getByRole('button', { name: 'Administrator', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toBe('account:\\administrator');
    await paths.getByRole('button', { name: 'Path to selection' }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('path'))
      .toBe('host:it104-3~account:\\administrator');
    const list = page.getByRole('list', { name: 'Paths' });
    await list.waitFor();
    expect(await list.locator('li').first().textContent()).toContain(
      'IT104-3 → IT104-3\\Student → WIN-L0ZZQ76PMUF → Administrator',
    );
    const expected = [
      'host:it104-3',
      'account:it104-3\\student',
      'host:win-l0zzq76pmuf',
      'account:\\administrator',
    ];
    await expect
      .poll(async () => {
        const on = await idsWithClass(page, 'emphasis');
        return expected.every((id) => on.includes(id));
      })
      .toBe(true);
    // The path's three links are emphasized, the rest of the graph dimmed.
    await expect
      .poll(async () => (await drawnLinks(page)).filter((l) => l.classes.includes('emphasis')).length)
      .toBe(3);
    expect((await drawnLinks(page)).some((l) => l.classes.includes('dimmed'))).toBe(true);
    // A reload keeps it.
    await page.reload();
    await page.getByRole('list', { name: 'Paths' }).waitFor();
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('marks the new edges and, with the new-only toggle, shows only them', async () => {
    // What 2015-08-24 holds and what is new in it against 2015-08-23, from the analysis itself
    // (logon and explicit-credential edges; new paths or new kinds of logon).
    const data = JSON.parse(readFileSync(dataset, 'utf8')) as Dataset;
    const day = { from: '2015-08-24T00:00:00.000Z', to: '2015-08-25T00:00:00.000Z' };
    const view = computeView(data, day, DEFAULT_FILTERS);
    const diff = compareWindows(data, day, DEFAULT_FILTERS);
    expect(diff.newEdges.length).toBeGreaterThan(0);
    expect(diff.newEdges.length).toBeLessThan(view.edges.length);
    const { page, seen } = await openAt('from=2015-08-24');
    const status = page.getByTestId('status');
    await expect
      .poll(async () => (await status.textContent()) ?? '')
      .toMatch(new RegExp(`^${view.nodes.length} nodes · ${view.edges.length} edges`));
    const compare = page.getByRole('region', { name: 'Compare' });
    await compare.getByLabel('Compare with the previous window').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('cmp')).toBe('1');
    const summary = page.getByTestId('compare-summary');
    await expect
      .poll(async () => (await summary.textContent()) ?? '')
      .toMatch(new RegExp(`${diff.newEdges.length} new edges .*${diff.goneEdges.length} gone`));
    // The marks follow the layout, which runs in a worker: give it time on a loaded machine.
    await expect
      .poll(async () => (await drawnLinks(page)).filter((l) => l.classes.includes('new')).length, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);

    await compare.getByLabel('Only what is new').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('new')).toBe('1');
    await expect
      .poll(async () => (await status.textContent()) ?? '')
      .toMatch(new RegExp(`^\\d+ nodes · ${diff.newEdges.length} edges`));
    const shown = await drawnLinks(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((l) => l.classes.includes('new'))).toBe(true);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
