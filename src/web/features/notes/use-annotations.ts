import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import {
  checkAnnotationInput,
  removeAnnotation,
  upsertAnnotation,
  type Annotation,
  type AnnotationTarget,
  type Dataset,
} from '../../../core/dataset';
import { annotationStore } from '../../lib/annotation-store';
import { apiKeys, deleteAnnotation, errorMessage, getAnnotations, putAnnotation } from '../../lib/api';
import type { SourceRef } from '../../lib/url-state';

export interface NoteInput {
  note: string;
  tags: string[];
}

export interface DatasetAnnotations {
  /** The notes of the dataset (empty while they load). */
  list: readonly Annotation[];
  /** Where they are kept: the server's database, or this browser for a file. */
  home: 'server' | 'file';
  loading: boolean;
  error: string | null;
  /** Saves a target's note (throws with a reason the editor shows). */
  save(target: AnnotationTarget, input: NoteInput): Promise<void>;
  remove(target: AnnotationTarget): Promise<void>;
}

const NONE: readonly Annotation[] = [];

/**
 * The analyst's notes of the open dataset. A server dataset's come from its API and are saved
 * there; a file dataset's are kept in IndexedDB per file key (the file's own `annotations` until the
 * first save). Both go through react-query, so every panel showing a note sees the same list.
 */
export function useAnnotations(source: SourceRef | null, dataset: Dataset): DatasetAnnotations {
  const client = useQueryClient();
  const serverId = source?.kind === 'server' ? source.id : null;
  const fileKey = source?.kind === 'file' ? source.key : null;
  const queryKey = useMemo(
    () => (serverId !== null ? apiKeys.annotations(serverId) : (['notes', 'file', fileKey ?? ''] as const)),
    [serverId, fileKey],
  );
  const fromFile = dataset.annotations;
  const query = useQuery({
    queryKey,
    queryFn: async ({ signal }): Promise<Annotation[]> => {
      if (serverId !== null) return getAnnotations(serverId, signal);
      if (fileKey === null) return [...(fromFile ?? [])];
      // A browser without IndexedDB (private modes, tests) still shows the file's notes; saving
      // then says why it cannot keep them.
      let kept: Annotation[] | null;
      try {
        kept = await annotationStore().get(fileKey);
      } catch {
        kept = null;
      }
      return kept ?? [...(fromFile ?? [])];
    },
    staleTime: serverId === null ? Infinity : 30_000,
  });

  const current = useCallback(
    (): readonly Annotation[] => client.getQueryData<Annotation[]>(queryKey) ?? NONE,
    [client, queryKey],
  );
  const keep = useCallback(
    async (next: Annotation[]) => {
      if (fileKey !== null) await annotationStore().set(fileKey, next);
      client.setQueryData(queryKey, next);
    },
    [client, fileKey, queryKey],
  );

  const save = useCallback(
    async (target: AnnotationTarget, input: NoteInput) => {
      const checked = checkAnnotationInput({ target, ...input }, new Date().toISOString());
      if (!checked.ok) throw new Error(checked.problem);
      if (serverId !== null) {
        const saved = await putAnnotation(serverId, {
          target,
          note: checked.value.note,
          tags: checked.value.tags,
        });
        client.setQueryData(queryKey, upsertAnnotation(current(), saved));
        return;
      }
      await keep(upsertAnnotation(current(), checked.value));
    },
    [serverId, client, queryKey, current, keep],
  );

  const remove = useCallback(
    async (target: AnnotationTarget) => {
      if (serverId !== null) {
        await deleteAnnotation(serverId, target);
        client.setQueryData(queryKey, removeAnnotation(current(), target));
        return;
      }
      await keep(removeAnnotation(current(), target));
    },
    [serverId, client, queryKey, current, keep],
  );

  return {
    list: query.data ?? NONE,
    home: serverId !== null ? 'server' : 'file',
    loading: query.isPending,
    error: query.isError ? errorMessage(query.error) : null,
    save,
    remove,
  };
}

/** The dataset file with its notes, as written on download (format v1's `annotations`). */
export function datasetWithAnnotations(dataset: Dataset, list: readonly Annotation[]): Dataset {
  const rest: Dataset = { ...dataset };
  delete rest.annotations;
  return list.length === 0 ? rest : { ...rest, annotations: [...list] };
}
