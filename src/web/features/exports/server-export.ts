import type { TimeRange } from '../../../core/dataset/index.js';
import { apiFetch } from '../../lib/api';

/**
 * A server dataset's window as a dataset file: the server's own export (GET /datasets/:id/export,
 * format json, no filter, no cap), the same content as the cut of a file dataset (core's rankDataset).
 * The page's /graph answer is capped and filtered: it is not the dataset of the window.
 */
export async function serverWindowDataset(datasetId: string, window: TimeRange | null): Promise<string> {
  const q = new URLSearchParams({ format: 'json' });
  if (window !== null) {
    q.set('from', window.from);
    q.set('to', window.to);
  }
  const res = await apiFetch(`/datasets/${encodeURIComponent(datasetId)}/export?${q.toString()}`);
  return res.text();
}
