import type { Dataset, DatasetNode, TimeRange } from '../../core/dataset/index.js';
import type { GraphFilters } from '../http/query.js';
import type { Store } from '../store/store.js';
import { csvRow } from '../../core/text/csv.js';
import { EDGE_CSV_COLUMNS, edgeCsvCells } from '../../core/export/view-csv.js';
import { windowDataset, type RankFn } from './window-dataset.js';

/**
 * One piece of heavy work behind /graph and /export: cut a dataset to a window, rank it and
 * serialize it. Plain data, so that it crosses to a worker thread (graph/window-pool.ts).
 */
export interface WindowWork {
  /** `graph` and `json`: the dataset as JSON; `csv`: its edges as CSV rows. */
  format: 'json' | 'csv';
  datasetId: string;
  window: TimeRange | null;
  filters: GraphFilters;
  maxEdges: number;
  /** The answer's `createdAt` (ISO), from the server's clock. */
  now: string;
  /**
   * JSON only: carry the analyst's notes (the export, a case file). /graph answers leave them out:
   * they are cached per revision, and notes change without one.
   */
  withAnnotations?: boolean;
}

/** CSV is sent in pieces of about this many characters, so that an export streams. */
const CSV_PIECE = 1 << 20;

/** The edge columns, one rule with the app's view CSV (core/export/view-csv.ts). */
export const CSV_COLUMNS = EDGE_CSV_COLUMNS;

/**
 * Computes the work and hands its bytes to `emit`: JSON in one piece, CSV in pieces of about 1 MiB.
 * Every piece is a fresh Uint8Array with its own buffer (it may be transferred to another thread).
 */
export function produceWindowOutput(
  store: Store,
  work: WindowWork,
  rank: RankFn,
  emit: (piece: Uint8Array) => void,
): void {
  const dataset = windowDataset(store, work.datasetId, work.window, work.filters, {
    maxEdges: work.maxEdges,
    rank,
    now: new Date(work.now),
  });
  const encoder = new TextEncoder();
  if (work.format === 'json') {
    const annotations = work.withAnnotations === true ? store.annotations(work.datasetId) : [];
    // Every note of the dataset, also on targets outside the window: the notes are the case's.
    const out = annotations.length > 0 ? { ...dataset, annotations } : dataset;
    emit(encoder.encode(JSON.stringify(out)));
    return;
  }
  let pending = '';
  for (const row of csvRows(dataset)) {
    pending += row;
    if (pending.length >= CSV_PIECE) {
      emit(encoder.encode(pending));
      pending = '';
    }
  }
  if (pending !== '') emit(encoder.encode(pending));
}

/** The edges of a window as CSV: a header, then one row per edge with labels and ids. */
export function* csvRows(d: Dataset): Generator<string> {
  const nodes = new Map<string, DatasetNode>(d.nodes.map((n) => [n.id, n]));
  const label = (id: string | null): string | null => (id === null ? null : (nodes.get(id)?.label ?? id));
  yield csvRow(CSV_COLUMNS);
  for (const e of d.edges) yield csvRow(edgeCsvCells(e, label));
}
