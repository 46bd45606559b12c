import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getGraph, type GraphParams } from './graph';
import { listDatasets, getDataset } from './datasets';
import { getHistogram } from './histogram';
import { getDetections } from './detections';
import { getNodeTimeline } from './timeline';
import { apiKeys } from './query-keys';

/**
 * The graph of a server dataset for the URL's window and filters. The key holds every parameter, so
 * back/forward between windows is served from the cache; the previous graph stays on screen while
 * the next one loads (no blank flash).
 */
export function useServerGraph(datasetId: string | null, params: GraphParams) {
  return useQuery({
    queryKey: apiKeys.graph(datasetId ?? '', params),
    queryFn: ({ signal }) => getGraph(datasetId ?? '', params, signal),
    enabled: datasetId !== null && datasetId !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useDatasetList() {
  return useQuery({ queryKey: apiKeys.datasets(), queryFn: ({ signal }) => listDatasets(signal) });
}

export function useDatasetSummary(datasetId: string | null) {
  return useQuery({
    queryKey: apiKeys.dataset(datasetId ?? ''),
    queryFn: ({ signal }) => getDataset(datasetId ?? '', signal),
    enabled: datasetId !== null && datasetId !== '',
  });
}

/** Events per hour of a whole server dataset (the timeline), whatever window the graph shows. */
export function useServerHistogram(datasetId: string | null) {
  return useQuery({
    queryKey: apiKeys.histogram(datasetId ?? ''),
    queryFn: ({ signal }) => getHistogram(datasetId ?? '', signal),
    enabled: datasetId !== null && datasetId !== '',
    staleTime: 30_000,
  });
}

/** Every detection of a whole server dataset, whatever window the graph shows. */
export function useServerDetections(datasetId: string | null) {
  return useQuery({
    queryKey: apiKeys.detections(datasetId ?? ''),
    queryFn: ({ signal }) => getDetections(datasetId ?? '', signal),
    enabled: datasetId !== null && datasetId !== '',
    staleTime: 30_000,
  });
}

/** One node's timeline over a whole server dataset (null: none asked). */
export function useServerNodeTimeline(datasetId: string | null, node: string | null) {
  return useQuery({
    queryKey: apiKeys.timeline(datasetId ?? '', node ?? ''),
    queryFn: ({ signal }) => getNodeTimeline(datasetId ?? '', node ?? '', signal),
    enabled: datasetId !== null && node !== null,
    staleTime: 30_000,
  });
}
