import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getDataset, listDatasets } from './datasets';
import { getGraph, type GraphParams } from './graph';
import { getHistogram } from './histogram';
import { getDetections } from './detections';
import { getNodeTimeline } from './timeline';
import { apiKeys } from './query-keys';

/** A server dataset's /graph for another window than the one on screen (the window comparison). */
export function useServerGraph(datasetId: string | null, params: GraphParams) {
  return useQuery({
    queryKey: apiKeys.graph(datasetId ?? '', params),
    queryFn: ({ signal }) => getGraph(datasetId ?? '', params, signal),
    enabled: datasetId !== null && datasetId !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The server's datasets (the home page lists them). */
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
