import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { storyWindow } from '../../core/analysis/index.js';
import { generateDataset } from '../../core/dataset/testing/generate-dataset.js';
import { fileStore } from '../lib/file-store';
import { sha256Hex } from '../lib/hash';
import { parseViewState } from '../lib/url-state';
import { renderWithProviders } from '../test/render';
import { App } from './app';

// One day of logons (2021-12-01) in a dataset whose range runs to 2021-12-10: most days are empty.
const base = generateDataset({
  accounts: 10,
  hosts: 4,
  ips: 2,
  days: 1,
  seed: 8,
  start: '2021-12-01T00:00:00Z',
});
const dataset = { ...base, timeRange: { from: base.timeRange!.from, to: '2021-12-10T12:00:00Z' } };
const text = JSON.stringify(dataset);

async function keep(): Promise<string> {
  const key = await sha256Hex(text);
  await fileStore().put(
    { key, name: 'sparse.json', size: text.length, addedAt: '2021-12-10T00:00:00Z' },
    text,
  );
  return key;
}

describe('opening where the story is', () => {
  it('opens without a date on the story window of the dataset', async () => {
    const key = await keep();
    renderWithProviders(<App />, { search: `?source=file:${key}` });
    await screen.findByTestId('status');
    expect(screen.getByText(`${storyWindow(dataset, 'day').from} (UTC day)`)).toBeInTheDocument();
  });

  it('an empty window says so and offers the nearest day with events', async () => {
    const key = await keep();
    renderWithProviders(<App />, { search: `?source=file:${key}&from=2021-12-06` });
    // The window is computed in a worker: give it time on a loaded machine.
    expect(
      await screen.findByRole('heading', { name: 'No events in this window' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Go to 2021-12-01, the nearest day with events' }),
    );
    await waitFor(() => expect(parseViewState(window.location.search).state.from).toBe('2021-12-01'));
    expect(await screen.findByText('2021-12-01 (UTC day)')).toBeInTheDocument();
  });
});
