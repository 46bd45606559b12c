import type { TimeRange } from '../dataset/schema.js';
import { GENERATOR } from '../version.js';

/**
 * What every export of a view says about itself (issue 13): which dataset, which window, when it
 * was exported and by which tool. The file name carries it (export-file-name.ts) and so does the
 * file's inside: PNG text chunks, SVG <title>/<metadata>, CSV columns, the dataset file's own fields.
 */
export interface ExportMeta {
  /** What the analyst calls the dataset (file or server name): hostile text. */
  dataset: string;
  /** The window of the view; null = the whole dataset. */
  window: TimeRange | null;
  /** When the export was made, UTC ISO (given by the caller: the functions stay pure). */
  exportedAt: string;
}

/** The tool that wrote an export, e.g. `logonlens 0.1.0`. */
export const EXPORT_SOFTWARE = `${GENERATOR.name} ${GENERATOR.version}`;

/** One line naming the window, for titles and descriptions: `<from> to <to> (UTC)` or `whole dataset`. */
export function windowText(window: TimeRange | null): string {
  return window === null ? 'whole dataset' : `${window.from} to ${window.to} (UTC)`;
}
