import { useQuery } from '@tanstack/react-query';
import { getDataset } from './datasets';
import { getHistogram } from './histogram';
import { apiKeys } from './query-keys';

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
