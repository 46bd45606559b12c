import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, jsonResponse, resetApiStubs, sampleJob, stubFetch } from '../lib/api/test-support';
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
