import type { QueryClient } from '@tanstack/react-query';
import { i18n } from '../../i18n';
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

export interface UploadManager {
  getSnapshot(): readonly UploadEntry[];
  subscribe(listener: () => void): () => void;
  /** Sends the files, then follows the import job; resolves when the job has ended. */
  start(req: StartUpload, queryClient: QueryClient): Promise<void>;
  /** Stops sending (an upload in flight); a running import continues on the server. */
  cancel(key: number): void;
  dismiss(key: number): void;
  /** Aborts everything and forgets it (tests). */
  reset(): void;
}

/**
 * Uploads and their import jobs, from the first byte sent to the job's end. They live outside the
 * page's components, like react-query's cache: an analyst who leaves the datasets page while a
 * 1 GB file goes up must not cancel it, and finds its progress again on return. The bytes go up
 * through XMLHttpRequest (progress events); the import is followed through the job's events. When
 * a job ends, the dataset list and everything cached for that dataset are refreshed.
 */
export function createUploadManager(): UploadManager {
  let entries: readonly UploadEntry[] = [];
  let nextKey = 1;
  const listeners = new Set<() => void>();
  const controllers = new Map<number, AbortController>();

  const set = (next: readonly UploadEntry[]) => {
    entries = next;
    for (const l of listeners) l();
  };
  const update = (key: number, patch: Partial<UploadEntry>) =>
    set(entries.map((e) => (e.key === key ? { ...e, ...patch } : e)));

  return {
    getSnapshot: () => entries,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start(req, queryClient) {
      const key = nextKey++;
      const controller = new AbortController();
      controllers.set(key, controller);
      const total = req.files.reduce((n, f) => n + f.size, 0);
      set([
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
        ...entries,
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
          error: job.state === 'failed' ? (job.error ?? i18n.t('datasets:upload.importFailed')) : null,
        });
        await queryClient.invalidateQueries({ queryKey: apiKeys.dataset(datasetId) });
        await queryClient.invalidateQueries({ queryKey: apiKeys.datasets(), exact: true });
      } catch (e) {
        if (isAbort(e)) update(key, { phase: 'cancelled', error: null });
        else update(key, { phase: 'failed', error: errorMessage(e) });
      } finally {
        controllers.delete(key);
      }
    },
    cancel: (key) => controllers.get(key)?.abort(),
    dismiss: (key) => set(entries.filter((e) => e.key !== key)),
    reset() {
      for (const c of controllers.values()) c.abort();
      controllers.clear();
      set([]);
    },
  };
}

/** The app's one upload manager. */
export const uploadManager: UploadManager = createUploadManager();
