import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDataset } from '../../core/dataset/testing/generate-dataset.js';
import {
  apiError,
  jsonResponse,
  resetApiStubs,
  sampleDataset,
  sampleJob,
  stubFetch,
} from '../lib/api/test-support';
import { renderWithProviders } from '../test/render';
import { App } from './app';

afterEach(resetApiStubs);
vi.setConfig({ testTimeout: 30_000 });
const SLOW = { timeout: 8000 };

const CLUSTERS = {
  clusters: [
    {
      name: 'prod',
      url: 'https://es.corp.example:9200',
      auth: 'basic',
      indexPatterns: ['winlogbeat-*'],
      defaultIndexPattern: 'winlogbeat-*',
    },
  ],
};

describe('"Load from ES" on the datasets page', () => {
  it('opens the dialog, loads, and opens the new dataset as source=server:<id>', async () => {
    const { calls } = stubFetch((req) => {
      if (req.path === '/api/datasets' && req.method === 'GET') return jsonResponse(200, { datasets: [] });
      if (req.path === '/api/es/clusters') return jsonResponse(200, CLUSTERS);
      if (req.path === '/api/es/load')
        return jsonResponse(202, { dataset: { id: 'dsES', name: 'x' }, job: { id: 'job1' } });
      if (req.path === '/api/jobs/job1')
        return jsonResponse(200, sampleJob({ id: 'job1', datasetId: 'dsES', state: 'done' }));
      return apiError(404, 'not_found', `no route ${req.path}`);
    });
    renderWithProviders(<App />, { search: '?page=datasets' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.click(await screen.findByRole('button', { name: 'Load from ES' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: /Load from Elasticsearch/ }, SLOW);
    expect(dialog).toBeTruthy();
    await screen.findByRole('option', { name: /prod/ }, SLOW);
    await userEvent.click(screen.getByRole('button', { name: 'Load' }));
    await waitFor(() => expect(window.location.search).toContain('source=server%3AdsES'), SLOW);
    expect(new URLSearchParams(window.location.search).get('source')).toBe('server:dsES');
    expect(new URLSearchParams(window.location.search).get('page')).toBeNull();
    expect(screen.queryByRole('dialog', { name: /Load from Elasticsearch/ })).toBeNull();
    expect(calls.some((c) => c.path === '/api/es/load')).toBe(true);
  });

  it('closes the dialog without loading', async () => {
    const { calls } = stubFetch((req) => {
      if (req.path === '/api/datasets') return jsonResponse(200, { datasets: [] });
      if (req.path === '/api/es/clusters') return jsonResponse(200, CLUSTERS);
      return apiError(404, 'not_found', `no route ${req.path}`);
    });
    renderWithProviders(<App />, { search: '?page=datasets' });
    await userEvent.click(await screen.findByRole('button', { name: 'Load from ES' }, SLOW));
    await screen.findByRole('option', { name: /prod/ }, SLOW);
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: /Load from Elasticsearch/ })).toBeNull();
    expect(calls.some((c) => c.path === '/api/es/load')).toBe(false);
  });
});

describe('a server dataset loaded from a cluster', () => {
  const base = generateDataset({ accounts: 6, hosts: 3, ips: 2, days: 2, seed: 5 });
  const range = base.timeRange ?? { from: '2021-12-01T00:00:00Z', to: '2021-12-02T23:00:00Z' };
  const source = {
    kind: 'elasticsearch' as const,
    cluster: 'prod',
    indexPattern: 'winlogbeat-*',
    from: '2021-12-01T00:00:00.000Z',
    to: '2021-12-03T00:00:00.000Z',
    distribution: 'opensearch',
    version: '2.19.6',
  };
  const dataset = { ...base, sources: [source] };

  it('says where it came from and loads the next window into the same dataset', async () => {
    const { calls } = stubFetch((req) => {
      if (req.path === '/api/datasets/ds1') return jsonResponse(200, sampleDataset({ timeRange: range }));
      if (req.path === '/api/datasets/ds1/graph') return jsonResponse(200, dataset);
      if (req.path === '/api/datasets/ds1/histogram')
        return jsonResponse(200, { timeRange: range, window: null, hours: [] });
      if (req.path === '/api/es/load')
        return jsonResponse(202, { dataset: { id: 'ds1', name: 'x' }, job: { id: 'job2' } });
      if (req.path === '/api/jobs/job2')
        return jsonResponse(200, sampleJob({ id: 'job2', datasetId: 'ds1', state: 'done' }));
      return apiError(404, 'not_found', `no route ${req.path}`);
    });
    renderWithProviders(<App />, { search: '?source=server:ds1' });
    expect(await screen.findByText(/2021-12-01 00:00 → 2021-12-03 00:00 UTC/, {}, SLOW)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Load another window…' }));
    await screen.findByRole('dialog', { name: /Load another window from prod/ }, SLOW);
    // The next window: where the range ends, as long.
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2021-12-03T00:00');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('2021-12-05T00:00');
    await userEvent.click(screen.getByRole('button', { name: 'Load' }));
    await waitFor(
      () => expect(new URLSearchParams(window.location.search).get('from')).toBe('2021-12-03'),
      SLOW,
    );
    expect(calls.find((c) => c.path === '/api/es/load')?.body).toEqual({
      datasetId: 'ds1',
      from: '2021-12-03T00:00:00.000Z',
      to: '2021-12-05T00:00:00.000Z',
    });
    expect(screen.queryByRole('dialog', { name: /Load another window/ })).toBeNull();
  });

  it('shows nothing of the kind for a dataset of files', async () => {
    stubFetch((req) => {
      if (req.path === '/api/datasets/ds1') return jsonResponse(200, sampleDataset({ timeRange: range }));
      if (req.path === '/api/datasets/ds1/graph') return jsonResponse(200, base);
      if (req.path === '/api/datasets/ds1/histogram')
        return jsonResponse(200, { timeRange: range, window: null, hours: [] });
      return apiError(404, 'not_found', `no route ${req.path}`);
    });
    renderWithProviders(<App />, { search: '?source=server:ds1' });
    await screen.findByTestId('status', {}, SLOW);
    expect(screen.queryByRole('button', { name: 'Load another window…' })).toBeNull();
  });
});
