// Issue 13's exports for a dataset on the server, in real Chromium against the real server: the
// dataset cut and the report come from the server's window export (uncapped, unfiltered), the CSV
// from the view on screen; all through the app's token-aware client and its CSP.
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/core/dataset/index.js';
import { sharedData } from '../helpers/shared-data.js';
import { HAS_CHROMIUM, warnIfNoChromium } from './helpers/chromium.js';
import { watchPage } from './helpers/page-errors.js';
import { useServerApp } from './helpers/app-in-browser.js';

warnIfNoChromium();

const SAMPLE = 'm2a-dcsync.evtx';

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const d = dl as Download;
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}

describe.skipIf(!HAS_CHROMIUM)('exports of a server dataset (Chromium + server)', () => {
  const app = useServerApp();
  let page: Page;
  let seen: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    page = await app.browser.context.newPage();
    seen = watchPage(page);
    await page.goto(`${app.server.url}/?page=datasets`);
    await page.getByLabel(/Log files/).setInputFiles(sharedData('evtx', SAMPLE));
    await page.getByLabel('Name (optional)').fill('=cmd dcsync');
    await page.getByRole('button', { name: 'Upload' }).click();
    const entry = page.getByRole('listitem', { name: `Upload of ${SAMPLE}` });
    await entry.getByRole('button', { name: 'Open in graph' }).waitFor({ timeout: 60_000 });
    await entry.getByRole('button', { name: 'Open in graph' }).click();
    await page.waitForURL(/source=server(%3A|:)ds_/);
    await page.locator('[data-testid="status"]').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Export', exact: true }).click();
  });

  it('writes the window’s dataset from the server’s export: valid, cut to the window', async () => {
    const file = await download(page, 'Dataset of the window (JSON)');
    expect(file.name).toMatch(
      /^logonlens_cmd-dcsync_\d{8}T000000Z_\d{8}T000000Z_\d{8}T\d{6}Z_dataset\.json$/,
    );
    const checked = validateDataset(JSON.parse(file.text));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.dataset.window).not.toBeNull();
    expect(checked.dataset.detections.map((d) => d.kind)).toContain('dcsync');
  });

  it('writes the report of the window with its detection, and the CSV of the view', async () => {
    const report = await download(page, 'Offline report (HTML)');
    expect(report.text).toContain('DCSync: OFFSEC\\admmig requested directory replication');
    expect(report.text).toContain('Content-Security-Policy');
    const nodes = await download(page, 'Nodes (CSV)');
    const rows = nodes.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toMatch(/^rank,label,kind,/);
    expect(rows.length).toBeGreaterThan(1);
    // The dataset's name (a formula here) in its column is neutralized like every cell.
    expect(rows.slice(1).every((r) => r.includes(`,"'=cmd dcsync",`))).toBe(true);
  });

  it('raised no error in the app', () => {
    expect(seen.errors).toEqual([]);
    expect(seen.dialogs).toEqual([]);
  });
});
