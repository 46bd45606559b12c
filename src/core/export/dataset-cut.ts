/**
 * The dataset cut to the view's window, as a dataset file (format v1) that opens in the app again
 * and validates (dataset/validate.ts). The cut is the analysis' own (rankDataset: edges cut to the
 * window on their hourly buckets, nodes touched or flagged in it, rankings and edge detections
 * recomputed), the same as the server's `/export?format=json`: no filter is applied, so that the
 * file holds the whole window and the link's filters can be applied to it again.
 */
import { rankDataset } from '../analysis/analyze.js';
import type { Dataset } from '../dataset/schema.js';
import type { ExportMeta } from './export-meta.js';

export interface DatasetCutOptions {
  meta: ExportMeta;
  /**
   * The analyst's notes and tags (format v1's optional `annotations`, core/dataset/annotations.ts).
   * Written as given, all of them: a note on a node outside the window is still the analyst's work.
   */
  annotations?: readonly unknown[] | undefined;
}

/** The window's dataset: `createdAt` is the export time, `title` the dataset's name. */
export function cutDataset(dataset: Dataset, options: DatasetCutOptions): Dataset {
  const { meta } = options;
  const cut = meta.window === null ? dataset : rankDataset(dataset, meta.window);
  const out: Dataset = {
    ...cut,
    window: meta.window,
    createdAt: meta.exportedAt,
    title: dataset.title ?? meta.dataset,
    caps: dataset.caps ?? null,
  };
  return withAnnotations(out, options.annotations);
}

/** A dataset value with the analyst's annotations set (replacing any it had); unchanged without any. */
export function withAnnotations<T extends object>(
  dataset: T,
  annotations: readonly unknown[] | undefined,
): T {
  if (annotations === undefined || annotations.length === 0) return dataset;
  return { ...dataset, annotations: [...annotations] };
}

/** The dataset file's text. */
export function datasetFileText(dataset: Dataset): string {
  return JSON.stringify(dataset);
}
