// The UI in Japanese in real Chromium: the language kept by the switch survives a reload, and the
// screens converted so far (app shell, graph page settings, filters, notices, file opening) show no
// English UI string: their rendered text is walked against the English catalogue.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM, warnIfNoChromium } from './helpers/chromium.js';
import { catalogue, leaves, shownTexts, type Tree } from './helpers/catalogue-walk.js';
import { openHome } from './helpers/app-page.js';
import { useStaticApp } from './helpers/app-in-browser.js';
import { REPO_ROOT } from './helpers/web-build.js';

warnIfNoChromium();

const SMALL = path.join(REPO_ROOT, 'test/fixtures/datasets/small.json');
const INVALID = path.join(REPO_ROOT, 'test/fixtures/datasets/invalid.json');

/** The namespaces of the screens walked here (the other features' have their own checks). */
const CHECKED = ['app', 'common', 'components', 'notices', 'view', 'filters', 'ingest'] as const;
/** The parts of the page those namespaces render. */
const AREAS = '.app-header, .notice, .toolbar, .status-line, form.filters, .panel > h2, .state-message';

const values = (tree: Tree | undefined): string[] => [...leaves(tree ?? {}).values()];

/** Fixed English messages (no placeholder, no markup) whose Japanese differs. */
async function englishOnly(): Promise<string[]> {
  const [en, ja] = await Promise.all([catalogue('en'), catalogue('ja')]);
  const out = new Set<string>();
  for (const ns of CHECKED) {
    const jaTexts = new Set(values(ja[ns]));
    for (const text of values(en[ns])) if (!/[{<]/.test(text) && !jaTexts.has(text)) out.add(text);
  }
  return [...out];
}

/** page.evaluate callbacks run in the page; the Node typecheck has no DOM lib, so declare what they use. */
declare const document: { documentElement: { lang: string } };

/** The English UI strings found in the walked areas: text nodes and aria-label, title, placeholder. */
async function englishShown(page: Page): Promise<string[]> {
  const english = new Set(await englishOnly());
  return (await shownTexts(page, AREAS)).map((s) => s.text).filter((t) => english.has(t));
}

describe.skipIf(!HAS_CHROMIUM)('the UI in Japanese in Chromium', () => {
  const app = useStaticApp();

  it('keeps the chosen language, and the graph page shows no English UI string of its shell', async () => {
    const { page, seen } = await openHome(app.browser, app.server.url);
    // In English the walk finds the English strings (it is not vacuous).
    expect(await englishShown(page)).toContain('Open a dataset to start');
    await page.getByLabel('Language').selectOption('ja');
    await page.getByRole('heading', { name: 'データセットを開いて始めます' }).waitFor();
    expect(await englishShown(page)).toEqual([]);

    // The choice is kept: a reload (with a bad URL value, for a notice) opens in Japanese.
    await page.goto(`${app.server.url}/?span=month`);
    await page.getByRole('heading', { name: 'データセットを開いて始めます' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await page
      .getByText('span="month" を無視しました: day または week を指定してください。day を使います。')
      .waitFor();

    await page.setInputFiles('input[type=file]', SMALL);
    const status = page.getByTestId('status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(
      /^\d+ ノード・\d+ エッジ \(ウィンドウ内の \d+ ノード・\d+ エッジ中\)$/,
    );
    await page.getByRole('form', { name: 'フィルター' }).waitFor();
    await page.getByText('small.json を開きました。').waitFor();
    expect(await englishShown(page)).toEqual([]);

    await page.setInputFiles('input[type=file]', INVALID);
    await page
      .getByText(/invalid\.json を開けませんでした: 有効な LogonLens データセットではありません。/)
      .waitFor();
    expect(await englishShown(page)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
