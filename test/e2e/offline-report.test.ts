// Issue 13's offline report in a real browser: the file written by `logonlens report` opens from
// file:// with the network blocked, shows the DCSync detection and the notes, runs its own script
// (allowed by its CSP hash: a wrong hash would leave the table unsortable and log a CSP error) and
// never runs log text.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchChromium, warnIfNoChromium, type LaunchedBrowser } from './helpers/chromium.js';
import { analyzeFixtures, runCli } from './helpers/cli.js';
import { watchPage } from './helpers/page-errors.js';
import { useTempDir } from './helpers/temp-dir.js';

warnIfNoChromium();

const HOSTILE = '<img src=x onerror=alert(1)>10.23.23.9\u202E';

interface DatasetFile {
  nodes: Array<{ kind: string; label: string }>;
  detections: Array<{ id: string }>;
}

describe.skipIf(!HAS_CHROMIUM)('the offline report, opened from file:// with the network blocked', () => {
  let browser: LaunchedBrowser;
  const tmp = useTempDir('logonlens-report-e2e-');
  let page: Page;
  let seen: ReturnType<typeof watchPage>;
  const network: string[] = [];

  beforeAll(async () => {
    const dataset = await analyzeFixtures(['evtx/m2a-dcsync.evtx'], tmp.path, 'dcsync.json');
    // A hostile label and a note, as an attacker's log and an analyst's export would hold them.
    const value = JSON.parse(readFileSync(dataset, 'utf8')) as DatasetFile;
    const ip = value.nodes.find((n) => n.kind === 'ip');
    if (ip === undefined) throw new Error('the DCSync dataset has no IP node');
    ip.label = HOSTILE;
    const annotations = [
      {
        target: { kind: 'detection', id: value.detections[0]!.id },
        note: 'DCSync by admmig: confirmed',
        tags: ['compromised'],
      },
    ];
    writeFileSync(dataset, JSON.stringify({ ...value, annotations }));
    const report = path.join(tmp.path, 'report.html');
    await runCli(['report', dataset, '-o', report]);

    browser = await launchChromium({ viewport: { width: 1300, height: 900 } });
    await browser.context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      network.push(url);
      return route.abort();
    });
    page = await browser.context.newPage();
    seen = watchPage(page);
    await browser.context.setOffline(true);
    await page.goto(pathToFileURL(report).href);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the DCSync detection with its evidence, the notes and the sources', async () => {
    const detections = page.locator('#detections');
    await expect
      .poll(() => detections.textContent())
      .toContain('DCSync: OFFSEC\\admmig requested directory replication');
    expect(await detections.textContent()).toMatch(/Evidence record IDs\s*\d+/);
    const notes = await page.locator('#notes').textContent();
    expect(notes).toContain('DCSync by admmig: confirmed');
    expect(notes).toContain('compromised');
    expect(await page.locator('#sources').textContent()).toMatch(/m2a-dcsync\.evtx.*[0-9a-f]{64}/s);
  });

  it('applies its own stylesheet (allowed by hash) and shows hostile text as text', async () => {
    // A string expression: this file is type-checked without the DOM library.
    const background = await page.evaluate(
      'getComputedStyle(document.querySelector("#rankings thead th")).backgroundColor',
    );
    expect(background).toBe('rgb(243, 244, 246)');
    expect(await page.locator('#rankings').textContent()).toContain(
      '<img src=x onerror=alert(1)>10.23.23.9<U+202E>',
    );
    expect(await page.locator('img').count()).toBe(0);
  });

  it('sorts and filters the ranking table with its script', async () => {
    const names = (): Promise<string[]> =>
      page.locator('#rankings tbody tr:not([hidden]) td:nth-child(2)').allTextContents();
    expect(await names()).toHaveLength(3);
    await page.locator('#rankings thead th:nth-child(2) button').click();
    const ascending = await names();
    expect(ascending[0]).toContain('<img'); // PageRank order put OFFSEC\\admmig first
    expect(ascending).toEqual([...ascending].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    await page.locator('#rankings thead th:nth-child(2) button').click();
    expect(await names()).toEqual([...ascending].reverse());
    await page.getByLabel('Filter nodes').fill('rootdc');
    expect(await names()).toEqual(['ROOTDC1']);
    expect(await page.locator('[data-count="rankings"]').textContent()).toBe('1 of 3 rows');
    await page.getByLabel('Filter nodes').fill('');
    expect(await names()).toHaveLength(3);
  });

  it('selects a node from the graph and from the table, and zooms', async () => {
    // The shape itself: the group's box also holds the label, whose middle may be off the shape.
    await page.locator('#graph g.node[data-n="0"] > :first-child').click();
    expect(await page.locator('#selected-node').textContent()).toMatch(/^OFFSEC\\admmig \(2 neighbours\)$/);
    expect(await page.locator('#rankings tr.sel').count()).toBe(1);
    await page.locator('#rankings tbody tr', { hasText: 'ROOTDC1' }).click();
    expect(await page.locator('#selected-node').textContent()).toMatch(/^ROOTDC1 \(1 neighbours\)$/);
    await page.locator('#detections').getByRole('button', { name: 'OFFSEC\\admmig' }).click();
    expect(await page.locator('#selected-node').textContent()).toMatch(/^OFFSEC\\admmig \(2 neighbours\)$/);
    await page.locator('#rankings tbody tr', { hasText: 'ROOTDC1' }).click();
    const before = await page.locator('#graph').getAttribute('viewBox');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await page.locator('#graph').getAttribute('viewBox')).not.toBe(before);
    await page.getByRole('button', { name: 'Reset view' }).click();
    expect(await page.locator('#graph').getAttribute('viewBox')).toBe(before);
    // Wheel zooms around the pointer, a drag pans; the view stays zoomed until reset.
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.wheel(0, -200);
    const zoomed = await page.locator('#graph').getAttribute('viewBox');
    expect(zoomed).not.toBe(before);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + 60, { steps: 4 });
    await page.mouse.up();
    const panned = (await page.locator('#graph').getAttribute('viewBox'))!.split(' ').map(Number);
    const [zx, zy, zw] = zoomed!.split(' ').map(Number);
    expect(panned[0]).toBeLessThan(zx!);
    expect(panned[1]).toBeLessThan(zy!);
    expect(panned[2]).toBe(zw);
    // Ending a drag on empty space is not a click that clears the selection.
    expect(await page.locator('#selected-node').textContent()).toMatch(/^ROOTDC1/);
  });

  it('made no network request, raised no error (no CSP violation) and ran no log text', () => {
    expect(network).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(seen.dialogs).toEqual([]);
  });
});
