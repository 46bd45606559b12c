import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, jsonResponse, resetApiStubs, sampleJob, stubFetch } from '../../lib/api/test-support';
import { i18n } from '../../i18n';
import { renderWithProviders } from '../../test/render';
import { EsLoadDialog } from './es-load-dialog';

afterEach(resetApiStubs);

/** Generous waits: a loaded CI machine renders slowly (no wall-clock assertion here). */
const SLOW = { timeout: 8000 };
vi.setConfig({ testTimeout: 30_000 });

const NOW = Date.parse('2021-12-04T08:00:00Z');
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

function render(onLoaded = vi.fn()) {
  renderWithProviders(
    <EsLoadDialog onLoaded={onLoaded} onClose={vi.fn()} now={() => NOW} defaultOffset={60} />,
  );
  return { onLoaded };
}

describe('EsLoadDialog', () => {
  it('tests the connection with the range in UTC and shows distribution, version and count', async () => {
    const { calls } = stubFetch((req) => {
      if (req.path === '/api/es/clusters') return jsonResponse(200, CLUSTERS);
      if (req.path === '/api/es/test')
        return jsonResponse(200, {
          cluster: 'prod',
          distribution: 'opensearch',
          version: '2.19.6',
          indexPattern: 'winlogbeat-*',
          indices: 3,
          shapes: ['ecs'],
          securityEvents: 12345,
          range: {},
        });
      return apiError(404, 'not_found', 'no');
    });
    render();
    await screen.findByRole('option', { name: /prod/ }, SLOW);
    await userEvent.click(screen.getByRole('button', { name: 'Previous day' }));
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(
      await screen.findByText(/OpenSearch 2\.19\.6: 12,345 Security events in 3 indices/, {}, SLOW),
    ).toBeTruthy();
    const body = calls.find((c) => c.path === '/api/es/test')?.body;
    // UTC+01:00: the previous local day is Dec 3 00:00–24:00 local = Dec 2 23:00Z → Dec 3 23:00Z.
    expect(body).toEqual({
      cluster: 'prod',
      indexPattern: 'winlogbeat-*',
      from: '2021-12-02T23:00:00.000Z',
      to: '2021-12-03T23:00:00.000Z',
    });
  });

  it('shows the server’s message for a cluster error, without inventing one', async () => {
    stubFetch((req) => {
      if (req.path === '/api/es/clusters') return jsonResponse(200, CLUSTERS);
      return apiError(
        502,
        'es_unauthorized',
        'the cluster rejected the credentials (401): check the user/password or API key',
      );
    });
    render();
    await screen.findByRole('option', { name: /prod/ }, SLOW);
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText(/rejected the credentials/, {}, SLOW)).toBeTruthy();
  });

  it('loads with progress and reports the new dataset', async () => {
    let polls = 0;
    stubFetch((req) => {
      if (req.path === '/api/es/clusters') return jsonResponse(200, CLUSTERS);
      if (req.path === '/api/es/load')
        return jsonResponse(202, { dataset: { id: 'ds1', name: 'x' }, job: { id: 'job1' } });
      if (req.path === '/api/jobs/job1') {
        polls++;
        return jsonResponse(
          200,
          polls < 2
            ? sampleJob({
                id: 'job1',
                datasetId: 'ds1',
                state: 'running',
                progress: { bytes: 2048, totalBytes: 0, records: 500 },
              })
            : sampleJob({ id: 'job1', datasetId: 'ds1', state: 'done' }),
        );
      }
      return apiError(404, 'not_found', 'no');
    });
    const { onLoaded } = render();
    await screen.findByRole('option', { name: /prod/ }, SLOW);
    await userEvent.click(screen.getByRole('button', { name: 'Load' }));
    await waitFor(() => expect(onLoaded).toHaveBeenCalledWith('ds1'), { timeout: 3000 });
  });

  it('says so when the load job fails (no dataset presented)', async () => {
    stubFetch((req) => {
      if (req.path === '/api/es/clusters') return jsonResponse(200, CLUSTERS);
      if (req.path === '/api/es/load')
        return jsonResponse(202, { dataset: { id: 'ds1', name: 'x' }, job: { id: 'job1' } });
      if (req.path === '/api/jobs/job1')
        return jsonResponse(
          200,
          sampleJob({
            id: 'job1',
            datasetId: 'ds1',
            state: 'failed',
            error: 'http://127.0.0.1:9200 refused the connection (after 4 attempts)',
          }),
        );
      return apiError(404, 'not_found', 'no');
    });
    const { onLoaded } = render();
    await screen.findByRole('option', { name: /prod/ }, SLOW);
    await userEvent.click(screen.getByRole('button', { name: 'Load' }));
    expect(
      await screen.findByText(/The load failed: .*refused the connection.*No dataset was created/, {}, SLOW),
    ).toBeTruthy();
    expect(onLoaded).not.toHaveBeenCalled();
  });

  it('refuses an empty or inverted range before asking the server', async () => {
    const { calls } = stubFetch((req) =>
      req.path === '/api/es/clusters' ? jsonResponse(200, CLUSTERS) : apiError(500, 'x', 'x'),
    );
    render();
    await screen.findByRole('option', { name: /prod/ }, SLOW);
    const [fromInput] = screen.getAllByLabelText(/From/);
    await userEvent.clear(fromInput!);
    await userEvent.type(fromInput!, '2030-01-01T00:00');
    expect(await screen.findByText('“To” must be after “From”.', {}, SLOW)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Load' }) as HTMLButtonElement).disabled).toBe(true);
    expect(calls.filter((c) => c.path !== '/api/es/clusters')).toHaveLength(0);
  });

  it('speaks Japanese: labels, range check, the test result with its numbers', async () => {
    await act(() => i18n.changeLanguage('ja'));
    stubFetch((req) => {
      if (req.path === '/api/es/clusters') return jsonResponse(200, CLUSTERS);
      if (req.path === '/api/es/test')
        return jsonResponse(200, {
          cluster: 'prod',
          distribution: 'elasticsearch',
          version: '8.15.0',
          indexPattern: 'winlogbeat-*',
          indices: 2,
          shapes: [],
          securityEvents: 4321,
          range: {},
        });
      return apiError(404, 'not_found', 'no');
    });
    render();
    expect(
      screen.getByRole('dialog', { name: 'Elasticsearch / OpenSearch から読み込む' }),
    ).toBeInTheDocument();
    await screen.findByRole('option', { name: /prod/ }, SLOW);
    expect(screen.getByLabelText('インデックスパターン')).toHaveValue('winlogbeat-*');
    await userEvent.click(screen.getByRole('button', { name: '前日' }));
    await userEvent.click(screen.getByRole('button', { name: '接続をテスト' }));
    expect(
      await screen.findByText(
        'Elasticsearch 8.15.0: 2 個のインデックスに Security イベントが 4,321 件あります (形式不明)。',
        {},
        SLOW,
      ),
    ).toBeTruthy();
    await userEvent.clear(screen.getByLabelText('終了'));
    expect(await screen.findByText('開始と終了の両方の時刻を入力してください。', {}, SLOW)).toBeTruthy();
    expect(screen.getByRole('button', { name: '読み込む' })).toBeDisabled();
  });
});
