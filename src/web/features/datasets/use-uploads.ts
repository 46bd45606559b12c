import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { apiKeys, errorMessage, followJob, isAbort, uploadFiles, type Job } from '../../lib/api';

export type UploadPhase = 'uploading' | 'importing' | 'done' | 'failed' | 'cancelled';

export interface UploadEntry {
  key: number;
  fileNames: string[];
  phase: UploadPhase;
  /** Bytes sent so far and to send (null until the browser knows). */
  sent: number;
  total: number | null;
  datasetId: string | null;
  job: Job | null;
  error: string | null;
}

export interface StartUpload {
  files: readonly File[];
  /** Append to this dataset, or create a new one. */
  datasetId?: string | undefined;
  name?: string | undefined;
}

/**
 * Uploads and their import jobs, each from the first byte sent to the job's end. The bytes go
 * up through XMLHttpRequest (progress events); the import is followed through the job's events.
 * When a job ends, the dataset list and everything cached for that dataset are refreshed.
 */
export function useUploads() {
  const queryClient = useQueryClient();
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const nextKey = useRef(1);
  const controllers = useRef(new Map<number, AbortController>());

  useEffect(() => {
    const all = controllers.current;
    return () => {
      for (const c of all.values()) c.abort();
    };
  }, []);

  const update = useCallback((key: number, patch: Partial<UploadEntry>) => {
    setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  }, []);

  const start = useCallback(
    async (req: StartUpload) => {
      const key = nextKey.current++;
      const controller = new AbortController();
      controllers.current.set(key, controller);
      const total = req.files.reduce((n, f) => n + f.size, 0);
      setEntries((list) => [
        {
          key,
          fileNames: req.files.map((f) => f.name),
          phase: 'uploading',
          sent: 0,
          total: total > 0 ? total : null,
          datasetId: req.datasetId ?? null,
          job: null,
          error: null,
        },
        ...list,
      ]);
      try {
        const answer = await uploadFiles({
          files: req.files,
          datasetId: req.datasetId,
          name: req.name,
          signal: controller.signal,
          onProgress: (p) => update(key, { sent: p.loaded, total: p.total }),
        });
        const datasetId = answer.dataset?.id ?? answer.job.datasetId;
        update(key, { phase: 'importing', datasetId, job: answer.job });
        // The new dataset shows up in the list at once, marked as importing.
        void queryClient.invalidateQueries({ queryKey: apiKeys.datasets(), exact: true });
        const job = await followJob(answer.job.id, {
          signal: controller.signal,
          onUpdate: (j) => update(key, { job: j }),
        });
        update(key, {
          job,
          phase: job.state === 'done' ? 'done' : 'failed',
          error: job.state === 'failed' ? (job.error ?? 'The import failed.') : null,
        });
        await queryClient.invalidateQueries({ queryKey: apiKeys.dataset(datasetId) });
        await queryClient.invalidateQueries({ queryKey: apiKeys.datasets(), exact: true });
      } catch (e) {
        if (isAbort(e)) update(key, { phase: 'cancelled', error: null });
        else update(key, { phase: 'failed', error: errorMessage(e) });
      } finally {
        controllers.current.delete(key);
      }
    },
    [queryClient, update],
  );

  const cancel = useCallback((key: number) => controllers.current.get(key)?.abort(), []);
  const dismiss = useCallback((key: number) => setEntries((list) => list.filter((e) => e.key !== key)), []);

  return { entries, start, cancel, dismiss };
}
