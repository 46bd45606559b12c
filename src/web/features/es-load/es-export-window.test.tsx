import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, jsonResponse, resetApiStubs, stubFetch } from '../../lib/api/test-support';
import { renderWithProviders } from '../../test/render';
import { EsExportWindow } from './es-export-window';

afterEach(resetApiStubs);
vi.setConfig({ testTimeout: 30_000 });
const SLOW = { timeout: 8000 };
const WINDOW = { from: '2021-12-03T00:00:00Z', to: '2021-12-04T00:00:00Z' };
const CLUSTER = {
  url: 'https://es:9200',
  auth: 'basic',
  indexPatterns: ['winlogbeat-*'],
  defaultIndexPattern: 'winlogbeat-*',
};

describe('EsExportWindow', () => {
  it('exports the window on screen to the chosen cluster and says what was written', async () => {
    const { calls } = stubFetch((req) => {
      if (req.path === '/api/es/clusters')
        return jsonResponse(200, {
          clusters: [
            { name: 'prod', ...CLUSTER },
            { name: 'lab', ...CLUSTER },
          ],
        });
      if (req.path === '/api/es/export')
        return jsonResponse(200, { cluster: 'lab', windowId: 'w1', accounts: 7, hosts: 3, detections: 2 });
      return apiError(404, 'not_found', 'no');
    });
    renderWithProviders(<EsExportWindow datasetId="ds_1" window={WINDOW} />);
    await userEvent.selectOptions(await screen.findByLabelText('Cluster', {}, SLOW), 'lab');
    await userEvent.click(screen.getByRole('button', { name: 'Export window to ES' }));
    expect(
      await screen.findByText(/Exported 7 accounts, 3 hosts and 2 detections to lab\./, {}, SLOW),
    ).toBeTruthy();
    expect(calls.find((c) => c.path === '/api/es/export')?.body).toEqual({
      cluster: 'lab',
      datasetId: 'ds_1',
      ...WINDOW,
    });
  });

  it('shows the server’s message when the export fails', async () => {
    stubFetch((req) => {
      if (req.path === '/api/es/clusters')
        return jsonResponse(200, { clusters: [{ name: 'prod', ...CLUSTER }] });
      return apiError(502, 'es_unreachable', 'the cluster prod did not answer');
    });
    renderWithProviders(<EsExportWindow datasetId="ds_1" window={WINDOW} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Export window to ES' }, SLOW));
    expect(await screen.findByText(/Export failed: .*did not answer/, {}, SLOW)).toBeTruthy();
  });

  it('is not shown when the server has no cluster configured', async () => {
    const { calls } = stubFetch(() => jsonResponse(200, { clusters: [] }));
    const { container } = renderWithProviders(<EsExportWindow datasetId="ds_1" window={WINDOW} />);
    await vi.waitFor(() => expect(calls.some((c) => c.path === '/api/es/clusters')).toBe(true));
    expect(container.textContent).toBe('');
  });
});
