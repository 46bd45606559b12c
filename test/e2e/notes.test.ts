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

/** Selects the first row of the ranking and returns its name. */
async function selectFirstRanked(page: Page): Promise<string> {
  const row = page.locator('.ranking tbody tr').first().locator('button.link');
  await row.waitFor();
  const name = ((await row.textContent()) ?? '').trim();
  await row.click();
  await expect.poll(() => page.url()).toContain('sel=');
  return name;
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
      await writeNote(page);
      await page.reload();
      await expectNoteBack(page);

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
