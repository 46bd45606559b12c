// The analysis of an import and its drill-down links in one pass over the dataset's events, in the
// store's order (time, then seq): the graph builder keeps the first record ids of a flag and the
// first details of a detection, so the order events reach it is part of the result.
import { LOGON_EVENT_FIELDS, type LogonEvent } from '../../core/events/index.js';
import type { EventLink, EventLinks } from '../store/import-writer.js';
import { flagCitations } from './event-links.js';
import type { Analysis } from './import-files.js';

/** A stored event with where it sits in the store's order. */
export interface StoredEvent {
  seq: number;
  timeMs: number;
  event: LogonEvent;
}

/**
 * The events an import stored, kept in memory (in seq order, as inserted) so that the analysis does
 * not read them back from the database and parse their JSON again. Beyond `max` events the list is
 * dropped and the analysis reads the store instead: memory stays bounded on huge imports.
 */
export class HeldEvents {
  private seqs: number[] = [];
  private times: number[] = [];
  private events: LogonEvent[] = [];
  private overflowed = false;

  constructor(private readonly max: number) {}

  /** False once more than `max` events were stored: the caller must read the store. */
  get complete(): boolean {
    return !this.overflowed;
  }

  get length(): number {
    return this.events.length;
  }

  add(event: LogonEvent, timeMs: number, seq: number): void {
    if (this.overflowed) return;
    if (this.events.length >= this.max) {
      this.overflowed = true;
      this.seqs = [];
      this.times = [];
      this.events = [];
      return;
    }
    this.seqs.push(seq);
    this.times.push(timeMs);
    this.events.push(event);
  }

  /** Forgets the events added after the first `length` (a file that failed: its rows are deleted). */
  truncate(length: number): void {
    if (this.overflowed || length >= this.events.length) return;
    this.seqs.length = length;
    this.times.length = length;
    this.events.length = length;
  }

  /** The events in the store's order: by time, then seq (they were added in seq order). */
  *sorted(): Generator<StoredEvent> {
    const { seqs, times, events } = this;
    const order = Array.from({ length: events.length }, (_, i) => i);
    // Stable by time over seq order, which is time then seq, as `ORDER BY time_ms, seq`.
    order.sort((a, b) => times[a]! - times[b]! || seqs[a]! - seqs[b]!);
    for (const i of order) yield { seq: seqs[i]!, timeMs: times[i]!, event: events[i]! };
  }
}

/** Two streams each in (time, seq) order, merged into one in that order. */
export function* mergeInStoreOrder(
  a: Iterable<StoredEvent>,
  b: Iterable<StoredEvent>,
): Generator<StoredEvent> {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  let x = ia.next();
  let y = ib.next();
  while (!x.done && !y.done) {
    if (x.value.timeMs < y.value.timeMs || (x.value.timeMs === y.value.timeMs && x.value.seq < y.value.seq)) {
      yield x.value;
      x = ia.next();
    } else {
      yield y.value;
      y = ib.next();
    }
  }
  for (; !x.done; x = ia.next()) yield x.value;
  for (; !y.done; y = ib.next()) yield y.value;
}

/** The fields an event's edge may depend on: all but its time and record id. */
const LINK_SHAPE_FIELDS = LOGON_EVENT_FIELDS.filter((f) => f !== 'time' && f !== 'recordId');

/**
 * A key equal for two events exactly when every field but time and record id is equal (each part
 * length-prefixed, so no value can pass for two). The edge of an event depends on none of those two:
 * edges aggregate over time, and record ids only deduplicate (before the edge is chosen).
 */
export function linkShapeKey(e: LogonEvent): string {
  let key = '';
  for (const f of LINK_SHAPE_FIELDS) {
    const v = e[f];
    key += v === null ? '-' : typeof v === 'number' ? `#${v}` : `${v.length}:${v}`;
  }
  return key;
}

/**
 * Records, for each event the analysis reads, what its drill-down links need (time, seq, the event's
 * shape and record id) in flat arrays, and asks the analysis for each distinct shape's edge once at
 * the end: the events are read once, not again for their links.
 */
export class LinkRecorder {
  private readonly shapes = new Map<string, number>();
  private readonly samples: LogonEvent[] = [];
  private readonly seqs: number[] = [];
  private readonly times: number[] = [];
  private readonly shapeOf: number[] = [];
  private readonly recordIds: (number | null)[] = [];

  /** Passes the events through, recording each one. */
  *record(events: Iterable<StoredEvent>): Generator<LogonEvent> {
    for (const { seq, timeMs, event } of events) {
      const key = linkShapeKey(event);
      let shape = this.shapes.get(key);
      if (shape === undefined) {
        shape = this.samples.push(event) - 1;
        this.shapes.set(key, shape);
      }
      this.seqs.push(seq);
      this.times.push(timeMs);
      this.shapeOf.push(shape);
      this.recordIds.push(event.recordId);
      yield event;
    }
  }

  /** The links of every recorded event, in the order read. */
  *links(analysis: Analysis): Generator<EventLink> {
    const edges = this.samples.map((e) => analysis.edgeIdOf(e));
    const citations = flagCitations(analysis.dataset.nodes);
    const prefixes = this.samples.map((e) => citations.prefixOf(e));
    const none: readonly string[] = [];
    for (let i = 0; i < this.seqs.length; i++) {
      const shape = this.shapeOf[i]!;
      const prefix = prefixes[shape]!;
      const recordId = this.recordIds[i]!;
      const links: EventLinks = {
        edge: edges[shape]!,
        flaggedNodes: prefix === null || recordId === null ? none : citations.cited(prefix, recordId),
      };
      yield [links, this.times[i]!, this.seqs[i]!];
    }
  }
}
