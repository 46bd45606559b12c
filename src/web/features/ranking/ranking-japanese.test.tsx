import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { computeView, DEFAULT_FILTERS } from '../../../core/analysis/index.js';
import { generateDataset } from '../../../core/dataset/testing/generate-dataset.js';
import { i18n } from '../../i18n';
import { renderWithProviders } from '../../test/render';
import { RankingList } from './ranking-list';

const view = computeView(
  generateDataset({ accounts: 30, hosts: 6, days: 2, seed: 9 }),
  null,
  DEFAULT_FILTERS,
);

describe('the ranking in Japanese', () => {
  it('names its columns and tabs and writes the reasons in Japanese', async () => {
    await act(() => i18n.changeLanguage('ja'));
    renderWithProviders(
      <RankingList view={view} initialSort="failures" selected={null} onSelect={() => {}} />,
    );
    expect(screen.getByRole('region', { name: 'ランキング' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'アカウント' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: '失敗数' })).toHaveAttribute('aria-sort', 'descending');
    const reasons = [...document.querySelectorAll('.reason')].map((r) => r.textContent ?? '');
    expect(reasons.length).toBeGreaterThan(0);
    for (const r of reasons) expect(r).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });
});

describe('switching the language', () => {
  it('rewrites the reasons on screen without a reload', async () => {
    renderWithProviders(
      <RankingList view={view} initialSort="failures" selected={null} onSelect={() => {}} />,
    );
    const first = () => document.querySelector('.reason')?.textContent ?? '';
    const english = first();
    expect(english).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    await act(() => i18n.changeLanguage('ja'));
    expect(first()).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    await act(() => i18n.changeLanguage('en'));
    expect(first()).toBe(english);
  });
});
