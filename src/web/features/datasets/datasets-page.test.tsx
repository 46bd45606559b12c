import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TokenDialog } from '../../lib/api';
import {
  FakeXhr,
  apiError,
  jsonResponse,
  resetApiStubs,
  sampleDataset,
  sampleJob,
  sseResponse,
  stubFetch,
} from '../../lib/api/test-support';
import { i18n } from '../../i18n';
import { renderWithProviders } from '../../test/render';
import { DatasetsPage } from './datasets-page';
import { uploadManager } from './upload-manager';

afterEach(() => {
  uploadManager.reset();
  resetApiStubs();
});

const HOSTILE = '<img src=x onerror=alert(1)>';

function renderPage(onOpen = vi.fn()) {
  const view = renderWithProviders(
    <>
      <TokenDialog />
      <DatasetsPage onOpen={onOpen} openHref={(id) => `/?source=server:${id}`} />
    </>,
  );
  return { ...view, onOpen };
}

describe('DatasetsPage', () => {
  it('lists the datasets with their counts and opens one in the graph', async () => {
    stubFetch(() =>
      jsonResponse(200, {
        datasets: [
          sampleDataset(),
          sampleDataset({ id: 'ds2', name: HOSTILE, state: 'importing', timeRange: null }),
        ],
      }),
    );
    const { onOpen, container } = renderPage();
    const row = await screen.findByRole('row', { name: 'DC01 security' });
    expect(within(row).getByText('1,234')).toBeInTheDocument();
    expect(within(row).getByText('2021-12-03 08:00 UTC – 2021-12-05 17:30 UTC')).toBeInTheDocument();
    // A hostile dataset name is text, not markup.
    expect(screen.getByRole('row', { name: HOSTILE })).toHaveTextContent('importing');
    expect(container.querySelector('img')).toBeNull();

    const link = within(row).getByRole('link', { name: 'Open DC01 security in the graph' });
    expect(link).toHaveAttribute('href', '/?source=server:ds1');
    await userEvent.click(link);
    expect(onOpen).toHaveBeenCalledWith('ds1');
  });

  it('shows an empty state and a readable error', async () => {
    stubFetch(() => jsonResponse(200, { datasets: [] }));
    renderPage();
    expect(await screen.findByText(/No datasets yet/)).toBeInTheDocument();
    cleanup();
    resetApiStubs();

    stubFetch(() => apiError(500, 'internal', 'Database is locked.'));
    renderPage();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the datasets: Database is locked.',
    );
  });

  it('uploads files with a progress bar that reaches 100 % for the upload and the import', async () => {
    let listCalls = 0;
    const { calls } = stubFetch((req) => {
      if (req.path === '/api/datasets') {
        listCalls++;
        return jsonResponse(200, {
          datasets: listCalls === 1 ? [] : [sampleDataset({ id: 'ds9', name: 'new one' })],
        });
      }
      if (req.path === '/api/jobs/job9/events') {
        return sseResponse([
          {
            event: 'progress',
            data: sampleJob({
              id: 'job9',
              datasetId: 'ds9',
              progress: { bytes: 500, totalBytes: 2000, records: 50 },
            }),
          },
          {
            event: 'done',
            data: sampleJob({
              id: 'job9',
              datasetId: 'ds9',
              state: 'done',
              progress: { bytes: 2000, totalBytes: 2000, records: 321 },
              warnings: [
                { file: 'dc01.evtx', code: 'chunk-crc', message: 'chunk 3: bad checksum', count: 2 },
              ],
              result: { eventsNew: 300, eventsDuplicate: 21, files: [] },
            }),
          },
        ]);
      }
      throw new Error(`unexpected ${req.method} ${req.path}`);
    });
    FakeXhr.install((xhr) => {
      xhr.progress(1000, 2000);
      xhr.progress(2000, 2000);
      xhr.respond(202, {
        dataset: sampleDataset({ id: 'ds9', name: 'new one', state: 'importing' }),
        job: sampleJob({ id: 'job9', datasetId: 'ds9', state: 'queued' }),
      });
    });
    const { onOpen } = renderPage();
    await screen.findByText(/No datasets yet/);

    const files = [new File(['a'.repeat(1200)], 'dc01.evtx'), new File(['b'.repeat(800)], 'dc02.xml')];
    await userEvent.upload(screen.getByLabelText(/Log files/), files);
    await userEvent.type(screen.getByLabelText('Name (optional)'), 'new one');
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));

    const entry = await screen.findByRole('listitem', { name: 'Upload of 2 files' });
    await waitFor(() =>
      expect(within(entry).getByRole('status')).toHaveTextContent(
        'Imported 321 records: 300 new events, 21 already in the dataset.',
      ),
    );
    const bars = within(entry).getAllByRole('progressbar');
    expect(bars.map((b) => b.getAttribute('value'))).toEqual(['100', '100']);
    expect(within(entry).getAllByText('100 %')).toHaveLength(2);
    expect(within(entry).getByText('1 warning while reading')).toBeInTheDocument();
    expect(within(entry).getByText('dc01.evtx: chunk 3: bad checksum (×2)')).toBeInTheDocument();

    // What went up: both files and the name, to POST /api/datasets, the token not in the URL.
    const xhr = FakeXhr.instances[0];
    expect(xhr?.method).toBe('POST');
    expect(xhr?.url).toBe('/api/datasets');
    const form = xhr?.body as FormData;
    expect(form.getAll('files').map((f) => (f as File).name)).toEqual(['dc01.evtx', 'dc02.xml']);
    expect(form.get('name')).toBe('new one');

    // The list was refreshed with the new dataset, and the upload row opens it.
    expect(await screen.findByRole('row', { name: 'new one' })).toBeInTheDocument();
    expect(calls.some((c) => c.path === '/api/jobs/job9/events')).toBe(true);
    await userEvent.click(within(entry).getByRole('button', { name: 'Open in graph' }));
    expect(onOpen).toHaveBeenCalledWith('ds9');
  });

  it('shows the partial upload percentage and the failure of an import', async () => {
    let release: () => void = () => undefined;
    stubFetch((req) => {
      if (req.path === '/api/datasets') return jsonResponse(200, { datasets: [sampleDataset()] });
      return jsonResponse(
        200,
        sampleJob({ state: 'failed', error: 'dc01.evtx: not an event log (unknown format)' }),
      );
    });
    FakeXhr.install((xhr) => {
      xhr.progress(250, 1000);
      release = () => xhr.respond(202, { job: sampleJob({ state: 'queued' }) });
    });
    renderPage();
    await screen.findByRole('row', { name: 'DC01 security' });
    await userEvent.upload(screen.getByLabelText(/Log files/), [new File(['x'], 'dc01.evtx')]);
    await userEvent.selectOptions(screen.getByLabelText('Into'), 'DC01 security');
    expect(screen.queryByLabelText('Name (optional)')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));

    const entry = await screen.findByRole('listitem', { name: 'Upload of dc01.evtx' });
    await waitFor(() => expect(within(entry).getByRole('progressbar')).toHaveAttribute('value', '25'));
    expect(FakeXhr.instances[0]?.url).toBe('/api/datasets/ds1/files');
    release();
    expect(await within(entry).findByRole('alert')).toHaveTextContent(
      'dc01.evtx: not an event log (unknown format)',
    );
    const bars = within(entry).getAllByRole('progressbar');
    expect(bars[1]).toHaveAttribute('value', '0');
  });

  it('keeps an upload going when the analyst leaves the page, and shows it again on return', async () => {
    let respond: () => void = () => undefined;
    stubFetch((req) =>
      req.path === '/api/datasets'
        ? jsonResponse(200, { datasets: [] })
        : jsonResponse(
            200,
            sampleJob({ state: 'done', progress: { bytes: 10, totalBytes: 10, records: 7 } }),
          ),
    );
    FakeXhr.install((xhr) => {
      xhr.progress(512, 1024);
      respond = () => xhr.respond(202, { dataset: sampleDataset(), job: sampleJob({ state: 'queued' }) });
    });
    const first = renderPage();
    await screen.findByText(/No datasets yet/);
    await userEvent.upload(screen.getByLabelText(/Log files/), [new File(['z'.repeat(1024)], 'big.evtx')]);
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(screen.getByRole('progressbar')).toHaveAttribute('value', '50'));

    first.unmount();
    respond();
    await waitFor(() => expect(uploadManager.getSnapshot()[0]?.phase).toBe('done'));

    renderPage();
    const entry = await screen.findByRole('listitem', { name: 'Upload of big.evtx' });
    expect(within(entry).getByRole('status')).toHaveTextContent('Imported 7 records.');
    expect(
      within(entry)
        .getAllByRole('progressbar')
        .map((b) => b.getAttribute('value')),
    ).toEqual(['100', '100']);
  });

  it('cancels an upload in flight', async () => {
    stubFetch(() => jsonResponse(200, { datasets: [] }));
    FakeXhr.install((xhr) => xhr.progress(100, 1000));
    renderPage();
    await screen.findByText(/No datasets yet/);
    await userEvent.upload(screen.getByLabelText(/Log files/), [new File(['q'.repeat(1000)], 'slow.evtx')]);
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    const entry = await screen.findByRole('listitem', { name: 'Upload of slow.evtx' });
    await waitFor(() => expect(within(entry).getByRole('progressbar')).toHaveAttribute('value', '10'));
    await userEvent.click(within(entry).getByRole('button', { name: 'Cancel upload' }));
    expect(await within(entry).findByText('Upload cancelled.')).toBeInTheDocument();
    expect(within(entry).queryByRole('button', { name: 'Cancel upload' })).toBeNull();
  });

  it('takes log files dropped on the page for upload, not for the app-wide dataset drop zone', async () => {
    stubFetch(() => jsonResponse(200, { datasets: [] }));
    const outerDrop = vi.fn();
    renderWithProviders(
      <div onDrop={outerDrop} onDragOver={outerDrop}>
        <DatasetsPage onOpen={vi.fn()} />
      </div>,
    );
    await screen.findByText(/No datasets yet/);
    expect(screen.getByRole('button', { name: 'Upload' })).toBeDisabled();
    const files = [new File(['x'.repeat(2048)], 'dc01.evtx'), new File(['y'], 'dc02.evtx')];
    const dataTransfer = { files, types: ['Files'], dropEffect: 'none' };
    const page = screen.getByRole('main');
    fireEvent.dragOver(page, { dataTransfer });
    fireEvent.drop(page, { dataTransfer });
    expect(screen.getByText('2 files, 2.0 KB: dc01.evtx, dc02.evtx')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Upload' })).toBeEnabled();
    expect(outerDrop).not.toHaveBeenCalled();
  });

  it('deletes a dataset only after confirmation', async () => {
    let deleted = false;
    const { calls } = stubFetch((req) => {
      if (req.method === 'DELETE') {
        deleted = true;
        return jsonResponse(204, null);
      }
      return jsonResponse(200, { datasets: deleted ? [] : [sampleDataset()] });
    });
    renderPage();
    const row = await screen.findByRole('row', { name: 'DC01 security' });

    await userEvent.click(within(row).getByRole('button', { name: 'Delete DC01 security' }));
    const confirm = within(row).getByRole('alertdialog');
    expect(confirm).toHaveTextContent('Delete “DC01 security” and all its events from the server?');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    expect(within(row).queryByRole('alertdialog')).toBeNull();

    await userEvent.click(within(row).getByRole('button', { name: 'Delete DC01 security' }));
    await userEvent.click(within(row).getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: 'DC01 security' })).toBeNull());
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/datasets/ds1']);
  });

  it('renames a dataset', async () => {
    let name = 'DC01 security';
    const { calls } = stubFetch((req) => {
      if (req.method === 'PATCH') {
        name = (req.body as { name: string }).name;
        return jsonResponse(200, { dataset: sampleDataset({ name }) });
      }
      return jsonResponse(200, { datasets: [sampleDataset({ name })] });
    });
    renderPage();
    const row = await screen.findByRole('row', { name: 'DC01 security' });
    await userEvent.click(within(row).getByRole('button', { name: 'Rename DC01 security' }));
    const input = within(row).getByLabelText('New name for DC01 security');
    await userEvent.clear(input);
    await userEvent.type(input, 'DC01 week 49{Enter}');
    expect(await screen.findByRole('row', { name: 'DC01 week 49' })).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ name: 'DC01 week 49' });
  });

  it('asks for the access token once on 401, then loads with it', async () => {
    const { calls } = stubFetch((req) =>
      req.headers.get('authorization') === 'Bearer tok-123'
        ? jsonResponse(200, { datasets: [sampleDataset()] })
        : apiError(401, 'unauthorized', 'Access token required.'),
    );
    renderPage();
    const dialog = await screen.findByRole('dialog', { name: 'Access token needed' });
    await userEvent.type(within(dialog).getByLabelText('Access token'), 'tok-123');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Use token' }));

    expect(await screen.findByRole('row', { name: 'DC01 security' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sessionStorage.getItem('logonlens.token')).toBe('tok-123');
    expect(window.location.href).not.toContain('tok-123');
    expect(calls.at(-1)?.headers.get('authorization')).toBe('Bearer tok-123');
  });

  it('shows a readable error when the analyst cancels the token prompt', async () => {
    stubFetch(() => apiError(401, 'unauthorized', 'Access token required.'));
    renderPage();
    await screen.findByRole('dialog', { name: 'Access token needed' });
    // Escape cancels like the Cancel button (focus is in the token field).
    await waitFor(() => expect(screen.getByLabelText('Access token')).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    expect(await screen.findByRole('alert')).toHaveTextContent(/This server needs an access token/);
  });

  it('speaks Japanese: headings, columns, states, actions and the upload form', async () => {
    await act(() => i18n.changeLanguage('ja'));
    stubFetch(() =>
      jsonResponse(200, {
        datasets: [
          sampleDataset(),
          sampleDataset({ id: 'ds2', name: HOSTILE, state: 'importing', timeRange: null }),
        ],
      }),
    );
    renderPage();
    const row = await screen.findByRole('row', { name: 'DC01 security' });
    expect(screen.getByRole('heading', { name: 'データセット' })).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      '名前',
      '状態',
      '期間 (UTC)',
      'イベント',
      'エッジ',
      'ノード',
      '作成日時',
      '操作',
    ]);
    expect(within(row).getByText('準備完了')).toBeInTheDocument();
    const hostile = screen.getByRole('row', { name: HOSTILE });
    expect(hostile).toHaveTextContent('取り込み中');
    expect(hostile).toHaveTextContent('イベントなし');
    expect(within(row).getByRole('link', { name: 'DC01 security をグラフで開く' })).toHaveTextContent('開く');
    await userEvent.click(within(row).getByRole('button', { name: 'DC01 security を削除' }));
    expect(within(row).getByRole('alertdialog')).toHaveTextContent(
      '「DC01 security」とそのすべてのイベントをサーバーから削除しますか? 元に戻せません。',
    );
    const upload = screen.getByRole('region', { name: 'ログのアップロード' });
    await userEvent.upload(within(upload).getByLabelText(/ログファイル/), [
      new File(['a'.repeat(2048)], 'dc01.evtx'),
      new File(['b'.repeat(2048)], 'dc02.evtx'),
    ]);
    expect(within(upload).getByText('2 ファイル、4.0 KB: dc01.evtx, dc02.evtx')).toBeInTheDocument();
    expect(within(upload).getByRole('button', { name: 'アップロード' })).toBeEnabled();
  });
});
