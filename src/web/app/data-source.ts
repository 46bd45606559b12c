import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { Dataset } from '../../core/dataset/index.js';
import { apiKeys, getGraph, type GraphParams } from '../lib/api';
import { fileStore } from '../lib/file-store';
import { parseDataset } from '../lib/parse-dataset';
import { windowFor } from '../lib/time-window';
import type { SourceRef, ViewState } from '../lib/url-state';

/**
 * Where a dataset comes from. `source=file:<key>` reads a file kept in this browser's IndexedDB;
 * `source=server:<id>` asks the LogonLens server (lib/api) for the dataset cut to the window and filters.
 * Each kind is one loader; the query key is built from the parsed URL state (architecture rule 4).
 */
export interface DataSourceLoader<R extends SourceRef = SourceRef> {
  queryKey(ref: R, state: ViewState): QueryKey;
  load(ref: R, state: ViewState, signal: AbortSignal): Promise<Dataset>;
  /** Keep showing the previous data while a new key loads (server windows). */
  keepPrevious: boolean;
}

/** An error whose message is written for the analyst. */
export class DataSourceError extends Error {}

export const fileSource: DataSourceLoader<Extract<SourceRef, { kind: 'file' }>> = {
  queryKey: (ref) => ['dataset', 'file', ref.key],
  keepPrevious: false,
  async load(ref) {
    const text = await fileStore().getText(ref.key);
    if (text === null) {
      throw new DataSourceError(
        'This dataset file is not kept in this browser (it was removed, or the link comes from another browser). Open the file again.',
      );
    }
    const result = await parseDataset(text);
    if (!result.ok)
      throw new DataSourceError(`The kept file is no longer a valid dataset: ${result.problems.join('; ')}`);
    return result.dataset;
  },
};

/** The server's graph parameters for a view: the window of the URL state and its filters. */
export function serverGraphParams(state: ViewState): GraphParams {
  const w = state.from === null ? null : windowFor(state.from, state.span);
  return { from: w?.from ?? null, to: w?.to ?? null, ...state.filters };
}

export const serverSource: DataSourceLoader<Extract<SourceRef, { kind: 'server' }>> = {
  queryKey: (ref, state) => apiKeys.graph(ref.id, serverGraphParams(state)),
  keepPrevious: true,
  load: (ref, state, signal) => getGraph(ref.id, serverGraphParams(state), signal),
};

/** The loaders by source kind; the server-facing feature may replace `server`. */
export const dataSources: {
  file: DataSourceLoader<Extract<SourceRef, { kind: 'file' }>>;
  server: DataSourceLoader<Extract<SourceRef, { kind: 'server' }>>;
} = {
  file: fileSource,
  server: serverSource,
};

function loaderFor(ref: SourceRef): DataSourceLoader {
  return (ref.kind === 'file' ? dataSources.file : dataSources.server) as DataSourceLoader;
}

export function datasetQueryKey(ref: SourceRef, state: ViewState): QueryKey {
  return loaderFor(ref).queryKey(ref, state);
}

/** The dataset of the URL's source (disabled without one). */
export function useDataset(state: ViewState) {
  const ref = state.source;
  const loader = ref === null ? null : loaderFor(ref);
  return useQuery<Dataset>({
    queryKey: ref === null || loader === null ? ['dataset', 'none'] : loader.queryKey(ref, state),
    queryFn: ({ signal }) => {
      if (ref === null || loader === null) throw new DataSourceError('No dataset selected.');
      return loader.load(ref, state, signal);
    },
    enabled: ref !== null,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    ...(loader?.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
}
