// Issue 13, item 5, in Chromium: the main screens in Japanese show no English UI string. The test walks
// the rendered text and the title, aria-label and placeholder attributes, and lists every one that is a
// message of the English catalogue (log-derived names, numbers and terms the two catalogues share are
// not UI English).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/server/cli/main.js';
import { sharedData } from '../helpers/shared-data.js';
import { HAS_CHROMIUM, launchChromium, warnIfNoChromium, type LaunchedBrowser } from './helpers/chromium.js';
import { watchPage } from './helpers/page-errors.js';
import { startServer, type RunningServer } from './server-harness.js';
import { ensureWebBuild, REPO_ROOT } from './helpers/web-build.js';

warnIfNoChromium();

/** The key the app keeps the language choice under (src/web/i18n/i18n.ts). */
const LANGUAGE_KEY = 'logonlens:language';

type Tree = { [key: string]: string | Tree };

/**
 * A language's whole catalogue, as the app bundles it. Loaded by path: the web's modules resolve the
 * bundler's way, which the Node typecheck of the tests does not follow (vitest loads them as Vite does).
 */
async function catalogue(language: 'en' | 'ja'): Promise<Tree> {
  const file = path.join(REPO_ROOT, 'src/web/i18n', language, 'index.ts');
  const module = (await import(file)) as Record<string, Tree>;
  return module[language]!;
}

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(at, value);
    else for (const [k, v] of leaves(value, at)) out.set(k, v);
  }
  return out;
}

interface EnglishMessage {
  key: string;
  /** The whole text of an element or attribute that is this message (placeholders match anything). */
  pattern: RegExp;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The English messages a Japanese screen must not show: those whose Japanese differs, that are not
 * also a Japanese message somewhere (a shared term such as "PageRank" or "Sigma"), and that hold an
 * English word of their own (a message that is only `{{text}}` or `{{detail}} ×{{count}}` says nothing
 * in English; one with parameters needs two words, or "{{count}} {{events}} for {{accounts}}" would
 * claim any text with "for" in it). Markup in a message (`<strong>…</strong>`) matches what it wraps.
 */
async function englishMessages(): Promise<EnglishMessage[]> {
  const english = leaves(await catalogue('en'));
  const japanese = leaves(await catalogue('ja'));
  const japaneseTexts = new Set(japanese.values());
  const out: EnglishMessage[] = [];
  for (const [key, text] of english) {
    if (japanese.get(key) === text || japaneseTexts.has(text)) continue;
    const literal = text.replace(/\{\{[^}]*\}\}/g, ' ').replace(/<[^>]*>/g, ' ');
    const words = literal.match(/[A-Za-z]{3,}/g) ?? [];
    const templated = literal !== text;
    if (!/[A-Za-z]{2,}/.test(literal) || (templated && words.length < 2)) continue;
    const source = text
      .split(/(\{\{[^}]*\}\}|<[^>]*>)/)
      .map((part) => (/^(\{\{|<)/.test(part) ? '[\\s\\S]*' : escapeRegExp(part.trim())))
      .join('\\s*');
    out.push({ key, pattern: new RegExp(`^\\s*${source}\\s*$`) });
  }
  return out;
}

/** A text node or an attribute as the page shows it, with where it is. */
interface Shown {
  text: string;
  where: string;
}

/** page.evaluate callbacks run in the page; the Node typecheck has no DOM lib, so declare what they use. */
interface PageElement {
  tagName: string;
  className: unknown;
  parentElement: PageElement | null;
  getAttribute(name: string): string | null;
}
interface PageNode {
  nodeValue: string | null;
  parentElement: PageElement | null;
}
declare const document: {
  body: PageNode;
  createTreeWalker(root: PageNode, whatToShow: number): { nextNode(): PageNode | null };
  querySelectorAll(selector: string): ArrayLike<PageElement>;
};

/** Every text node and title/aria-label/placeholder attribute of the page, outside scripts and styles. */
async function shownTexts(page: Page): Promise<Shown[]> {
  return page.evaluate(() => {
    const where = (el: PageElement | null): string => {
      const parts: string[] = [];
      for (let e = el; e !== null && parts.length < 3; e = e.parentElement) {
        const cls =
          typeof e.className === 'string' && e.className !== '' ? `.${e.className.split(' ')[0]}` : '';
        parts.unshift(`${e.tagName.toLowerCase()}${cls}`);
      }
      return parts.join(' > ');
    };
    const out: Array<{ text: string; where: string }> = [];
    const SHOW_TEXT = 4;
    const walker = document.createTreeWalker(document.body, SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const tag = n.parentElement?.tagName.toLowerCase();
      if (tag === 'script' || tag === 'style') continue;
      const text = (n.nodeValue ?? '').trim();
      if (text !== '') out.push({ text, where: where(n.parentElement) });
    }
    const elements = document.querySelectorAll('[title], [aria-label], [placeholder]');
    for (let i = 0; i < elements.length; i++) {
      const el = elements[i]!;
      for (const name of ['title', 'aria-label', 'placeholder']) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push({ text: value, where: `${where(el)} [${name}]` });
      }
    }
    return out;
  });
}

/** The English UI strings among what a screen shows: `screen: "text" (key) at element`. */
function englishOn(screen: string, shown: readonly Shown[], messages: readonly EnglishMessage[]): string[] {
  const found: string[] = [];
  for (const s of shown) {
    if (!/[A-Za-z]{2,}/.test(s.text)) continue; // numbers, times, symbols
    const hit = messages.find((m) => m.pattern.test(s.text));
    if (hit !== undefined) found.push(`${screen}: ${JSON.stringify(s.text)} (${hit.key}) at ${s.where}`);
  }
  return found;
}

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

describe.skipIf(!HAS_CHROMIUM)('the Japanese UI in Chromium', () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let dir: string;
  let dataset: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logonlens-japanese-e2e-'));
    dataset = path.join(dir, 'story.dataset.json');
    const stderr = sink();
    // A DCSync, a workstation log and a Kerbrute run: detections, flags, failures and rankings.
    const inputs = ['m2a-dcsync.evtx', 'sec-omer-size_t.evtx', 'm2a-kerbrute.evtx'].map((f) =>
      sharedData('evtx', f),
    );
    const code = await run(['analyze', ...inputs, '-o', dataset], { stdout: sink(), stderr });
    expect(code, stderr.text()).toBe(0);
    server = await startServer({ webRoot: ensureWebBuild() });
    browser = await launchChromium();
    // Chosen before the first page loads, as the switch would have kept it.
    await browser.context.addInitScript(
      ([key, value]) =>
        (
          globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
        ).localStorage.setItem(key, value),
      [LANGUAGE_KEY, 'ja'] as const,
    );
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows no English UI string on the home, graph and datasets screens', async () => {
    const messages = await englishMessages();
    const page = await browser.context.newPage();
    const seen = watchPage(page);
    const found: string[] = [];

    // Home, before a dataset is open.
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'データセットを開いて始めます' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    found.push(...englishOn('home', await shownTexts(page), messages));

    // The graph with the dataset: detections, coverage, ranking, legend, timeline, window bar.
    await page.setInputFiles('input[type=file]', dataset);
    await page.getByTestId('status').waitFor();
    const detection = page
      .locator('.detections')
      .getByRole('button', { name: /^DCSync:/ })
      .first();
    await detection.waitFor();
    found.push(...englishOn('graph', await shownTexts(page), messages));

    // A detection selected: its evidence, the inspector of its account, that account's timeline.
    await detection.click();
    await page.getByRole('region', { name: '検知の根拠' }).waitFor();
    await page.locator('.inspector .reasons li').first().waitFor();
    await page.locator('.node-timeline').first().waitFor();
    found.push(...englishOn('graph with a detection selected', await shownTexts(page), messages));

    // The investigation tools on the selection: focus, chains, comparison with the previous window.
    await page.getByRole('button', { name: '選択したノードにフォーカス' }).click();
    await page.getByRole('button', { name: '選択したノードからの連鎖' }).click();
    await page.getByRole('checkbox', { name: '直前の時間枠と比較' }).check();
    await page.getByTestId('compare-summary').waitFor();
    found.push(...englishOn('investigate', await shownTexts(page), messages));

    // The server's datasets page.
    await page.getByRole('button', { name: 'サーバーのデータセット' }).click();
    await page.locator('#datasets-title').waitFor();
    await page.waitForLoadState('networkidle'); // the list query has answered (empty or listed)
    found.push(...englishOn('datasets', await shownTexts(page), messages));

    expect(seen.errors).toEqual([]);
    expect([...new Set(found)]).toEqual([]);
  });
});
