import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { computeView, DEFAULT_FILTERS } from '../../../core/analysis/index.js';
import { generateDataset } from '../../../core/dataset/testing/generate-dataset.js';
import { renderWithProviders } from '../../test/render';
import { rankRows } from './rank-rows';
import { MAX_ROWS, RankingList } from './ranking-list';

const view = computeView(
  generateDataset({ accounts: 30, hosts: 6, ips: 2, days: 2, seed: 9 }),
  null,
  DEFAULT_FILTERS,
);

function rowNames(): string[] {
  const body = screen.getAllByRole('rowgroup')[1]!;
  return within(body)
    .getAllByRole('row')
    .map((r) => within(r).getAllByRole('button')[0]!.textContent ?? '');
}

describe('RankingList', () => {
  it('lists accounts and hosts best first by the initial score', () => {
    renderWithProviders(
      <RankingList view={view} initialSort="pagerank" selected={null} onSelect={() => {}} />,
    );
    const expected = rankRows(view, 'pagerank', 'all').map((r) => r.label);
    expect(rowNames()).toEqual(expected.slice(0, MAX_ROWS));
    expect(screen.getByRole('columnheader', { name: 'pagerank' })).toHaveAttribute('aria-sort', 'descending');
  });

  it('sorts by another score when its header is clicked', async () => {
    renderWithProviders(
      <RankingList view={view} initialSort="pagerank" selected={null} onSelect={() => {}} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'degree' }));
    const degrees = rankRows(view, 'degree', 'all').map((r) => r.scores.degree);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    expect(rowNames()).toEqual(rankRows(view, 'degree', 'all').map((r) => r.label));
    expect(screen.getByRole('columnheader', { name: 'degree' })).toHaveAttribute('aria-sort', 'descending');
  });

  it('filters to accounts or hosts', async () => {
    renderWithProviders(<RankingList view={view} initialSort="degree" selected={null} onSelect={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Hosts' }));
    expect(rowNames().every((n) => !n.startsWith('user'))).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    expect(rowNames().every((n) => n.startsWith('user'))).toBe(true);
  });

  it('clicking a row selects its node', async () => {
    const onSelect = vi.fn();
    renderWithProviders(
      <RankingList view={view} initialSort="pagerank" selected={null} onSelect={onSelect} />,
    );
    const top = rankRows(view, 'pagerank', 'all')[0]!;
    await userEvent.click(screen.getByRole('button', { name: top.label }));
    expect(onSelect).toHaveBeenCalledExactlyOnceWith(top.id);
  });

  it('marks the selected row', () => {
    const second = rankRows(view, 'pagerank', 'all')[1]!;
    renderWithProviders(
      <RankingList view={view} initialSort="pagerank" selected={second.id} onSelect={() => {}} />,
    );
    const row = screen.getByRole('button', { name: second.label }).closest('tr')!;
    expect(row).toHaveAttribute('aria-selected', 'true');
  });

  it('says when there is nothing to rank', () => {
    const empty = computeView(
      generateDataset({ accounts: 3, hosts: 2, seed: 1 }),
      { from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' },
      DEFAULT_FILTERS,
    );
    renderWithProviders(
      <RankingList view={empty} initialSort="pagerank" selected={null} onSelect={() => {}} />,
    );
    expect(screen.getByText('Nothing to rank in this window.')).toBeInTheDocument();
  });
});
