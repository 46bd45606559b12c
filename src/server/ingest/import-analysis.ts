// The analysis of an import and its drill-down links in one pass over the dataset's events, in the
// store's order (time, then seq): the graph builder keeps the first record ids of a flag and the
// first details of a detection, so the order events reach it is part of the result.
import type { LogonEvent } from '../../core/events/index.js';
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
 * not read them back from the database and parse their JSON again. Beyond `maxSize` (the sum of the
 * sizes given, their JSON's length) the list is dropped and the analysis reads the store instead:
 * memory stays bounded on huge imports.
 */
export class HeldEvents {
  private seqs: number[] = [];
  private times: number[] = [];
  private events: LogonEvent[] = [];
  private overflowed = false;
  private size = 0;

  constructor(private readonly maxSize: number) {}

  /** False once more than `maxSize` was stored: the caller must read the store. */
  get complete(): boolean {
    return !this.overflowed;
  }

  get length(): number {
    return this.events.length;
  }

  /** Where the list stands, for `truncate`. */
  mark(): { length: number; size: number } {
    return { length: this.events.length, size: this.size };
  }

  add(event: LogonEvent, timeMs: number, seq: number, size: number): void {
    if (this.overflowed) return;
    this.size += size;
    if (this.size > this.maxSize) {
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

  /** Forgets the events added since `mark` (a file that failed: its rows are deleted). */
  truncate({ length, size }: { length: number; size: number }): void {
    if (this.overflowed || length >= this.events.length) return;
    this.size = size;
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

/**
 * The fields an event's drill-down links are read from: those `edgeIdOf` reads (the graph builder's
 * identity rules: accounts, source, target, event ID, logon type, status, package, the 4771 realm in
 * the service name, the 4648 server) and those a flag cites an event by (event ID, computer; the
 * record id is kept apart). Per-event values such as ports or process names are left out, so that
 * events of one edge share one shape. `import-analysis.test.ts` checks on real samples that `edgeIdOf`
 * reads nothing else.
 */
export const LINK_FIELDS = [
  'eventId',
  'computer',
  'targetUser',
  'targetDomain',
  'targetSid',
  'subjectUser',
  'subjectDomain',
  'subjectSid',
  'ipAddress',
  'workstation',
  'logonType',
  'status',
  'subStatus',
  'authPackage',
  'serviceName',
  'targetServerName',
] as const satisfies readonly (keyof LogonEvent)[];

const part = (v: string | null): string => (v === null ? '-' : `${v.length}:${v}`);

/**
 * A key equal for two events exactly when their LINK_FIELDS are equal (each part length-prefixed,
 * so no value can pass for two). Named reads: a keyed read over many names is slow in V8.
 */
export function linkShapeKey(e: LogonEvent): string {
  return (
    `${e.eventId}|${part(e.computer)}${part(e.targetUser)}${part(e.targetDomain)}${part(e.targetSid)}` +
    `${part(e.subjectUser)}${part(e.subjectDomain)}${part(e.subjectSid)}${part(e.ipAddress)}` +
    `${part(e.workstation)}${part(e.logonType)}${part(e.status)}${part(e.subStatus)}` +
    `${part(e.authPackage)}${part(e.serviceName)}${part(e.targetServerName)}`
  );
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
