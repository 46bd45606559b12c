// Issue 14 and item 7 of issue 9 in real Chromium (not timed): views computed in the worker end on
// the latest window, a window's picture is the same whenever it is shown, WebGL falls back to the canvas cleanly,
// and a 3-node graph's labels lie inside the canvas without covering other nodes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeView, DEFAULT_FILTERS } from '../../src/core/analysis/index.js';
import type { Dataset } from '../../src/core/dataset/index.js';
import { generateDataset } from '../../src/core/dataset/testing/generate-dataset.js';
import { HAS_CHROMIUM, warnIfNoChromium } from './helpers/chromium.js';
import { gotoWithParams, openDatasetFile, type OpenedPage } from './helpers/app-page.js';
import { settledDrawn, type Box } from './helpers/cy.js';
import { useStaticApp } from './helpers/app-in-browser.js';
import { useTempDir } from './helpers/temp-dir.js';
import { REPO_ROOT } from './helpers/web-build.js';

warnIfNoChromium();

const SMALL = path.join(REPO_ROOT, 'test/fixtures/datasets/small.json');

interface Drawn {
  width: number;
  height: number;
  busy: boolean;
  renderer: string | null;
  nodes: Array<{ id: string; x: number; y: number; body: Box; label: Box }>;
}

/** The graph once nothing is computed or laid out and two readings agree. */
const settled = (page: Page): Promise<Drawn> =>
  settledDrawn(
    page,
    (d) => ({
      width: d.width,
      height: d.height,
      busy: d.busy,
      renderer: d.renderer,
      nodes: d.nodes.map((n) => ({ id: n.id, x: n.x, y: n.y, body: n.body, label: n.label })),
    }),
    { timeout: 60_000, interval: 300, stable: true },
  );

const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function dayWindow(dataset: Dataset, day: number) {
  const from = Date.parse(dataset.timeRange!.from.slice(0, 10) + 'T00:00:00Z') + day * 86_400_000;
  return { from: new Date(from).toISOString(), to: new Date(from + 86_400_000).toISOString() };
}

/**
 * What the page must show for a day (below the cap, every view node and edge is drawn; the graph
 * adds the domain nodes, left out of `ids`).
 */
function expectedDay(dataset: Dataset, day: number) {
  const view = computeView(dataset, dayWindow(dataset, day), DEFAULT_FILTERS);
  return {
    ids: view.nodes.map((n) => n.id).sort(),
    status: `${view.nodes.length.toLocaleString('en')} nodes · ${view.edges.length.toLocaleString('en')} edges`,
  };
}

const withoutDomains = (nodes: Drawn['nodes']) =>
  nodes
    .map((n) => n.id)
    .filter((id) => !id.startsWith('domain:'))
    .sort();

describe.skipIf(!HAS_CHROMIUM)('graph computed off the main thread (Chromium)', () => {
  const tmp = useTempDir('logonlens-graph14-');
  const app = useStaticApp();
  let days: string;
  let tiny: string;
  let daysData: Dataset;
  beforeAll(async () => {
    // About 1,000 elements a day: more than one slice (ADD_CHUNK), so that the graph is updated over
    // several tasks and the tests below check that too.
    daysData = generateDataset({ accounts: 300, hosts: 30, ips: 6, days: 5, edgesPerAccount: 3, seed: 11 });
    days = path.join(tmp.path, 'days.json');
    writeFileSync(days, JSON.stringify(daysData));
    tiny = path.join(tmp.path, 'tiny.json');
    writeFileSync(
      tiny,
      JSON.stringify(
        generateDataset({ accounts: 1, hosts: 1, ips: 0, days: 1, edgesPerAccount: 1, seed: 2 }),
      ),
    );
  });

  const open = (file: string): Promise<OpenedPage> =>
    openDatasetFile(app.browser, app.server.url, file, { timeout: 60_000 });

  /** The days dataset on its first day (a dataset opens on its busiest day: see story-window.ts). */
  async function openFirstDay(): Promise<OpenedPage> {
    const opened = await open(days);
    const from = dayWindow(daysData, 0).from.slice(0, 10);
    await gotoWithParams(opened.page, `from=${from}`, { timeout: 60_000 });
    return opened;
  }

  it('window changes made while a view is computed end on the latest window', async () => {
    const { page, seen } = await openFirstDay();
    await settled(page);
    const next = page.getByRole('button', { name: 'Next day' });
    // Three steps without waiting: the first ones are still computing when the next arrive.
    for (let i = 0; i < 3; i++) await next.click();
    const want = expectedDay(daysData, 3);
    expect(new URL(page.url()).searchParams.get('from')).toBe(dayWindow(daysData, 3).from.slice(0, 10));
    await expect
      .poll(() => page.getByTestId('status').textContent(), { timeout: 60_000 })
      .toMatch(new RegExp(`^${want.status} \\(`));
    const view = await settled(page);
    expect(withoutDomains(view.nodes)).toEqual(want.ids);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('nodes that stay keep their positions on a window change; Copy link then draws the fresh layout that links reproduce', async () => {
    // Issue 14: stepping through windows must not make the picture jump. Issue 13: a link draws the
    // view's fresh, deterministic layout; after the way taken changed the positions, Copy link draws
    // that fresh layout first, so the analyst sees what the colleague will see.
    const { page, seen } = await openFirstDay();
    const before = await settled(page);
    await page.getByRole('button', { name: 'Next day' }).click();
    const want = expectedDay(daysData, 1);
    await expect
      .poll(() => page.getByTestId('status').textContent(), { timeout: 60_000 })
      .toMatch(new RegExp(`^${want.status} \\(`));
    const next = await settled(page);
    expect(withoutDomains(next.nodes)).toEqual(want.ids);
    const at = new Map(before.nodes.map((n) => [n.id, n]));
    const stayed = next.nodes.filter((n) => at.has(n.id));
    expect(stayed.length).toBeGreaterThan(0);
    for (const n of stayed) {
      expect(n.x, n.id).toBeCloseTo(at.get(n.id)!.x, 3);
      expect(n.y, n.id).toBeCloseTo(at.get(n.id)!.y, 3);
    }

    // Back to the first day: the nodes of both days keep their second-day places (the way taken).
    await page.goBack();
    await expect
      .poll(() => page.getByTestId('status').textContent(), { timeout: 60_000 })
      .toMatch(new RegExp(`^${expectedDay(daysData, 0).status} \\(`));
    await settled(page);
    // Copy link lays the view out afresh: by id, the first picture again.
    await page.getByRole('button', { name: 'Copy link' }).click();
    const pos = (d: Drawn) =>
      d.nodes.map((n) => ({ id: n.id, x: n.x, y: n.y })).sort((a, b) => (a.id < b.id ? -1 : 1));
    await expect.poll(async () => pos(await settled(page)), { timeout: 60_000 }).toEqual(pos(before));
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it("a 3-node graph's labels lie inside the canvas and over no other node", async () => {
    const { page, seen } = await open(tiny);
    const view = await settled(page);
    expect(view.nodes).toHaveLength(3);
    for (const n of view.nodes) {
      expect(n.label.x1, n.id).toBeGreaterThanOrEqual(0);
      expect(n.label.y1, n.id).toBeGreaterThanOrEqual(0);
      expect(n.label.x2, n.id).toBeLessThanOrEqual(view.width);
      expect(n.label.y2, n.id).toBeLessThanOrEqual(view.height);
      for (const m of view.nodes) {
        if (m.id === n.id) continue;
        expect(overlap(n.label, m.body), `${n.id}'s label over ${m.id}`).toBe(false);
        expect(overlap(n.label, m.label), `${n.id}'s label over ${m.id}'s`).toBe(false);
      }
    }
    // The zoom is capped: three nodes do not fill the screen.
    const spanX =
      Math.max(...view.nodes.map((n) => n.body.x2)) - Math.min(...view.nodes.map((n) => n.body.x1));
    expect(spanX).toBeLessThan(view.width * 0.8);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!HAS_CHROMIUM)('WebGL unavailable (Chromium with --disable-gpu --disable-webgl)', () => {
  const app = useStaticApp({ extraArgs: ['--disable-webgl', '--disable-3d-apis'] });

  it('the WebGL setting falls back to the canvas renderer, says so, and draws the graph', async () => {
    const { page, seen } = await openDatasetFile(app.browser, app.server.url, SMALL, { timeout: 60_000 });
    expect(await page.getByLabel('WebGL').isChecked()).toBe(true);
    const view = await settled(page);
    expect(view.renderer).toBe('canvas');
    expect(view.nodes.length).toBeGreaterThan(10);
    await page.getByText(/drawing with the canvas renderer/).waitFor();
    // Toggling it off and on again keeps a drawn graph.
    await page.getByLabel('WebGL').uncheck();
    expect((await settled(page)).nodes.length).toBe(view.nodes.length);
    await page.getByLabel('WebGL').check();
    expect((await settled(page)).nodes.length).toBe(view.nodes.length);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
