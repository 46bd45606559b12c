import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../core/dataset/testing/generate-dataset.js';
import { i18n } from '../i18n';
import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
import { fileStore } from '../lib/file-store';
import { sha256Hex } from '../lib/hash';
import { renderWithProviders } from '../test/render';
import { App } from './app';

const dataset = generateDataset({
  accounts: 8,
  hosts: 4,
  ips: 2,
  days: 3,
  seed: 11,
  start: '2021-12-01T00:00:00Z',
});
const text = JSON.stringify(dataset);

async function keep(): Promise<string> {
  const key = await sha256Hex(text);
  await fileStore().put({ key, name: 'kept.json', size: text.length, addedAt: '2021-12-10T00:00:00Z' }, text);
  return key;
}

/** The namespaces of the app shell and of the features converted with it (the others have their own tests). */
const CHECKED = ['app', 'common', 'components', 'notices', 'view', 'filters', 'ingest', 'datasets'] as const;

type Tree = { [key: string]: string | Tree };
function leaves(tree: Tree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));
}

/**
 * English UI strings that must not show in the Japanese UI: every fixed English message (no
 * placeholder, no markup) whose Japanese differs (`WebGL`, `PageRank (LogonTracer)` are the same in both).
 */
function englishOnly(): Set<string> {
  const out = new Set<string>();
  for (const ns of CHECKED) {
    const jaTexts = new Set(leaves(ja[ns] as unknown as Tree));
    for (const text of leaves(en[ns] as unknown as Tree))
      if (!/[{<]/.test(text) && !jaTexts.has(text)) out.add(text);
  }
  return out;
}

/** Every piece of text a reader meets: text nodes, and the names and hints in attributes. */
function renderedTexts(root: HTMLElement): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const t = n.textContent?.trim();
    if (t) out.push(t);
  }
  for (const el of root.querySelectorAll('*'))
    for (const attr of ['aria-label', 'title', 'placeholder']) {
      const v = el.getAttribute(attr)?.trim();
      if (v) out.push(v);
    }
  return out;
}

describe('the app in Japanese', () => {
  it('shows the graph page, its notices and its settings with no English UI string of the app shell', async () => {
    const key = await keep();
    await act(() => i18n.changeLanguage('ja'));
    renderWithProviders(<App />, { search: `?source=file:${key}&span=month&from=2030-01-01` });
    await screen.findByTestId('status');
    await waitFor(() =>
      expect(screen.getByTestId('status').textContent).toMatch(
        /^\d+ ノード・\d+ エッジ \(ウィンドウ内の \d+ ノード・\d+ エッジ中\)$/,
      ),
    );
    expect(screen.getByRole('button', { name: 'サーバーのデータセット' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'フィルター' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '▾ ランキング' })).toBeInTheDocument();
    expect(screen.getByText(/span="month" を無視しました/)).toBeInTheDocument();
    expect(screen.getByText(/日付 2030-01-01 はこのデータセットの範囲/)).toBeInTheDocument();
    expect(screen.getByLabelText('オーバーレイ')).toHaveDisplayValue('PageRank');
    expect(screen.getByLabelText('最大ノード数')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'すべて' })).toBeChecked();

    // The areas this conversion owns (the ranking, inspector, timeline, … are other features'): the
    // header, notices, settings, status line, filters and the panels' titles.
    const english = englishOnly();
    const areas = document.querySelectorAll<HTMLElement>(
      '.app-header, .notice, .toolbar, .status-line, form.filters, .panel > h2, .state-message',
    );
    expect(areas.length).toBeGreaterThan(5);
    const found = [...areas].flatMap(renderedTexts).filter((t) => english.has(t));
    expect(found).toEqual([]);
  });

  it('shows the empty home page in Japanese', async () => {
    await act(() => i18n.changeLanguage('ja'));
    renderWithProviders(<App />);
    expect(screen.getByRole('heading', { name: 'データセットを開いて始めます' })).toBeInTheDocument();
    expect(screen.getAllByText('データセットを開く…').length).toBeGreaterThan(0);
    const english = englishOnly();
    expect(renderedTexts(document.body).filter((t) => english.has(t))).toEqual([]);
  });
});
