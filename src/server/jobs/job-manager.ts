import { rm } from 'node:fs/promises';
import type { ImportJob, ImportMessage, SpooledFile } from '../ingest/import-files.js';
import { newId, type Clock, type Store } from '../store/store.js';
import type { JobFileResult, JobInfo, JobResult } from '../store/types.js';
import type { Logger } from '../logger.js';

/** Runs one import (in a worker thread in production); resolves when done, rejects on failure. */
export type ImportRunner = (job: ImportJob, onMessage: (m: ImportMessage) => void) => Promise<void>;

type Listener = (job: JobInfo) => void;

/**
 * A job that runs in this process (an Elasticsearch load). It changes `job.progress` (never its
 * state), calls `changed()` after each change, and returns the result; a throw fails the job.
 */
export interface JobTask {
  /** Names the job in the server log ("es load"). */
  kind: string;
  run(job: JobInfo, changed: () => void): Promise<JobResult>;
  /** Releases what the task holds (a cluster connection), whether it ran, failed or never started. */
  cleanup(): void | Promise<void>;
}

/** How often a task's progress is written to the store (subscribers hear every change). */
const SAVE_PROGRESS_MS = 250;

/** Detailed warnings kept per job (the rest are summed into the last entries' counts). */
const MAX_JOB_WARNINGS = 200;

/**
 * Every background job of the server, imports and Elasticsearch loads alike: one at a time per
 * dataset (a second upload or load into the same dataset waits for the first), at most
 * `maxConcurrent` overall, states queued → running → done | failed. Progress lives in memory and is
 * streamed to subscribers; the job is persisted at each state change so that it can still be read
 * after a restart (Store.recoverInterrupted fails what a stop interrupted).
 */
export class JobManager {
  private readonly jobs = new Map<string, JobInfo>();
  private readonly files = new Map<string, JobFileResult[]>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly tails = new Map<string, Promise<void>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly all = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly runner: ImportRunner,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly maxConcurrent = 2,
  ) {}

  /** Queues the import of spooled upload files into a dataset. */
  enqueue(datasetId: string, title: string | null, files: SpooledFile[]): JobInfo {
    const job = this.newJob(
      datasetId,
      files.length,
      files.reduce((s, f) => s + f.size, 0),
    );
    this.files.set(job.id, []);
    return this.schedule(job, {
      kind: 'import',
      run: () => this.importFiles(job, { datasetId, jobId: job.id, title, files }),
      cleanup: async () => {
        this.files.delete(job.id);
        await Promise.all(files.map((f) => rm(f.path, { force: true })));
      },
    });
  }

  /** Queues a job that runs in this process (an Elasticsearch load) into a dataset. */
  start(datasetId: string, task: JobTask): JobInfo {
    return this.schedule(this.newJob(datasetId, 1, 0), task);
  }

  private newJob(datasetId: string, files: number, totalBytes: number): JobInfo {
    return {
      id: newId('job'),
      datasetId,
      state: 'queued',
      createdAt: this.clock.now().toISOString(),
      finishedAt: null,
      progress: { phase: 'queued', bytes: 0, totalBytes, records: 0, files, filesDone: 0 },
      warnings: [],
      error: null,
      result: null,
    };
  }

  /** Saves the job, marks its dataset importing and runs the task after the dataset's earlier jobs. */
  private schedule(job: JobInfo, task: JobTask): JobInfo {
    const { datasetId } = job;
    this.jobs.set(job.id, job);
    this.store.saveJob(job);
    this.store.setDatasetState(datasetId, 'importing');
    const previous = this.tails.get(datasetId) ?? Promise.resolve();
    const run = previous.then(() => this.run(job, task));
    this.tails.set(datasetId, run);
    this.all.add(run);
    void run.finally(() => {
      this.all.delete(run);
      if (this.tails.get(datasetId) === run) this.tails.delete(datasetId);
    });
    return structuredClone(job);
  }

  get(id: string): JobInfo | null {
    const live = this.jobs.get(id);
    if (live !== undefined) return structuredClone(live);
    return this.store.findJob(id);
  }

  /** Listens to a job's changes; returns the unsubscribe function. */
  subscribe(id: string, listener: Listener): () => void {
    let set = this.listeners.get(id);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  /** True while a job of this dataset is queued or running. */
  busy(datasetId: string): boolean {
    return this.tails.has(datasetId);
  }

  /** Resolves when every job has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.all.size > 0) await Promise.allSettled([...this.all]);
  }

  private notify(job: JobInfo): void {
    const set = this.listeners.get(job.id);
    if (set === undefined) return;
    const copy = structuredClone(job);
    for (const l of [...set]) {
      try {
        l(copy);
      } catch (e) {
        this.logger.warn(`job listener failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  private async slot(): Promise<void> {
    if (this.running < this.maxConcurrent) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
  }

  private release(): void {
    this.running--;
    this.waiting.shift()?.();
  }

  private async run(job: JobInfo, task: JobTask): Promise<void> {
    await this.slot();
    job.state = 'running';
    job.progress.phase = 'reading';
    this.store.saveJob(job);
    this.notify(job);
    let lastSave = Date.now();
    const changed = (): void => {
      if (Date.now() - lastSave > SAVE_PROGRESS_MS) {
        lastSave = Date.now();
        this.store.saveJob(job);
      }
      this.notify(job);
    };
    try {
      // The dataset may have been deleted while the job waited.
      if (this.store.findDataset(job.datasetId) === null) throw new Error('the dataset was deleted');
      job.result = await task.run(job, changed);
      job.state = 'done';
      job.progress.phase = 'done';
    } catch (e) {
      job.state = 'failed';
      job.progress.phase = 'failed';
      job.error = e instanceof Error ? e.message : String(e);
      this.logger.warn(`${task.kind} job ${job.id} failed: ${job.error}`);
      // A dataset that had a graph keeps it (a failed next file or window changes nothing).
      const d = this.store.findDataset(job.datasetId);
      if (d !== null) {
        if (d.revision > 0) this.store.setDatasetState(d.id, 'ready');
        else this.store.setDatasetState(d.id, 'failed', job.error);
      }
    } finally {
      this.release();
      job.finishedAt = this.clock.now().toISOString();
      if (this.store.findDataset(job.datasetId) !== null) this.store.saveJob(job);
      this.notify(job);
      this.jobs.delete(job.id);
      this.listeners.delete(job.id);
      await task.cleanup();
    }
  }

  /** An import of spooled files through the runner (a worker thread in production). */
  private async importFiles(job: JobInfo, spec: ImportJob): Promise<JobResult> {
    await this.runner(spec, (m) => this.onMessage(job, m));
    const dataset = this.store.getDataset(spec.datasetId);
    const files = this.files.get(job.id) ?? [];
    job.progress.bytes = job.progress.totalBytes;
    job.progress.filesDone = files.length;
    return {
      files,
      eventsNew: files.reduce((s, f) => s + f.eventsNew, 0),
      eventsDuplicate: files.reduce((s, f) => s + f.eventsDuplicate, 0),
      counts: dataset.counts,
      timeRange: dataset.timeRange,
    };
  }

  private onMessage(job: JobInfo, m: ImportMessage): void {
    switch (m.type) {
      case 'progress':
        job.progress = {
          ...job.progress,
          phase: m.phase,
          bytes: m.bytes,
          totalBytes: m.totalBytes,
          records: m.records,
          filesDone: m.filesDone,
        };
        break;
      case 'warnings':
        for (const w of m.warnings) {
          if (job.warnings.length < MAX_JOB_WARNINGS) job.warnings.push(w);
          else {
            const last = job.warnings[job.warnings.length - 1];
            if (last !== undefined) last.count += w.count;
          }
        }
        break;
      case 'file':
        this.files.get(job.id)?.push(m.result);
        job.progress.filesDone = this.files.get(job.id)?.length ?? job.progress.filesDone;
        break;
      case 'done':
        break;
    }
    this.notify(job);
  }
}
