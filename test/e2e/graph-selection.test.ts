import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM, warnIfNoChromium } from './helpers/chromium.js';
import { openDatasetFile } from './helpers/app-page.js';
import { settledDrawn } from './helpers/cy.js';
import { watchPage } from './helpers/page-errors.js';
import { useStaticApp } from './helpers/app-in-browser.js';
import { REPO_ROOT } from './helpers/web-build.js';

warnIfNoChromium();

const SMALL = path.join(REPO_ROOT, 'test/fixtures/datasets/small.json');

/** What the page reports about the drawn graph: each node's rendered position and the viewport size. */
interface Drawn {
  width: number;
  height: number;
  busy: boolean;
  nodes: Array<{ id: string; x: number; y: number }>;
}

/** The graph once the layout has finished and two readings agree (positions on screen). */
const settled = (page: Page): Promise<Drawn> =>
  settledDrawn(
    page,
    (d) => ({
      width: d.width,
      height: d.height,
      busy: d.busy,
      nodes: d.nodes.map((n) => ({ id: n.id, x: n.rx, y: n.ry })),
    }),
    { timeout: 30_000, interval: 250, stable: true },
  );

const offCentre = (d: Drawn, n: { x: number; y: number }) => ({
  dx: Math.abs(n.x - d.width / 2) / d.width,
  dy: Math.abs(n.y - d.height / 2) / d.height,
});

describe.skipIf(!HAS_CHROMIUM)('selection from the URL (Chromium)', () => {
  const app = useStaticApp();

  it('a page opened with sel=<node> centres that node once the layout has finished', async () => {
    const { page, seen } = await openDatasetFile(app.browser, app.server.url, SMALL);
    const plain = await settled(page);
    // The node the fitted view puts farthest from the centre: the one a missed centring leaves at the edge.
    const far = [...plain.nodes].sort((a, b) => {
      const da = offCentre(plain, a);
      const db = offCentre(plain, b);
      return db.dx + db.dy - (da.dx + da.dy);
    })[0];
    if (far === undefined) throw new Error('no nodes');
    const before = offCentre(plain, far);
    expect(Math.max(before.dx, before.dy)).toBeGreaterThan(0.2);

    const url = new URL(page.url());
    url.searchParams.set('sel', far.id);
    // A link without a viewport (one with `vp` shows exactly that viewport: permalink.test.ts).
    url.searchParams.delete('vp');
    const second = await app.browser.context.newPage();
    const seen2 = watchPage(second);
    await second.goto(url.href);
    await second.getByTestId('status').waitFor();
    const view = await settled(second);
    const node = view.nodes.find((n) => n.id === far.id);
    if (node === undefined) throw new Error(`${far.id} is not drawn`);
    const after = offCentre(view, node);
    expect(after.dx).toBeLessThan(0.05);
    expect(after.dy).toBeLessThan(0.05);

    expect([...seen.errors, ...seen2.errors]).toEqual([]);
    await second.close();
    await page.close();
  });
});
