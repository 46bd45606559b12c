// The UI in Japanese in real Chromium: the language kept by the switch survives a reload, and the
// screens converted so far (app shell, graph page settings, filters, notices, file opening) show no
// English UI string: their rendered text is walked against the English catalogue.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_CHROMIUM, launchChromium, warnIfNoChromium, type LaunchedBrowser } from './helpers/chromium.js';
import { watchPage } from './helpers/page-errors.js';
import { serveStatic, type StaticServer } from './helpers/static-server.js';
import { ensureWebBuild, REPO_ROOT } from './helpers/web-build.js';

warnIfNoChromium();

const SMALL = path.join(REPO_ROOT, 'test/fixtures/datasets/small.json');
const INVALID = path.join(REPO_ROOT, 'test/fixtures/datasets/invalid.json');

/** The namespaces of the screens walked here (the other features' have their own checks). */
const CHECKED = ['app', 'common', 'components', 'notices', 'view', 'filters', 'ingest'] as const;
/** The parts of the page those namespaces render. */
const AREAS = '.app-header, .notice, .toolbar, .status-line, form.filters, .panel > h2, .state-message';

type Tree = { [key: string]: string | Tree };
type Catalogue = Record<string, Tree>;

/**
 * The catalogues are web code (extensionless imports the Node typecheck refuses): loaded by path,
 * through vitest's module runner like any test import.
 */
async function catalogue(language: 'en' | 'ja'): Promise<Catalogue> {
  const file = path.join(REPO_ROOT, 'src/web/i18n', language, 'index.ts');
  const module = (await import(file)) as Record<string, Catalogue>;
  const found = module[language];
  if (found === undefined) throw new Error(`no ${language} catalogue in ${file}`);
  return found;
}
const leaves = (tree: Tree): string[] =>
  Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));

/** Fixed English messages (no placeholder, no markup) whose Japanese differs. */
async function englishOnly(): Promise<string[]> {
  const [en, ja] = await Promise.all([catalogue('en'), catalogue('ja')]);
  const out = new Set<string>();
  for (const ns of CHECKED) {
    const jaTexts = new Set(leaves(ja[ns] ?? {}));
    for (const text of leaves(en[ns] ?? {})) if (!/[{<]/.test(text) && !jaTexts.has(text)) out.add(text);
  }
  return [...out];
}

/** page.evaluate callbacks run in the page; the Node typecheck has no DOM lib, so declare what they use. */
interface PageElement {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
declare const document: {
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  createTreeWalker(root: PageElement, what: number): { nextNode(): { textContent: string | null } | null };
  documentElement: { lang: string };
};

/** The English UI strings found in the walked areas: text nodes and aria-label, title, placeholder. */
async function englishShown(page: Page): Promise<string[]> {
  const english = await englishOnly();
  return page.evaluate(
    ({ areas, english }) => {
      const wanted = new Set(english);
      const texts: string[] = [];
      for (const root of Array.from(document.querySelectorAll(areas))) {
        const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
        for (let n = walker.nextNode(); n !== null; n = walker.nextNode())
          texts.push(n.textContent?.trim() ?? '');
        for (const el of [root, ...Array.from(root.querySelectorAll('*'))])
          for (const attr of ['aria-label', 'title', 'placeholder'])
            texts.push(el.getAttribute(attr)?.trim() ?? '');
      }
      return texts.filter((t) => wanted.has(t));
    },
    { areas: AREAS, english },
  );
}

describe.skipIf(!HAS_CHROMIUM)('the UI in Japanese in Chromium', () => {
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

  it('keeps the chosen language, and the graph page shows no English UI string of its shell', async () => {
    const page = await browser.context.newPage();
    const seen = watchPage(page);
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Open a dataset to start' }).waitFor();
    // In English the walk finds the English strings (it is not vacuous).
    expect(await englishShown(page)).toContain('Open a dataset to start');
    await page.getByLabel('Language').selectOption('ja');
    await page.getByRole('heading', { name: 'データセットを開いて始めます' }).waitFor();
    expect(await englishShown(page)).toEqual([]);

    // The choice is kept: a reload (with a bad URL value, for a notice) opens in Japanese.
    await page.goto(`${server.url}/?span=month`);
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
