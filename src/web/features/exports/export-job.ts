/**
 * The heavy exports (CSV of a large view, the dataset cut, the report) as plain jobs: run in the export worker
 * (export-worker.ts) so that a large dataset never freezes the page, or on this thread where no
 * worker can start. Pure: the same function runs in both places.
 */
import type { ViewFilters, WindowView } from '../../../core/analysis/index.js';
import { type Dataset, parseDatasetText } from '../../../core/dataset/index.js';
import {
  cutDataset,
  datasetFileText,
  edgesCsv,
  nodesCsv,
  withAnnotations,
  type ExportMeta,
} from '../../../core/export/index.js';
import { renderReport } from '../../../core/report/index.js';

export type ExportJob =
  /** The nodes or the edges of the view on screen, as CSV. */
  | { kind: 'csv'; part: 'nodes' | 'edges'; view: WindowView; meta: ExportMeta }
  /** A dataset the page holds whole (a file), cut to the window. */
  | { kind: 'cut'; dataset: Dataset; meta: ExportMeta; annotations?: readonly unknown[] | undefined }
  /** The server's window export (its text), with the analyst's annotations added. */
  | { kind: 'annotate'; text: string; annotations: readonly unknown[] }
  /** The offline report of a dataset, or of a dataset file's text (the server's window export). */
  | {
      kind: 'report';
      dataset: Dataset | string;
      meta: ExportMeta;
      filters: ViewFilters;
      annotations?: readonly unknown[] | undefined;
    };

export type JobResult = { ok: true; text: string } | { ok: false; message: string };

export function runExportJob(job: ExportJob): JobResult {
  try {
    switch (job.kind) {
      case 'csv':
        return {
          ok: true,
          text: job.part === 'nodes' ? nodesCsv(job.view, job.meta) : edgesCsv(job.view, job.meta),
        };
      case 'cut':
        return { ok: true, text: datasetFileText(cutDataset(job.dataset, job)) };
      case 'annotate': {
        const parsed = parseDatasetText(job.text);
        if (!parsed.ok) return { ok: false, message: parsed.problems.join('; ') };
        return { ok: true, text: JSON.stringify(withAnnotations(parsed.dataset, job.annotations)) };
      }
      case 'report': {
        let dataset: Dataset;
        if (typeof job.dataset === 'string') {
          const parsed = parseDatasetText(job.dataset);
          if (!parsed.ok) return { ok: false, message: parsed.problems.join('; ') };
          dataset = parsed.dataset;
        } else dataset = job.dataset;
        const text = renderReport(dataset, {
          window: job.meta.window,
          filters: job.filters,
          generatedAt: job.meta.exportedAt,
          datasetName: job.meta.dataset,
          timeZone: job.meta.timeZone ?? null,
          ...(job.annotations === undefined ? {} : { annotations: job.annotations }),
        });
        return { ok: true, text };
      }
    }
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
