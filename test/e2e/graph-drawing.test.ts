// Issue 14, the drawing side, in real Chromium (not timed): a big view shows no node labels until
// the analyst zooms in (level of detail), shows them all once zoomed in (toggled in slices, the
// nodes in view first) and hides them again when zoomed out; its marks still show.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, warnIfNoChromium } from './helpers/chromium.js';
import { openDatasetFile } from './helpers/app-page.js';
import { moveViewport, readDrawn, settledDrawn } from './helpers/cy.js';
import { useStaticApp } from './helpers/app-in-browser.js';
import { useTempDir } from './helpers/temp-dir.js';
import { writeBigViewDataset } from './helpers/big-view-dataset.js';

warnIfNoChromium();

/** How many drawn nodes carry a class now, of how many. */
async function withClass(page: Page, cls: string): Promise<{ marked: number; nodes: number }> {
  const d = await readDrawn(page);
  const nodes = d?.nodes ?? [];
  return { marked: nodes.filter((n) => n.classes.includes(cls)).length, nodes: nodes.length };
}

describe.skipIf(!HAS_CHROMIUM)('drawing a big view (Chromium)', () => {
  const tmp = useTempDir('logonlens-graphdraw-');
  const app = useStaticApp();
  let file: string;
  beforeAll(() => {
    file = writeBigViewDataset(tmp.path);
  });

  it('labels appear past the zoom threshold and go again below it', async () => {
    const { page, seen } = await openDatasetFile(app.browser, app.server.url, file, { timeout: 90_000 });
    const fitted = await settledDrawn(page, (d) => ({ zoom: d.zoom, nodes: d.nodes.length }), {
      timeout: 90_000,
      interval: 300,
      stable: true,
    });
    expect(fitted.nodes).toBeGreaterThan(1000);
    expect(fitted.zoom).toBeLessThan(0.9);
    expect((await withClass(page, 'lod-show')).marked).toBe(0);

    await moveViewport(page, 1.5, 0, 0);
    await expect
      .poll(() => withClass(page, 'lod-show'), { timeout: 30_000 })
      .toEqual({ marked: fitted.nodes, nodes: fitted.nodes });

    await moveViewport(page, 0.3, 0, 0);
    await expect
      .poll(() => withClass(page, 'lod-show'), { timeout: 30_000 })
      .toEqual({ marked: 0, nodes: fitted.nodes });
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
