import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeView, NO_FILTERS } from '../../../core/analysis/index.js';
import { makeDataset } from '../../../core/analysis/testing.js';
import { validateDataset } from '../../../core/dataset/index.js';
import { setLanguage } from '../../i18n';
import { stubFetch } from '../../lib/api/test-support';
import { renderWithProviders } from '../../test/render';
import { ExportMenu } from './export-menu';

const H = 451_016; // 2021-06-14T08:00:00Z
const WINDOW = { from: '2021-06-14T00:00:00Z', to: '2021-06-15T00:00:00Z' };
const dataset = makeDataset([
  { account: 'account:corp\\evil', source: 'ip:10.0.0.5', target: 'host:dc1', hourly: [[H, 3]] },
  { account: 'account:corp\\alice', source: 'ip:10.0.0.6', target: 'host:dc1', hourly: [[H + 1, 2]] },
]);
const view = computeView(dataset, WINDOW, NO_FILTERS);
const NOTE = {
  target: { kind: 'node', id: 'host:dc1' },
  note: 'checked',
  tags: ['reviewed'],
  updated: '2026-01-01T00:00:00Z',
};

/** A Blob's text (jsdom's Blob has no text()). */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('unreadable blob'));
    reader.readAsText(blob);
  });
}

/** What the download helper was given: the anchor's file name and the Blob's text. */
function captureDownloads() {
  const blobs = new Map<string, Blob>();
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b: Blob | MediaSource) => {
    const url = `blob:test/${n++}`;
    blobs.set(url, b as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const saved: Array<{ name: string; blob: Blob }> = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return saved;
}

function menu(props: Partial<Parameters<typeof ExportMenu>[0]> = {}) {
  return renderWithProviders(
    <ExportMenu
      dataset={dataset}
      datasetName={'corp "case" /../'}
      view={view}
      window={WINDOW}
      filters={NO_FILTERS}
      serverId={null}
      getCy={() => null}
      {...props}
    />,
  );
}

describe('ExportMenu', () => {
  beforeEach(() => vi.useRealTimers());
  afterEach(async () => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    await setLanguage('en');
  });

  it('downloads the nodes of the view as CSV, named for the dataset, window and export time', async () => {
    const saved = captureDownloads();
    menu();
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await userEvent.click(screen.getByRole('button', { name: 'Nodes (CSV)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toMatch(
      /^logonlens_corp-case_20210614T000000Z_20210615T000000Z_\d{8}T\d{6}Z_nodes\.csv$/,
    );
    const text = await blobText(saved[0]!.blob);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + view.nodes.length);
    expect(screen.getByRole('status')).toHaveTextContent(`Saved ${saved[0]!.name}`);
  });

  it('cuts a file dataset to the window with the annotations, valid and re-openable', async () => {
    const saved = captureDownloads();
    menu({ annotations: [NOTE] });
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await userEvent.click(screen.getByRole('button', { name: 'Dataset of the window (JSON)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const value = JSON.parse(await blobText(saved[0]!.blob)) as { annotations?: unknown; window?: unknown };
    expect(value.window).toEqual(WINDOW);
    expect(value.annotations).toEqual([NOTE]);
    expect(validateDataset(value).ok).toBe(true);
  });

  it('takes a server dataset’s window from the server’s export, and its report from the same', async () => {
    const saved = captureDownloads();
    const server = { ...dataset, window: WINDOW, title: 'srv' };
    const { calls, fn } = stubFetch(() => new Response(JSON.stringify(server), { status: 200 }));
    vi.stubGlobal('fetch', fn);
    menu({ serverId: 'ds-1', annotations: [NOTE] });
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await userEvent.click(screen.getByRole('button', { name: 'Dataset of the window (JSON)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(calls[0]!.path).toBe('/api/datasets/ds-1/export');
    expect(Object.fromEntries(calls[0]!.query)).toEqual({ format: 'json', ...WINDOW });
    expect((JSON.parse(await blobText(saved[0]!.blob)) as { annotations: unknown }).annotations).toEqual([
      NOTE,
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Offline report (HTML)' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]!.name).toMatch(/_report\.html$/);
    const html = await blobText(saved[1]!.blob);
    expect(html).toContain('Content-Security-Policy');
    expect(html).toContain('checked');
  });

  it('says why a picture cannot be exported when no graph is drawn', async () => {
    menu();
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await userEvent.click(screen.getByRole('button', { name: 'PNG' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No graph is drawn');
  });

  it('closes on Escape and gives the focus back to its button', async () => {
    menu();
    const button = screen.getByRole('button', { name: 'Export' });
    await userEvent.click(button);
    expect(screen.getByRole('group', { name: 'Export the view' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Export the view' })).toBeNull();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('speaks Japanese', async () => {
    await act(() => setLanguage('ja'));
    menu();
    await userEvent.click(screen.getByRole('button', { name: 'エクスポート' }));
    expect(screen.getByRole('button', { name: 'ノード (CSV)' })).toBeInTheDocument();
  });
});
