import type { LogonEvent } from '../events/logon-event.js';

/** Input formats the readers know; detected from content, never from a file name. */
export type InputFormat = 'evtx' | 'xml' | 'json';

/** A problem met while reading. Readers never throw on bad data: they count and report. */
export interface ReadWarning {
  /** Stable machine-readable reason, e.g. `chunk-crc`, `record-truncated`, `json-bad-type`. */
  code: string;
  /** What an analyst reads. */
  message: string;
  /** Where: any of these that apply. Offsets are byte offsets in the input. */
  chunk?: number;
  offset?: number;
  record?: number;
  line?: number;
}

export interface ReadStats {
  /** Records (EVTX/XML events, JSON documents) found in the input, kept or not. */
  recordsRead: number;
  /** Events returned. */
  eventsReturned: number;
  /** Records not returned, by reason (`filtered-event-id`, `not-security`, `corrupt-record`, ...). */
  skipped: Record<string, number>;
  /** Bytes of input consumed. */
  bytes: number;
}

export interface ReadResult {
  format: InputFormat;
  events: LogonEvent[];
  /** The first warnings in detail (bounded, see MAX_DETAILED_WARNINGS); counts of all are in warningCounts. */
  warnings: ReadWarning[];
  warningCounts: Record<string, number>;
  stats: ReadStats;
}

export interface ReadOptions {
  /** Keep only these event IDs; absent or null = every record. */
  eventIds?: ReadonlySet<number> | null;
  /** Keep only events with from <= time < to (ISO 8601 UTC). */
  from?: string | null;
  to?: string | null;
}

/** Detailed warnings kept per read; further ones are only counted, so memory stays bounded. */
export const MAX_DETAILED_WARNINGS = 1000;

/** A file that cannot be read at all (not an event log, empty, unreadable). */
export class UnreadableInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableInputError';
  }
}

/** Collects warnings with a bound on the detailed list. */
export class WarningSink {
  readonly warnings: ReadWarning[] = [];
  readonly counts: Record<string, number> = {};
  add(w: ReadWarning): void {
    this.counts[w.code] = (this.counts[w.code] ?? 0) + 1;
    if (this.warnings.length < MAX_DETAILED_WARNINGS) this.warnings.push(w);
  }
}
