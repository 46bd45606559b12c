import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseViewState } from '../lib/url-state';
import { jsonResponse, resetApiStubs, sampleDataset, stubFetch } from '../lib/api/test-support';
import { renderWithProviders } from '../test/render';
import { App } from './app';
import { resetAutoOpen } from './home-datasets';

beforeEach(resetAutoOpen);
afterEach(resetApiStubs);

const source = () => parseViewState(window.location.search).state.source;

describe('the home page', () => {
  it("lists the server's datasets when there are several", async () => {
    stubFetch((req) =>
      req.path === '/api/datasets'
        ? jsonResponse(200, {
            datasets: [
              sampleDataset({ id: 'a', name: 'Case A' }),
              sampleDataset({ id: 'b', name: 'Case <b>B</b>' }),
            ],
          })
        : jsonResponse(404, { error: { code: 'not_found', message: 'no' } }),
    );
    renderWithProviders(<App />);
    const region = await screen.findByRole('region', { name: 'Datasets on the server' }, { timeout: 4000 });
    expect(region).toHaveTextContent('Case A');
    expect(screen.getByRole('link', { name: 'Case <b>B</b>' })).toHaveAttribute('href', '?source=server%3Ab');
    expect(source()).toBeNull();
  });

  it('opens the only dataset of a fresh server (the demo) directly, once', async () => {
    stubFetch((req) =>
      req.path === '/api/datasets'
        ? jsonResponse(200, { datasets: [sampleDataset({ id: 'demo', name: 'Demo: sample Security logs' })] })
        : jsonResponse(404, { error: { code: 'not_found', message: 'no' } }),
    );
    renderWithProviders(<App />);
    await waitFor(() => expect(source()).toEqual({ kind: 'server', id: 'demo' }));
  });

  it('opens the generated demo week when the server holds only the demo datasets', async () => {
    stubFetch((req) =>
      req.path === '/api/datasets'
        ? jsonResponse(200, {
            datasets: [
              sampleDataset({
                id: 'samples',
                name: 'Demo: sample Security logs',
                counts: { events: 513, edges: 9, nodes: 9 },
              }),
              sampleDataset({
                id: 'week',
                name: 'Demo: a week at CORP',
                counts: { events: 2972, edges: 9, nodes: 9 },
              }),
            ],
          })
        : jsonResponse(404, { error: { code: 'not_found', message: 'no' } }),
    );
    renderWithProviders(<App />);
    await waitFor(() => expect(source()).toEqual({ kind: 'server', id: 'week' }));
  });

  it('says nothing of a server when there is none', async () => {
    stubFetch(() => jsonResponse(404, { error: { code: 'not_found', message: 'no' } }));
    renderWithProviders(<App />);
    expect(await screen.findByRole('heading', { name: 'Open a dataset to start' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Datasets on the server' })).toBeNull();
  });
});
