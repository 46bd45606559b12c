import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launchChromium, warnIfNoChromium, type LaunchedBrowser } from './helpers/chromium.js';
import { serveStatic, type StaticServer } from './helpers/static-server.js';
import { ensureWebBuild } from './helpers/web-build.js';

warnIfNoChromium();

describe.skipIf(!HAS_CHROMIUM)('e2e helpers', () => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    server = await serveStatic(ensureWebBuild());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves the built app, with index.html for client routes and 404 for missing files', async () => {
    const page = await browser.context.newPage();
    const res = await page.goto(`${server.url}/datasets`);
    expect(res?.status()).toBe(200);
    expect(await page.title()).toBe('LogonLens');
    const missing = await page.request.get(`${server.url}/nope.js`);
    expect(missing.status()).toBe(404);
    const outside = await page.request.get(`${server.url}/..%2f..%2fpackage.json`);
    expect(outside.status()).not.toBe(200);
    await page.close();
  });
});
