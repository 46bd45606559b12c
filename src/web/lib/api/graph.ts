import type { ViewFilters } from '../../../core/analysis/index.js';
import { validateDataset, type Dataset } from '../../../core/dataset';
import { apiFetch, badResponse } from './client';

/**
 * What the graph view asks the server for: the window and the filters of the URL state (core's
 * ViewFilters, as the server's /graph reads them), sent in the server's parameter names (docs/api.md).
 */
export interface GraphParams extends ViewFilters {
  from: string | null;
  to: string | null;
}

/** The query string of GET /api/datasets/:id/graph; defaults are left out so equal views share URLs. */
export function graphSearch(p: GraphParams): string {
  const q = new URLSearchParams();
  if (p.from !== null) q.set('from', p.from);
  if (p.to !== null) q.set('to', p.to);
  if (p.eventIds !== null) q.set('eventIds', p.eventIds.join(','));
  if (p.logonTypes !== null) q.set('logonTypes', p.logonTypes.join(','));
  if (p.outcome !== 'any') q.set('outcome', p.outcome);
  if (p.minCount > 1) q.set('minCount', String(p.minCount));
  if (p.search !== '') q.set('search', p.search);
  if (p.showHidden) q.set('hidden', '1');
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

/**
 * The dataset cut to a window, validated like any dataset entering the app (the server is trusted
 * to be ours, its contents come from logs).
 */
export async function getGraph(
  datasetId: string,
  params: GraphParams,
  signal?: AbortSignal,
): Promise<Dataset> {
  const res = await apiFetch(`/datasets/${encodeURIComponent(datasetId)}/graph${graphSearch(params)}`, {
    signal,
  });
  let value: unknown;
  try {
    value = await res.json();
  } catch {
    throw badResponse('graph');
  }
  const parsed = validateDataset(value);
  if (!parsed.ok) throw badResponse('graph', parsed.problems.slice(0, 2).join('; '));
  return parsed.dataset;
}
