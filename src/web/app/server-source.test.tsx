import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDataset } from '../../core/dataset/testing/generate-dataset.js';
import { apiKeys } from '../lib/api';
import {
  apiError,
  jsonResponse,
  resetApiStubs,
  sampleDataset,
  stubFetch,
  type StubRequest,
} from '../lib/api/test-support';
import { renderWithProviders } from '../test/render';
import { App } from './app';
import { serverViewState } from './data-source';
import { DEFAULT_VIEW } from '../lib/url-state';

afterEach(resetApiStubs);

// A server dataset over three days; the server's graph answer is the dataset itself (the app cuts
// it again to the window, which is a no-op for a real server's answer).
const dataset = generateDataset({ accounts: 8, hosts: 4, ips: 2, days: 3, seed: 3 });
const range = dataset.timeRange ?? { from: '2021-12-01T00:00:00Z', to: '2021-12-03T23:00:00Z' };
const firstHour = Math.floor(Date.parse(range.from) / 3_600_000);
// A histogram no window of the dataset could give: its maximum names where it came from.
const HOURS: Array<[number, number]> = [
  [firstHour, 5],
  [firstHour + 30, 777],
  [firstHour + 60, 9],
];

function server(over: { histogram?: () => Response; detections?: () => Response } = {}) {
  return stubFetch((req: StubRequest) => {
    if (req.path === '/api/datasets/ds1/detections' && over.detections) return over.detections();
    if (req.path === '/api/datasets/ds1') return jsonResponse(200, sampleDataset({ timeRange: range }));
    if (req.path === '/api/datasets/ds1/graph') return jsonResponse(200, dataset);
    if (req.path === '/api/datasets/ds1/histogram')
      return over.histogram?.() ?? jsonResponse(200, { timeRange: range, window: null, hours: HOURS });
    return apiError(404, 'not_found', `no route ${req.path}`);
  });
}

const graphCalls = (calls: StubRequest[]) => calls.filter((c) => c.path === '/api/datasets/ds1/graph');
const caption = () => document.querySelector('.histogram figcaption')?.textContent ?? '';

describe('serverViewState', () => {
  it("keeps the URL's date, else takes the dataset's first day once its range is known", () => {
    const state = { ...DEFAULT_VIEW, source: { kind: 'server' as const, id: 'ds1' } };
    expect(serverViewState({ ...state, from: '2021-12-02' }, undefined)?.from).toBe('2021-12-02');
    expect(serverViewState(state, undefined)).toBeNull();
    expect(
      serverViewState(state, { timeRange: { from: '2021-12-01T08:00:00Z', to: '2021-12-05T00:00:00Z' } })
        ?.from,
    ).toBe('2021-12-01');
    expect(serverViewState(state, { timeRange: null })?.from).toBeNull();
  });
});

describe('a server dataset in the graph view', () => {
  it('without a date: opens on the busiest day (no detection), asking /graph for exactly that day', async () => {
    const { calls } = server();
    const { client } = renderWithProviders(<App />, { search: '?source=server:ds1' });
    await screen.findByTestId('status', {}, { timeout: 5000 });
    // The histogram's busiest hour (777 events) is 30 hours after the first.
    const day = new Date((firstHour + 30) * 3_600_000).toISOString().slice(0, 10);
    const graphs = graphCalls(calls);
    expect(graphs.length).toBeGreaterThan(0);
    // Never the whole dataset: every graph request carries the window.
    for (const g of graphs) {
      expect(g.query.get('from')).toBe(`${day}T00:00:00Z`);
      expect(g.query.get('to')).toBe(
        `${new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 19)}Z`,
      );
    }
    // The detections and the histogram came first.
    const firstHistogram = calls.findIndex((c) => c.path === '/api/datasets/ds1/histogram');
    const firstGraph = calls.findIndex((c) => c.path === '/api/datasets/ds1/graph');
    expect(firstHistogram).toBeGreaterThanOrEqual(0);
    expect(firstHistogram).toBeLessThan(firstGraph);
    // The cached graph is keyed on the window.
    const key = apiKeys.graph('ds1', {
      from: graphs[0]?.query.get('from') ?? '',
      to: graphs[0]?.query.get('to') ?? '',
      ...DEFAULT_VIEW.filters,
    });
    expect(client.getQueryData(key)).toBeDefined();
  });

  it('without a date: opens on the day of the first high-severity detection', async () => {
    const detection = {
      id: 'dcsync:1',
      kind: 'dcsync',
      title: 'DCSync by alice',
      severity: 'high',
      nodes: [dataset.nodes[0]!.id],
      first: range.to,
      last: range.to,
      count: 1,
      detail: '',
      evidence: { eventIds: [4662], recordIds: [7], computers: [] },
    };
    const { calls } = server({
      detections: () => jsonResponse(200, { timeRange: range, detections: [detection] }),
    });
    renderWithProviders(<App />, { search: '?source=server:ds1' });
    await screen.findByTestId('status', {}, { timeout: 5000 });
    const day = range.to.slice(0, 10);
    expect(graphCalls(calls).map((g) => g.query.get('from'))).toEqual([`${day}T00:00:00Z`]);
    expect(screen.getByRole('button', { name: 'DCSync by alice' })).toBeInTheDocument();
  });

  it('with a date: asks /graph for that window straight away', async () => {
    const { calls } = server();
    renderWithProviders(<App />, { search: '?source=server:ds1&from=2021-12-02&span=week' });
    await screen.findByTestId('status');
    const graphs = graphCalls(calls);
    expect(graphs.map((g) => [g.query.get('from'), g.query.get('to')])).toEqual([
      ['2021-12-02T00:00:00Z', '2021-12-09T00:00:00Z'],
    ]);
    expect(calls.some((c) => c.path === '/api/datasets/ds1')).toBe(false);
  });

  it('draws the timeline from the histogram endpoint (the whole dataset)', async () => {
    const { calls } = server();
    renderWithProviders(<App />, { search: '?source=server:ds1&from=2021-12-02' });
    await screen.findByTestId('status');
    await waitFor(() => expect(caption()).toContain('max 777'));
    expect(calls.filter((c) => c.path === '/api/datasets/ds1/histogram')).toHaveLength(1);
    expect(document.querySelectorAll('.histogram .hist-bar')).toHaveLength(HOURS.length);
  });

  it('falls back to the window histogram when the endpoint fails', async () => {
    server({ histogram: () => apiError(500, 'internal', 'boom') });
    renderWithProviders(<App />, { search: '?source=server:ds1&from=2021-12-02' });
    await screen.findByTestId('status');
    await waitFor(() => expect(document.querySelectorAll('.histogram .hist-bar').length).toBeGreaterThan(3));
    expect(caption()).not.toContain('max 777');
  });
});
