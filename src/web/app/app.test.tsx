import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../core/dataset/testing/generate-dataset.js';
import { fileStore } from '../lib/file-store';
import { sha256Hex } from '../lib/hash';
import { parseViewState } from '../lib/url-state';
import { jsonFile, renderWithProviders } from '../test/render';
import { App } from './app';

const HOSTILE = '<img src=x onerror=alert(1)>';
const dataset = generateDataset({
  accounts: 12,
  hosts: 5,
  ips: 2,
  days: 3,
  seed: 5,
  start: '2021-12-01T00:00:00Z',
  extraAccountNames: [HOSTILE],
});
const text = JSON.stringify(dataset);

const status = () => screen.getByTestId('status').textContent ?? '';
const urlState = () => parseViewState(window.location.search).state;

async function openFile(name: string, value: unknown) {
  const user = userEvent.setup();
  await user.upload(screen.getByLabelText('Open dataset file'), jsonFile(name, value));
}

async function keep(): Promise<string> {
  const key = await sha256Hex(text);
  await fileStore().put({ key, name: 'kept.json', size: text.length, addedAt: '2021-12-10T00:00:00Z' }, text);
  return key;
}

describe('App', () => {
  it('starts with an explicit empty state, not a blank page', () => {
    renderWithProviders(<App />);
    expect(screen.getByRole('heading', { name: 'Open a dataset to start' })).toBeInTheDocument();
  });

  it('opens a valid file: graph for the first day, URL source = content hash, file kept', async () => {
    renderWithProviders(<App />);
    await openFile('small.json', text);
    await screen.findByTestId('status');
    expect(status()).toMatch(/^\d+ nodes · \d+ edges \(of \d+ nodes · \d+ edges in window\)$/);
    expect(screen.getByText('2021-12-01 (UTC day)')).toBeInTheDocument();
    expect(urlState().source).toEqual({ kind: 'file', key: await sha256Hex(text) });
    expect((await fileStore().list()).map((f) => f.name)).toEqual(['small.json']);
  });

  it('an invalid file gets the first problems and where, and the previous view stays', async () => {
    renderWithProviders(<App />);
    await openFile('small.json', text);
    await screen.findByTestId('status');
    const before = status();
    const url = window.location.search;
    const broken = { ...dataset, edges: dataset.edges.map((e, i) => (i === 2 ? { ...e, count: 0 } : e)) };
    await openFile('broken.json', broken);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not open broken.json: it is not a valid LogonLens dataset.');
    expect(alert).toHaveTextContent('edges.2.count');
    expect(status()).toBe(before);
    expect(window.location.search).toBe(url);
    await openFile('notjson.json', '{"format": ');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('not JSON'));
  });

  it('restores the same view from the URL (window, filters, selection) out of the kept file', async () => {
    const key = await keep();
    const account = dataset.nodes.find((n) => n.kind === 'account' && n.label === 'user0003')!;
    renderWithProviders(<App />, {
      search: `?source=file:${key}&from=2021-12-02&span=week&outcome=success&ids=4624&sel=${encodeURIComponent(account.id)}`,
    });
    await screen.findByTestId('status');
    expect(screen.getByText('2021-12-02 – 2021-12-08 (UTC week)')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'success' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: '4625' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: '4624' })).toBeChecked();
    const selection = screen.getByRole('heading', { name: 'user0003' });
    expect(selection).toBeInTheDocument();
  });

  it('filter changes push history; back returns to the previous view', async () => {
    const key = await keep();
    renderWithProviders(<App />, { search: `?source=file:${key}` });
    await screen.findByTestId('status');
    const before = status();
    await userEvent.click(screen.getByRole('radio', { name: 'failure' }));
    expect(urlState().filters.outcome).toBe('failure');
    await waitFor(() => expect(status()).not.toBe(before));
    await act(async () => {
      window.history.back();
      await new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    });
    expect(urlState().filters.outcome).toBe('any');
    await waitFor(() => expect(status()).toBe(before));
  });

  it('moves the window with next and the histogram, within the dataset', async () => {
    const key = await keep();
    renderWithProviders(<App />, { search: `?source=file:${key}` });
    await screen.findByTestId('status');
    expect(screen.getByRole('button', { name: 'Previous day' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Next day' }));
    expect(urlState().from).toBe('2021-12-02');
    await userEvent.selectOptions(screen.getByLabelText('Window span'), 'week');
    expect(urlState().span).toBe('week');
    const bars = document.querySelectorAll('.hist-bar');
    await userEvent.click(bars[bars.length - 1]!);
    expect(urlState().from).toBe('2021-12-03');
    expect(screen.getByText('2021-12-03 – 2021-12-09 (UTC week)')).toBeInTheDocument();
  });

  it('invalid URL values fall back to defaults with a visible notice', async () => {
    const key = await keep();
    renderWithProviders(<App />, { search: `?source=file:${key}&span=month&overlay=magic&from=2030-01-01` });
    await screen.findByTestId('status');
    expect(screen.getByText(/Ignored span="month"/)).toBeInTheDocument();
    expect(screen.getByText(/Ignored overlay="magic"/)).toBeInTheDocument();
    expect(screen.getByText(/The date 2030-01-01 is outside this dataset/)).toBeInTheDocument();
  });

  it('a link to a file this browser does not keep explains what to do', async () => {
    renderWithProviders(<App />, { search: `?source=file:${'0'.repeat(64)}` });
    expect(
      await screen.findByRole('heading', { name: 'The dataset could not be loaded' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/not kept in this browser/)).toBeInTheDocument();
  });

  it('lists kept files and removes them', async () => {
    await keep();
    renderWithProviders(<App />);
    const list = await screen.findByRole('list', { name: 'Kept files' });
    expect(within(list).getByText('kept.json')).toBeInTheDocument();
    await userEvent.click(within(list).getByRole('button', { name: 'Remove kept.json' }));
    await waitFor(() => expect(screen.getByText('No files kept in this browser yet.')).toBeInTheDocument());
    expect(await fileStore().list()).toEqual([]);
  });

  it('shows hostile names as text everywhere, never as markup', async () => {
    renderWithProviders(<App />);
    await openFile('small.json', text);
    await screen.findByTestId('status');
    // Make sure the hostile account is in the window: search for it.
    const search = screen.getByRole('searchbox');
    await userEvent.type(search, 'onerror{Enter}');
    await waitFor(() => expect(urlState().filters.search).toBe('onerror'));
    const texts = await screen.findAllByText(HOSTILE);
    expect(texts.length).toBeGreaterThan(0);
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('App: ranking and selection', () => {
  it('clicking a ranking row selects the node (URL sel), shows it in the inspector and the graph', async () => {
    const key = await keep();
    renderWithProviders(<App />, { search: `?source=file:${key}` });
    await screen.findByTestId('status');
    const ranking = screen.getByRole('region', { name: 'Ranking' });
    const first = within(ranking).getAllByRole('button', { name: /^(user|WS|DC|192)/ })[0]!;
    const label = first.textContent ?? '';
    await userEvent.click(first);
    const sel = urlState().sel;
    expect(sel).not.toBeNull();
    expect(screen.getByRole('heading', { name: label })).toBeInTheDocument();
    const graph = screen.getByRole('list', { name: 'Graph elements (test double)' });
    expect(within(graph).getByRole('button', { name: label, pressed: true })).toBeInTheDocument();
  });
});

describe('App: drop and empty states', () => {
  it('opens a dropped file', async () => {
    renderWithProviders(<App />);
    const zone = document.querySelector('.drop-zone')!;
    const file = jsonFile('dropped.json', text);
    fireEvent.dragOver(zone, { dataTransfer: { types: ['Files'], files: [file], dropEffect: 'none' } });
    expect(document.querySelector('.drop-hint')).not.toBeNull();
    fireEvent.drop(zone, { dataTransfer: { types: ['Files'], files: [file] } });
    await screen.findByTestId('status');
    expect(urlState().source).toEqual({ kind: 'file', key: await sha256Hex(text) });
  });

  it('says so when the filters hide everything in the window', async () => {
    const key = await keep();
    renderWithProviders(<App />, { search: `?source=file:${key}&min=100000` });
    expect(await screen.findByRole('heading', { name: 'No events in this window' })).toBeInTheDocument();
    expect(screen.getByText(/The filters hide all \d+ edges of this window/)).toBeInTheDocument();
    expect(status()).toMatch(/^0 nodes · 0 edges \(of \d+ nodes/);
  });
});
