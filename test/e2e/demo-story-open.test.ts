import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACK } from '../../src/server/demo/story/attack.js';
import { silentLogger } from '../../src/server/logger.js';
import { startServer, type RunningServer } from '../../src/server/main.js';
import { HAS_CHROMIUM, launchChromium, warnIfNoChromium, type LaunchedBrowser } from './helpers/chromium.js';
import { watchPage } from './helpers/page-errors.js';
import { ensureWebBuild } from './helpers/web-build.js';

/**
 * Issue 9, "open where the story is", on the demo of a fresh `npm start`: the home page opens the
 * demo week, which without a date lands on the day of its attack (its first high-severity
 * detection), with the DCSync listed in the detections panel; back home, the datasets are listed.
 */
warnIfNoChromium();

describe.skipIf(!HAS_CHROMIUM)('the demo opens on its attack (Chromium)', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'logonlens-demo-story-e2e-'));
    server = await startServer(
      { host: '127.0.0.1', port: 0, dataDir, token: null, demo: true },
      { logger: silentLogger, webRoot: ensureWebBuild() },
    );
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the demo week from the home page, on its attack, without a date in the link', async () => {
    const link = await server.demoUrl;
    expect(link).not.toBeNull();
    const demoSource = new URL(link!).searchParams.get('source');
    const page = await browser.context.newPage();
    const seen = watchPage(page);

    // A fresh server holds only the demo datasets: its home page opens the generated week.
    await page.goto(`${new URL(link!).origin}/`);
    await expect
      .poll(() => new URL(page.url()).searchParams.get('source'), { timeout: 30_000 })
      .toBe(demoSource);
    await page.getByText(`${ATTACK.day} (UTC day)`).waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('from')).toBeNull();
    const dcsync = page.locator('.detections').getByRole('button', { name: /^DCSync/ });
    await dcsync.first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.detections').textContent()).toContain('in this window');

    // Back home (the LogonLens link), the datasets are listed and nothing opens by itself again.
    await page.getByRole('link', { name: 'LogonLens' }).click();
    const home = page.getByRole('region', { name: 'Datasets on the server' });
    await expect.poll(async () => await home.locator('li').count(), { timeout: 30_000 }).toBe(2);
    expect(new URL(page.url()).searchParams.get('source')).toBeNull();
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
