import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { Dataset, TimeRange } from '../../core/dataset/index.js';
import { i18n } from '../i18n';
import { apiKeys, getGraph, useDatasetSummary, type GraphParams } from '../lib/api';
import { fileStore } from '../lib/file-store';
import { parseDataset } from '../lib/parse-dataset';
import { resolveWindow, windowFor } from '../lib/time-window';
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

/** The react-query key of a dataset file kept in this browser (opened, cached and removed by key). */
export function fileDatasetKey(key: string): QueryKey {
  return ['dataset', 'file', key];
}

export const fileSource: DataSourceLoader<Extract<SourceRef, { kind: 'file' }>> = {
  queryKey: (ref) => fileDatasetKey(ref.key),
  keepPrevious: false,
  async load(ref) {
    const text = await fileStore().getText(ref.key);
    if (text === null) {
      throw new DataSourceError(i18n.t('app:open.notKept'));
    }
    const result = await parseDataset(text);
    if (!result.ok)
      throw new DataSourceError(i18n.t('app:open.keptInvalid', { problems: result.problems.join('; ') }));
    return result.dataset;
  },
};

/** The server's graph parameters for a view: the window of the URL state and its filters. */
export function serverGraphParams(state: ViewState): GraphParams {
  const w = state.from === null ? null : windowFor(state.from, state.span, state.tz);
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

/**
 * The view a server source asks /graph for. With a date in the URL that is the URL's view; without
 * one, the window is the dataset's first day (or week), from its time range in the summary
 * (GET /api/datasets/:id), so the server cuts exactly that window instead of sending the whole
 * dataset (capped to its busiest edges) for the browser to cut. null while the range is unknown.
 */
export function serverViewState(
  state: ViewState,
  summary: { timeRange: TimeRange | null } | undefined,
): ViewState | null {
  if (state.from !== null) return state;
  if (summary === undefined) return null;
  const first = resolveWindow(summary.timeRange, null, state.span, state.tz).from;
  return first === null ? state : { ...state, from: first };
}

/** The dataset of the URL's source (disabled without one). */
export function useDataset(state: ViewState, options: { wait?: boolean } = {}) {
  const ref = state.source;
  const loader = ref === null ? null : loaderFor(ref);
  // Server views without a date first learn the dataset's range (cached per dataset).
  const needsRange = ref?.kind === 'server' && state.from === null;
  const summary = useDatasetSummary(needsRange ? ref.id : null);
  const effective = ref?.kind === 'server' ? serverViewState(state, summary.data) : state;
  const rangeError = needsRange && summary.isError ? summary.error : null;
  return useQuery<Dataset>({
    queryKey:
      ref === null || loader === null
        ? ['dataset', 'none']
        : effective === null
          ? ['dataset', 'server-range', ref.kind === 'server' ? ref.id : '']
          : loader.queryKey(ref, effective),
    queryFn: ({ signal }) => {
      if (ref === null || loader === null) throw new DataSourceError(i18n.t('app:open.noDataset'));
      if (rangeError !== null) throw rangeError;
      if (effective === null) throw new DataSourceError(i18n.t('app:open.rangeUnknown'));
      return loader.load(ref, effective, signal);
    },
    // `wait`: the caller is still working out the window (the story window of a server dataset).
    enabled: ref !== null && (effective !== null || rangeError !== null) && options.wait !== true,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    ...(loader?.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
}
