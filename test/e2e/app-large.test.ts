import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/core/dataset/testing/generate-dataset.js';
import { HAS_CHROMIUM, warnIfNoChromium } from './helpers/chromium.js';
import { openDatasetFile } from './helpers/app-page.js';
import { useStaticApp } from './helpers/app-in-browser.js';
import { useTempDir } from './helpers/temp-dir.js';

warnIfNoChromium();

describe.skipIf(!HAS_CHROMIUM)('a window larger than the rendering cap', () => {
  const tmp = useTempDir('logonlens-large-');
  const app = useStaticApp();
  let file: string;
  beforeAll(async () => {
    file = path.join(tmp.path, 'large.json');
    // ~3,000 nodes in one day: above the default cap of 2,500 drawn nodes.
    writeFileSync(
      file,
      JSON.stringify(
        generateDataset({ accounts: 2400, hosts: 550, ips: 50, days: 1, edgesPerAccount: 3, seed: 4 }),
      ),
    );
  });

  it('draws the capped graph with a visible "showing N of M" notice, and lifting the cap draws all', async () => {
    const { page, seen, status } = await openDatasetFile(app.browser, app.server.url, file, {
      timeout: 90_000,
    });
    expect(await status.textContent()).toMatch(/^2,500 nodes · [\d,]+ edges \(of 3,00\d nodes/);
    const notice = page.getByText(/^Showing 2,500 of the 3,00\d nodes that pass the filters/);
    await notice.waitFor();
    await page.getByLabel('Max nodes').selectOption('5000');
    // A function, not a string: the app's CSP forbids evaluating strings.
    await page.waitForFunction(
      () => {
        // Runs in the page; this file is type-checked without the DOM library.
        const doc = (globalThis as { document?: { body: { textContent: string | null } } }).document;
        return !(doc?.body.textContent ?? '').includes('Showing 2,500 of');
      },
      null,
      { timeout: 90_000 },
    );
    expect(await status.textContent()).toMatch(/^3,00\d nodes/);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
