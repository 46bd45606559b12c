// How an event is stored: its dedup key, its time in ms and its JSON. One definition, used where the
// rows are prepared: the EVTX worker threads (so that the import thread only inserts them) and the
// import writer (events of the other readers).
import { joinKey } from '../../core/analysis/keys.js';
import type { LogonEvent } from '../../core/events/index.js';

/**
 * The dedup key of an event: computer + channel + record ID, so that appending a file twice (or two
 * overlapping exports of one log) adds nothing. An event without a record ID (some JSON shapes) is
 * keyed by its whole content instead.
 */
export function dedupKey(e: LogonEvent): string {
  // Escaped parts (core keys.ts): computer `a\u0001b` on channel `c` is not computer `a` on `b\u0001c`.
  // Ordinary names give the keys stores already hold.
  if (e.recordId !== null) return joinKey(['r', e.computer ?? '', e.channel ?? '', e.recordId]);
  // node:crypto is loaded here, on first use: every EVTX worker imports this module, and loading
  // crypto at its start (≈ 2 ms) delays its first piece; events with record IDs never need it.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return `h\u0001${createHash('sha256').update(JSON.stringify(e)).digest('base64url')}`;
}

/** The events table's time of an event: ms since the epoch, 0 when its time does not parse. */
export function storedTimeMs(e: LogonEvent): number {
  const ms = Date.parse(e.time);
  return Number.isFinite(ms) ? ms : 0;
}

/** The stored columns of a batch of events, one entry per event, in the batch's order. */
export interface EventRows {
  dedup: string[];
  timeMs: number[];
  json: string[];
}

/** The stored columns of `events`. */
export function eventRows(events: readonly LogonEvent[]): EventRows {
  const rows: EventRows = { dedup: [], timeMs: [], json: [] };
  for (const e of events) appendRow(rows, e);
  return rows;
}

/** Appends the stored columns of `e` to `rows`. */
export function appendRow(rows: EventRows, e: LogonEvent): void {
  rows.dedup.push(dedupKey(e));
  rows.timeMs.push(storedTimeMs(e));
  rows.json.push(JSON.stringify(e));
}

/** Rows [start, end) of `rows`. */
export function sliceRows(rows: EventRows, start: number, end: number): EventRows {
  return {
    dedup: rows.dedup.slice(start, end),
    timeMs: rows.timeMs.slice(start, end),
    json: rows.json.slice(start, end),
  };
}
