import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, warnIfNoChromium } from './helpers/chromium.js';
import { useStaticApp } from './helpers/app-in-browser.js';

warnIfNoChromium();

describe.skipIf(!HAS_CHROMIUM)('e2e helpers', () => {
  const app = useStaticApp();

  it('serves the built app, with index.html for client routes and 404 for missing files', async () => {
    const page = await app.browser.context.newPage();
    const res = await page.goto(`${app.server.url}/datasets`);
    expect(res?.status()).toBe(200);
    expect(await page.title()).toBe('LogonLens');
    const missing = await page.request.get(`${app.server.url}/nope.js`);
    expect(missing.status()).toBe(404);
    const outside = await page.request.get(`${app.server.url}/..%2f..%2fpackage.json`);
    expect(outside.status()).not.toBe(200);
    await page.close();
  });
});
