// Issue 13's notes and tags in real Chromium: a note written on a node survives a reload (a file
// dataset through IndexedDB, a server dataset through SQLite), drives the tag filter, travels in the
// downloaded file or the server's export, and appears in the report made from it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../src/core/dataset/index.js';
import { renderReport } from '../../src/core/report/index.js';
import { run } from '../../src/server/cli/main.js';
import { sharedData } from '../helpers/shared-data.js';
import { HAS_CHROMIUM, launchChromium, warnIfNoChromium, type LaunchedBrowser } from './helpers/chromium.js';
import { openDatasetFile } from './helpers/app-page.js';
import { sink } from './helpers/cli.js';
import { watchPage } from './helpers/page-errors.js';
import { useTempDir } from './helpers/temp-dir.js';
import { serveStatic, type StaticServer } from './helpers/static-server.js';
import { ensureWebBuild, REPO_ROOT } from './helpers/web-build.js';
import { startServer, type RunningServer } from './server-harness.js';

warnIfNoChromium();

const SMALL = path.join(REPO_ROOT, 'test/fixtures/datasets/small.json');
const NOTE = 'Logged on over RDP at night <img src=x onerror=alert(1)>';
/** Where the test leaves its screenshots for a person to look at (LOGONLENS_SHOTS), if set. */
const SHOTS = process.env.LOGONLENS_SHOTS ?? null;

/** Selects the first row of the ranking and returns its name. */
async function selectFirstRanked(page: Page): Promise<string> {
  const row = page.locator('.ranking tbody tr').first().locator('button.link');
  await row.waitFor();
  const name = ((await row.textContent()) ?? '').trim();
  await row.click();
  await expect.poll(() => page.url()).toContain('sel=');
  return name;
}

/** The page's document, as the evaluated functions see it (this file is type-checked without the DOM). */
declare const document: { querySelector(selector: string): unknown };

/** The ids of the drawn elements with a class, read from the real Cytoscape instance. */
async function withClass(page: Page, cls: string): Promise<string[]> {
  return page.evaluate((c) => {
    interface Cy {
      elements(selector: string): Array<{ id(): string }>;
    }
    const container = document.querySelector('.graph-canvas') as { _cyreg?: { cy?: Cy } } | null;
    return container?._cyreg?.cy?.elements(`.${c}`).map((e) => e.id()) ?? [];
  }, cls);
}

/** Screenshots of the graph with its noted node, light and dark, for a person to look at. */
async function shootGraph(page: Page, name: string): Promise<void> {
  if (SHOTS === null) return;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Only for the picture: the canvas redraws on its next frame after the stylesheet swap.
    await page.waitForTimeout(500);
    await page.locator('.graph-view').screenshot({ path: path.join(SHOTS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Writes the note with the suggested tag `compromised` and saves it. */
async function writeNote(page: Page): Promise<void> {
  const editor = page.getByRole('form', { name: 'Note on this node' });
  await editor.getByLabel('Note').fill(NOTE);
  await editor.getByRole('button', { name: '+ compromised' }).click();
  await editor.getByRole('button', { name: 'Save note' }).click();
  await editor.getByText(/^Saved \d{4}-\d\d-\d\d/).waitFor();
}

/** After a reload: the note, its tag and the ranking row's marker are back. */
async function expectNoteBack(page: Page): Promise<void> {
  const editor = page.getByRole('form', { name: 'Note on this node' });
  await editor.waitFor({ timeout: 30_000 });
  await expect.poll(() => editor.getByLabel('Note').inputValue(), { timeout: 30_000 }).toBe(NOTE);
  await editor.getByRole('group', { name: 'Tags' }).getByText('compromised').waitFor();
  await page.locator('.ranking').getByRole('img', { name: 'Analyst note, tags: compromised' }).waitFor();
}

describe.skipIf(!HAS_CHROMIUM)('notes and tags in Chromium', () => {
  let browser: LaunchedBrowser;
  const tmp = useTempDir('logonlens-notes-e2e-');
  beforeAll(async () => {
    ensureWebBuild();
    browser = await launchChromium({ viewport: { width: 1500, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('a file dataset', () => {
    let server: StaticServer;
    beforeAll(async () => {
      server = await serveStatic(ensureWebBuild());
    });
    afterAll(async () => server?.close());

    it('keeps a note over a reload (IndexedDB), filters by its tag, and writes it into the downloaded file and its report', async () => {
      const { page, seen } = await openDatasetFile(browser, server.url, SMALL);
      const name = await selectFirstRanked(page);
      const sel = new URL(page.url()).searchParams.get('sel');
      expect(await withClass(page, 'noted')).toEqual([]);
      await expect(page.getByLabel('Legend').textContent()).resolves.not.toContain('analyst note');
      await writeNote(page);
      // The canvas marks the noted node, harder as it is tagged compromised, and the legend says so.
      await expect.poll(() => withClass(page, 'noted')).toEqual([sel]);
      expect(await withClass(page, 'noted-compromised')).toEqual([sel]);
      await page.getByLabel('Legend').getByText('analyst note or tag').waitFor();
      await page.getByLabel('Legend').getByText('tagged compromised').waitFor();
      await page.reload();
      await expectNoteBack(page);
      await expect.poll(() => withClass(page, 'noted')).toEqual([sel]);
      await shootGraph(page, 'noted-selected');
      await page.getByRole('button', { name: 'Clear selection' }).click();
      await expect.poll(() => page.url()).not.toContain('sel=');
      expect(await withClass(page, 'noted')).toEqual([sel]);
      await shootGraph(page, 'noted');

      // The tag filter: only the tagged node and its neighbours, in the URL.
      await page.getByLabel('Show only tagged').selectOption('compromised');
      await expect.poll(() => page.url()).toContain('tag=compromised');
      await page.getByText(/Tagged in this window: 1, shown with their neighbours/).waitFor();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the dataset with its notes' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^logonlens-.*-notes-\d{4}-\d\d-\d\dT\d{6}Z\.json$/);
      const file = path.join(tmp.path, 'with-notes.json');
      await download.saveAs(file);
      const parsed = parseDatasetText(readFileSync(file, 'utf8'));
      if (!parsed.ok) throw new Error(parsed.problems.join('; '));
      expect(parsed.dataset.annotations).toEqual([
        {
          target: { kind: 'node', id: expect.any(String) },
          note: NOTE,
          tags: ['compromised'],
          updated: expect.stringMatching(/Z$/),
        },
      ]);
      const html = renderReport(parsed.dataset, { window: null, generatedAt: new Date().toISOString() });
      expect(html).toContain('Analyst notes (1)');
      expect(html).toContain('Logged on over RDP at night &lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain(`node ${name.replace(/&/g, '&amp;').replace(/</g, '&lt;')}`);

      // Deleting the note takes its mark off the canvas and the legend (opened again on the node).
      const again = new URL(page.url());
      again.searchParams.delete('tag');
      again.searchParams.set('sel', sel ?? '');
      await page.goto(again.href);
      // A whole page load, a view from the worker and a layout: more than poll's default second on a
      // busy machine (this waits for the mark; it does not time it).
      await expect.poll(() => withClass(page, 'noted'), { timeout: 15_000 }).toEqual([sel]);
      await page
        .getByRole('form', { name: 'Note on this node' })
        .getByRole('button', { name: 'Delete note' })
        .click();
      await expect.poll(() => withClass(page, 'noted')).toEqual([]);
      expect(await withClass(page, 'noted-compromised')).toEqual([]);
      await expect.poll(() => page.getByLabel('Legend').textContent()).not.toContain('analyst note');
      expect(seen.errors).toEqual([]);
      await page.close();
    });

    it('marks a noted link on the graph, and unmarks it when the note goes', async () => {
      const page = await browser.context.newPage();
      const seen = watchPage(page);
      await page.goto(`${server.url}/`);
      await page.setInputFiles('input[type=file]', SMALL);
      await page.locator('.ranking tbody tr').first().waitFor();
      // A drawn logon link (not a domain membership), selected as a click on it would.
      const firstLink = () =>
        page.evaluate(() => {
          interface Cy {
            edges(selector: string): Array<{ id(): string }>;
          }
          const container = document.querySelector('.graph-canvas') as { _cyreg?: { cy?: Cy } } | null;
          return container?._cyreg?.cy?.edges('[role = "to"]')[0]?.id() ?? null;
        });
      await expect.poll(firstLink).toMatch(/^link:/);
      const link = await firstLink();
      const url = new URL(page.url());
      url.searchParams.set('sel', link ?? '');
      await page.goto(url.href);
      const editor = page.getByRole('form', { name: 'Note on this link' });
      await editor.getByLabel('Note').fill('lateral movement?');
      await editor.getByRole('button', { name: 'Save note' }).click();
      await editor.getByText(/^Saved \d{4}-\d\d-\d\d/).waitFor();
      await expect.poll(async () => (await withClass(page, 'noted')).includes(link ?? '')).toBe(true);
      expect(await withClass(page, 'noted-compromised')).not.toContain(link);
      await editor.getByRole('button', { name: 'Delete note' }).click();
      await expect.poll(async () => (await withClass(page, 'noted')).includes(link ?? '')).toBe(false);
      expect(seen.errors).toEqual([]);
      await page.close();
    });
  });

  describe('a server dataset', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ webRoot: ensureWebBuild() });
    });
    afterAll(async () => server?.close());

    it('keeps a note over a reload (SQLite), and `logonlens report` of the export lists it', async () => {
      const form = new FormData();
      form.append('file', new Blob([readFileSync(sharedData('evtx', 'm2a-dcsync.evtx'))]), 'dcsync.evtx');
      form.append('name', 'dcsync');
      const created = (await (
        await fetch(`${server.url}/api/datasets`, { method: 'POST', body: form })
      ).json()) as {
        dataset: { id: string };
        job: { id: string };
      };
      await expect
        .poll(
          async () =>
            ((await (await fetch(`${server.url}/api/jobs/${created.job.id}`)).json()) as { state: string })
              .state,
          { timeout: 60_000 },
        )
        .toBe('done');

      const page = await browser.context.newPage();
      const seen = watchPage(page);
      await page.goto(`${server.url}/?source=server:${created.dataset.id}`);
      await selectFirstRanked(page);
      await writeNote(page);
      await page.reload();
      await expectNoteBack(page);
      expect(seen.errors).toEqual([]);
      await page.close();

      const exported = await fetch(`${server.url}/api/datasets/${created.dataset.id}/export?format=json`);
      const file = path.join(tmp.path, 'server-export.json');
      writeFileSync(file, await exported.text());
      const stdout = sink();
      const stderr = sink();
      expect(await run(['report', file, '-o', '-'], { stdout, stderr }), stderr.text()).toBe(0);
      expect(stdout.text()).toContain('Analyst notes (1)');
      expect(stdout.text()).toContain('Logged on over RDP at night &lt;img src=x onerror=alert(1)&gt;');
      expect(stdout.text()).toContain('<span class="tag">compromised</span>');
    });
  });
});
