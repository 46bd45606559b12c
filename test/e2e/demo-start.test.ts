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
 * What `npm start` does on a fresh data directory (`serve --demo`), then the link it prints, opened
 * in real Chromium: the demo week's graph on the day of its attack, with the spraying workstation
 * among the first of the ranking.
 */
warnIfNoChromium();

describe.skipIf(!HAS_CHROMIUM)('the demo link printed by npm start (Chromium)', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'logonlens-demo-e2e-'));
    server = await startServer(
      { host: '127.0.0.1', port: 0, dataDir, token: null, demo: true },
      { logger: silentLogger, webRoot: ensureWebBuild() },
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the demo week on the day of its attack, WS17 ranked near the top', async () => {
    const link = await server.demoUrl;
    expect(link).not.toBeNull();
    const page = await browser.context.newPage();
    const seen = watchPage(page);
    await page.goto(link!);
    await page.getByText(`${ATTACK.day} (UTC day)`).waitFor({ timeout: 30_000 });
    const ranking = page.getByRole('region', { name: 'Ranking' });
    const rows = ranking.locator('tbody tr');
    await expect.poll(async () => await rows.count(), { timeout: 30_000 }).toBeGreaterThan(3);
    const top = (await rows.allTextContents()).slice(0, 3).join(' | ');
    expect(top).toContain(ATTACK.source);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
