// Issue 13, item 5, in Chromium: the main screens in Japanese show no English UI string. The test walks
// the rendered text and the title, aria-label and placeholder attributes, and lists every one that is a
// message of the English catalogue (log-derived names, numbers and terms the two catalogues share are
// not UI English).
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, warnIfNoChromium } from './helpers/chromium.js';
import { catalogue, leaves, shownTexts, type Shown } from './helpers/catalogue-walk.js';
import { analyzeFixtures } from './helpers/cli.js';
import { watchPage } from './helpers/page-errors.js';
import { useTempDir } from './helpers/temp-dir.js';
import { useServerApp } from './helpers/app-in-browser.js';

warnIfNoChromium();

/** The key the app keeps the language choice under (src/web/i18n/i18n.ts). */
const LANGUAGE_KEY = 'logonlens:language';

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

describe.skipIf(!HAS_CHROMIUM)('the Japanese UI in Chromium', () => {
  const app = useServerApp();
  const tmp = useTempDir('logonlens-japanese-e2e-');
  let dataset: string;

  beforeAll(async () => {
    // A DCSync, a workstation log and a Kerbrute run: detections, flags, failures and rankings.
    const inputs = ['evtx/m2a-dcsync.evtx', 'evtx/sec-omer-size_t.evtx', 'evtx/m2a-kerbrute.evtx'];
    dataset = await analyzeFixtures(inputs, tmp.path, 'story.dataset.json');
    // Chosen before the first page loads, as the switch would have kept it.
    await app.browser.context.addInitScript(
      ([key, value]) =>
        (
          globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
        ).localStorage.setItem(key, value),
      [LANGUAGE_KEY, 'ja'] as const,
    );
  }, 300_000);

  it('shows no English UI string on the home, graph and datasets screens', async () => {
    const messages = await englishMessages();
    const page = await app.browser.context.newPage();
    const seen = watchPage(page);
    const found: string[] = [];

    // Home, before a dataset is open.
    await page.goto(`${app.server.url}/`);
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
