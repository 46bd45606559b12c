// Issue 9, end to end in Chromium: a dataset written by `logonlens analyze` from three real logs
// (a DCSync, a 2015 workstation log, a Kerbrute run) opened in the app as an analyst would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/server/cli/main.js';
import { HAS_SHARED_DATA, SHARED_DATA_SKIP_REASON, sharedData } from '../helpers/shared-data.js';
import { HAS_CHROMIUM, launchChromium, warnIfNoChromium, type LaunchedBrowser } from './helpers/chromium.js';
import { watchPage } from './helpers/page-errors.js';
import { serveStatic, type StaticServer } from './helpers/static-server.js';
import { ensureWebBuild } from './helpers/web-build.js';

warnIfNoChromium();
if (!HAS_SHARED_DATA) console.warn(`[skip] investigation e2e: ${SHARED_DATA_SKIP_REASON}`);

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(w, { text: () => chunks.join('') });
}

/** page.evaluate callbacks run in the page; the Node typecheck has no DOM lib. */
declare const document: { querySelector(selector: string): unknown };

/** Ids of the drawn elements with a class (emphasis, dimmed, new), read from the real Cytoscape. */
async function withClass(page: Page, cls: string): Promise<string[]> {
  return page.evaluate((c) => {
    interface Cy {
      elements(selector: string): Array<{ id(): string }>;
    }
    const container = document.querySelector('.graph-canvas') as { _cyreg?: { cy?: Cy } } | null;
    return container?._cyreg?.cy?.elements(`.${c}`).map((e) => e.id()) ?? [];
  }, cls);
}

describe.skipIf(!HAS_CHROMIUM || !HAS_SHARED_DATA)('the investigation workspace in Chromium', () => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let dir: string;
  let dataset: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logonlens-investigation-e2e-'));
    dataset = path.join(dir, 'three.dataset.json');
    const stderr = sink();
    const inputs = ['m2a-dcsync.evtx', 'sec-omer-size_t.evtx', 'm2a-kerbrute.evtx'].map((f) =>
      sharedData('evtx', f),
    );
    const code = await run(['analyze', ...inputs, '-o', dataset], { stdout: sink(), stderr });
    expect(code, stderr.text()).toBe(0);
    server = await serveStatic(ensureWebBuild());
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(): Promise<{ page: Page; seen: ReturnType<typeof watchPage> }> {
    const page = await browser.context.newPage();
    const seen = watchPage(page);
    await page.goto(`${server.url}/`);
    await page.setInputFiles('input[type=file]', dataset);
    await page.getByTestId('status').waitFor();
    return { page, seen };
  }

  it('lists the DCSync on open; clicking it selects its account, moves the window, shows its evidence; a reload restores it', async () => {
    const { page, seen } = await open();
    const panel = page.locator('.detections');
    const dcsync = panel.getByRole('button', { name: /^DCSync:/ }).first();
    await dcsync.waitFor();
    await dcsync.click();

    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2020-08-02');
    const url = new URL(page.url());
    expect(url.searchParams.get('det')).not.toBeNull();
    const sel = url.searchParams.get('sel');
    expect(sel).toMatch(/^account:/);
    expect(await dcsync.getAttribute('aria-pressed')).toBe('true');

    const evidence = page.getByRole('region', { name: 'Detection evidence' });
    await evidence.waitFor();
    await expect
      .poll(async () => (await evidence.locator('.evidence-events tbody tr').count()) > 0)
      .toBe(true);
    expect(await evidence.locator('.evidence-events').textContent()).toContain('4662');
    await expect.poll(async () => (await withClass(page, 'emphasis')).includes(sel!)).toBe(true);

    await page.reload();
    await page.getByTestId('status').waitFor();
    await page.getByRole('region', { name: 'Detection evidence' }).waitFor();
    expect(new URL(page.url()).searchParams.get('from')).toBe('2020-08-02');
    expect(
      await page
        .locator('.detections')
        .getByRole('button', { name: /^DCSync:/ })
        .first()
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await expect.poll(async () => (await withClass(page, 'emphasis')).includes(sel!)).toBe(true);
    expect(seen.errors).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    await page.close();
  });
});
