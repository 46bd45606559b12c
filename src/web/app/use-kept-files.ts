import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fileStore } from '../lib/file-store';
import { fileDatasetKey } from './data-source';

export const KEPT_FILES_KEY = ['kept-files'] as const;

export function useKeptFiles() {
  return useQuery({ queryKey: KEPT_FILES_KEY, queryFn: () => fileStore().list(), staleTime: 0 });
}

export function useRemoveKeptFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => fileStore().remove(key),
    onSuccess: (_v, key) => {
      client.removeQueries({ queryKey: fileDatasetKey(key) });
      return client.invalidateQueries({ queryKey: KEPT_FILES_KEY });
    },
  });
}
