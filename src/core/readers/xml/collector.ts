import type { LogonEvent } from '../../events/logon-event.js';
import {
  WarningSink,
  type InputFormat,
  type ReadOptions,
  type ReadResult,
  type ReadWarning,
} from '../types.js';
import { parseTime, timeSortKey } from './time.js';

/** Receives each kept event as soon as it is read (streaming paths). */
export type EventCallback = (event: LogonEvent) => void;

/** Options of the streaming readers: without onEvent, events are collected into the result. */
export interface StreamReadOptions extends ReadOptions {
  onEvent?: EventCallback;
}

/**
 * What every text reader does with a finished record: apply the ReadOptions filters, count, and
 * either hand it on or keep it. Keeps the stats and the bounded warning list in one place.
 */
export class ReadCollector {
  readonly sink = new WarningSink();
  readonly events: LogonEvent[] = [];
  recordsRead = 0;
  eventsReturned = 0;
  bytes = 0;
  readonly skipped: Record<string, number> = {};
  private readonly ids: ReadonlySet<number> | null;
  private readonly fromKey: string | null;
  private readonly toKey: string | null;
  private readonly onEvent: EventCallback | null;

  constructor(
    readonly format: InputFormat,
    opts: StreamReadOptions | undefined,
  ) {
    this.ids = opts?.eventIds ?? null;
    this.fromKey = boundKey(opts?.from);
    this.toKey = boundKey(opts?.to);
    this.onEvent = opts?.onEvent ?? null;
  }

  warn(w: ReadWarning): void {
    this.sink.add(w);
  }

  skip(reason: string): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
  }

  /** A record that was read whole and parsed: filter it and pass it on. */
  accept(event: LogonEvent): void {
    if (this.ids !== null && !this.ids.has(event.eventId)) {
      this.skip('filtered-event-id');
      return;
    }
    if (this.fromKey !== null || this.toKey !== null) {
      const key = timeSortKey(event.time);
      if ((this.fromKey !== null && key < this.fromKey) || (this.toKey !== null && key >= this.toKey)) {
        this.skip('filtered-time');
        return;
      }
    }
    this.eventsReturned++;
    if (this.onEvent !== null) this.onEvent(event);
    else this.events.push(event);
  }

  result(): ReadResult {
    return {
      format: this.format,
      events: this.events,
      warnings: this.sink.warnings,
      warningCounts: this.sink.counts,
      stats: {
        recordsRead: this.recordsRead,
        eventsReturned: this.eventsReturned,
        skipped: this.skipped,
        bytes: this.bytes,
      },
    };
  }
}

function boundKey(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const t = parseTime(value);
  // A bound that is not a time filters nothing rather than everything; the CLI validates its options.
  return t === null ? null : timeSortKey(t.iso);
}
