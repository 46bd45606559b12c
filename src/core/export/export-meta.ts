import type { TimeRange } from '../dataset/schema.js';
import { GENERATOR } from '../version.js';
import { isUtcZone, zonedTimeText } from '../analysis/time-zone.js';

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
  /** The analyst's time zone (IANA name or offset; null or absent = UTC): times are written in it. */
  timeZone?: string | null;
}

/** An instant of an export in its zone, with the offset (`2021-12-03 23:05:09 +09:00`); ISO UTC in UTC. */
export function exportTime(iso: string, meta: Pick<ExportMeta, 'timeZone'>): string {
  return isUtcZone(meta.timeZone) ? iso : zonedTimeText(iso, meta.timeZone ?? null);
}

/** The tool that wrote an export, e.g. `logonlens 0.1.0`. */
export const EXPORT_SOFTWARE = `${GENERATOR.name} ${GENERATOR.version}`;

/**
 * One line naming the window, for titles and descriptions: `<from> to <to> (UTC)`, the same in the
 * analyst's zone with offsets, or `whole dataset`.
 */
export function windowText(window: TimeRange | null, timeZone: string | null = null): string {
  if (window === null) return 'whole dataset';
  if (isUtcZone(timeZone)) return `${window.from} to ${window.to} (UTC)`;
  return `${zonedTimeText(window.from, timeZone)} to ${zonedTimeText(window.to, timeZone)} (${timeZone})`;
}
