import type { TimeRange } from '../../core/dataset/index.js';

export type DatasetState = 'empty' | 'importing' | 'ready' | 'failed';

/** A dataset as the API lists it (`GET /api/datasets`). */
export interface DatasetInfo {
  id: string;
  name: string;
  createdAt: string;
  state: DatasetState;
  /** Why the last import failed, when it did. */
  error: string | null;
  /** Bumped each time the roll-ups change (an import completes): cache keys use it. */
  revision: number;
  timeRange: TimeRange | null;
  counts: { events: number; edges: number; nodes: number; files: number };
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobWarning {
  /** The uploaded file's name as the client gave it (display only). */
  file: string;
  code: string;
  message: string;
  /** How many times this warning occurred when it stands for several. */
  count: number;
}

export interface JobFileResult {
  name: string;
  size: number;
  format: string | null;
  recordsRead: number;
  eventsNew: number;
  eventsDuplicate: number;
  skipped: Record<string, number>;
  warnings: number;
  /** Set when the file could not be read at all (the other files of the job still count). */
  error: string | null;
}

export interface JobResult {
  files: JobFileResult[];
  eventsNew: number;
  eventsDuplicate: number;
  counts: DatasetInfo['counts'];
  timeRange: TimeRange | null;
}

/** An import job (`GET /api/jobs/:id`). */
export interface JobInfo {
  id: string;
  datasetId: string;
  state: JobState;
  createdAt: string;
  finishedAt: string | null;
  progress: {
    phase: 'queued' | 'reading' | 'storing' | 'analyzing' | 'done' | 'failed';
    bytes: number;
    totalBytes: number;
    records: number;
    files: number;
    filesDone: number;
  };
  warnings: JobWarning[];
  error: string | null;
  result: JobResult | null;
}

/** Thrown by the store for a dataset or job that does not exist; the API maps it to 404. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
