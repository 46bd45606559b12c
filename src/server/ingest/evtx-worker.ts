// Worker thread of readEvtxParallel: parses the EVTX chunks it is sent and returns the events in a
// compact columnar form (a deduplicated string table and index arrays), which crosses the thread
// boundary far faster than an array of objects. Also exports the pack/unpack pair used by both sides.
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import {
  LOGON_EVENT_FIELDS,
  NdjsonWriter,
  type EventFieldsSink,
  type LogonEvent,
} from '../../core/events/index.js';
import {
  parseChunk,
  type ChunkChecksums,
  type ChunkFilter,
  type ChunkInfo,
  type ChunkResult,
} from '../../core/readers/evtx/index.js';
import { IDLE_WORKER_DATA } from './evtx-prestart.js';
import { useNativeCrc32 } from './native-crc32.js';
import { markEvtxTimeline } from './evtx-timeline.js';
import { appendRow, type EventRows } from '../store/event-row.js';

/** The string-valued fields of LogonEvent, in LOGON_EVENT_FIELDS order. */
const STRING_FIELDS = LOGON_EVENT_FIELDS.filter((f) => f !== 'recordId' && f !== 'eventId') as Exclude<
  (typeof LOGON_EVENT_FIELDS)[number],
  'recordId' | 'eventId'
>[];
const NS = STRING_FIELDS.length;

export interface PackedEvents {
  count: number;
  /**
   * Distinct strings of the batch, after a null at index 0: the receiving thread creates each one
   * once, and reads every cell as a plain `strings[cell]` (no test for null: a smaller, faster
   * unpacking function, and less for V8's optimizing compiler to compile).
   */
  strings: (string | null)[];
  /** count × STRING_FIELDS indices into strings, 0 = null. */
  cells: Int32Array;
  /** count × [recordId (NaN = null), eventId]. */
  numbers: Float64Array;
}

/**
 * A chunk's result without its events, which travel in the job's PackedEvents (`eventCount` of
 * them), or, when the worker writes NDJSON, as `ndjsonBytes` bytes of the job's `ndjson`.
 */
export type PackedChunkResult = Omit<ChunkResult, 'events'> & { eventCount: number; ndjsonBytes: number };

/**
 * Copies an event's string fields into `row`, in STRING_FIELDS order. Named reads, not `e[name]` in
 * a loop: a keyed read with 32 different names is megamorphic in V8 and was most of the packing
 * time; and one reused row, not an array per event, so packing makes no garbage.
 */
function readStringCells(e: LogonEvent, row: (string | null)[]): void {
  row[1] = e.channel;
  row[2] = e.provider;
  row[3] = e.computer;
  row[4] = e.targetUser;
  row[5] = e.targetDomain;
  row[6] = e.targetSid;
  row[7] = e.subjectUser;
  row[8] = e.subjectDomain;
  row[9] = e.subjectSid;
  row[10] = e.logonType;
  row[11] = e.ipAddress;
  row[12] = e.ipPort;
  row[13] = e.workstation;
  row[14] = e.status;
  row[15] = e.subStatus;
  row[16] = e.failureReason;
  row[17] = e.authPackage;
  row[18] = e.lmPackage;
  row[19] = e.logonProcess;
  row[20] = e.processName;
  row[21] = e.serviceName;
  row[22] = e.ticketEncryption;
  row[23] = e.targetServerName;
  row[24] = e.memberSid;
  row[25] = e.memberName;
  row[26] = e.groupName;
  row[27] = e.properties;
  row[28] = e.objectDn;
  row[29] = e.objectClass;
  row[30] = e.categoryId;
  row[31] = e.subcategoryGuid;
  row[32] = e.servicePrincipalNames;
  row[33] = e.oldTargetUser;
  row[34] = e.newTargetUser;
  row[35] = e.attributeName;
  row[36] = e.attributeValue;
  row[37] = e.operationType;
  row[38] = e.passwordLastSet;
  row[39] = e.targetInfo;
}

/** The values of a row last packed for an event ID, and their string table indexes. */
interface LastRow {
  values: (string | null)[];
  index: Int32Array;
}

/**
 * Packs the events of one job into the columnar wire form, chunk by chunk: one string table for
 * all the job's chunks (the receiving thread creates each distinct string once per job), while each
 * chunk's event objects can be dropped as soon as they are packed (they never pile up in the worker).
 */
export class EventPacker implements EventFieldsSink {
  /** Every value as a string: packed events become LogonEvents on the calling thread. */
  readonly takesValueRefs = false;
  private readonly strings: (string | null)[] = [null];
  private readonly index = new Map<string, number>();
  private cells: Int32Array;
  private numbers: Float64Array;
  private count = 0;
  private readonly row = new Array<string | null>(NS).fill(null);
  private lastTime: string | null = null;
  private lastTimeIndex = -1;
  /**
   * By event ID, the values last packed in each cell of a row and their indexes: a record repeats
   * most values of the last record of its event ID (computer, channel, domain, logon type,
   * package…), and comparing with it (the reader hands out one string instance for a repeated
   * value) is cheaper than a lookup in the string table's map.
   */
  private readonly lastRows = new Map<number, LastRow>();

  /** `capacity`: the events expected (room grows past it; a worker passes its last job's count). */
  constructor(capacity = 1024) {
    this.cells = new Int32Array(capacity * NS);
    this.numbers = new Float64Array(capacity * 2);
  }

  /** Room for `n` more events. */
  private reserve(n: number): void {
    const need = this.count + n;
    if (need * NS <= this.cells.length) return;
    const cap = Math.max(need, 2 * this.count);
    const cells = new Int32Array(cap * NS);
    cells.set(this.cells.subarray(0, this.count * NS));
    const numbers = new Float64Array(cap * 2);
    numbers.set(this.numbers.subarray(0, this.count * 2));
    this.cells = cells;
    this.numbers = numbers;
  }

  /** The string table index of a value (0 for null), adding it when new. */
  private cell(v: string | null): number {
    if (v === null) return 0;
    let k = this.index.get(v);
    if (k === undefined) {
      k = this.strings.push(v) - 1;
      this.index.set(v, k);
    }
    return k;
  }

  /** The last row packed for an event ID. */
  private lastRow(eventId: number): LastRow {
    let last = this.lastRows.get(eventId);
    if (last === undefined) {
      last = { values: new Array<string | null>(NS).fill(null), index: new Int32Array(NS) };
      this.lastRows.set(eventId, last);
    }
    return last;
  }

  /** The index of the value of cell `f` of a row (0 for null), given the last row of its event ID. */
  private fieldCell(last: LastRow, f: number, v: string | null): number {
    if (v === last.values[f]) return last.index[f]!;
    const k = this.cell(v);
    last.values[f] = v;
    last.index[f] = k;
    return k;
  }

  /** Starts event `i` (its numbers and time cell). */
  private start(i: number, time: string, recordId: number | null, eventId: number): void {
    this.numbers[2 * i] = recordId ?? Number.NaN;
    this.numbers[2 * i + 1] = eventId;
    // Times are nearly unique (100 ns precision): comparing with the previous record's time is
    // enough to share repeats, and cheaper than hashing every one.
    if (time !== this.lastTime) {
      this.lastTime = time;
      this.lastTimeIndex = this.strings.push(time) - 1;
    }
    this.cells[i * NS] = this.lastTimeIndex;
  }

  add(events: readonly LogonEvent[]): void {
    this.reserve(events.length);
    const { row } = this;
    for (const e of events) {
      const i = this.count++;
      this.start(i, e.time, e.recordId, e.eventId);
      readStringCells(e, row);
      const cells = this.cells;
      const last = this.lastRow(e.eventId);
      for (let f = 1; f < NS; f++) cells[i * NS + f] = this.fieldCell(last, f, row[f] ?? null);
    }
  }

  /**
   * One record as the reader gives its fields (parseChunk's sink): packed without building the
   * event object, in the same cells `add` fills (STRING_FIELDS is time, channel, provider,
   * computer, then EVENT_DATA_FIELDS in order, as `data` holds them).
   */
  fields(
    time: string | null,
    recordId: number | null,
    eventId: number,
    channel: string | null,
    provider: string | null,
    computer: string | null,
    data: readonly (string | null)[],
  ): void {
    this.reserve(1);
    const i = this.count++;
    // `time` is null only with value references, which this sink declines (takesValueRefs).
    this.start(i, time ?? '', recordId, eventId);
    const cells = this.cells;
    const c = i * NS;
    const last = this.lastRow(eventId);
    cells[c + 1] = this.fieldCell(last, 1, channel);
    cells[c + 2] = this.fieldCell(last, 2, provider);
    cells[c + 3] = this.fieldCell(last, 3, computer);
    for (let f = 4; f < NS; f++) cells[c + f] = this.fieldCell(last, f, data[f - 4] ?? null);
  }

  /** Events packed so far. */
  get size(): number {
    return this.count;
  }

  /**
   * The packed events. Their columns are views of the packer's own buffers, not copies: a worker
   * moves those buffers to the calling thread with the reply, and packs the next job anew.
   */
  finish(): PackedEvents {
    return {
      count: this.count,
      strings: this.strings,
      cells: this.cells.subarray(0, this.count * NS),
      numbers: this.numbers.subarray(0, this.count * 2),
    };
  }
}

export function packEvents(events: readonly LogonEvent[]): PackedEvents {
  const packer = new EventPacker();
  packer.add(events);
  return packer.finish();
}

/** Unpacks events [start, end) of a PackedEvents (all of them by default), appended to `out`. */
export function unpackEvents(
  p: PackedEvents,
  out: LogonEvent[] = [],
  start = 0,
  end: number = p.count,
): LogonEvent[] {
  const { strings: t, cells, numbers } = p;
  for (let i = start; i < end; i++) {
    const rid = numbers[2 * i]!;
    const c = i * NS;
    // One literal in LOGON_EVENT_FIELDS order: every event gets the same hidden class (fast, compact).
    out.push({
      time: t[cells[c]!]! ?? '',
      recordId: Number.isNaN(rid) ? null : rid,
      eventId: numbers[2 * i + 1]!,
      channel: t[cells[c + 1]!]!,
      provider: t[cells[c + 2]!]!,
      computer: t[cells[c + 3]!]!,
      targetUser: t[cells[c + 4]!]!,
      targetDomain: t[cells[c + 5]!]!,
      targetSid: t[cells[c + 6]!]!,
      subjectUser: t[cells[c + 7]!]!,
      subjectDomain: t[cells[c + 8]!]!,
      subjectSid: t[cells[c + 9]!]!,
      logonType: t[cells[c + 10]!]!,
      ipAddress: t[cells[c + 11]!]!,
      ipPort: t[cells[c + 12]!]!,
      workstation: t[cells[c + 13]!]!,
      status: t[cells[c + 14]!]!,
      subStatus: t[cells[c + 15]!]!,
      failureReason: t[cells[c + 16]!]!,
      authPackage: t[cells[c + 17]!]!,
      lmPackage: t[cells[c + 18]!]!,
      logonProcess: t[cells[c + 19]!]!,
      processName: t[cells[c + 20]!]!,
      serviceName: t[cells[c + 21]!]!,
      ticketEncryption: t[cells[c + 22]!]!,
      targetServerName: t[cells[c + 23]!]!,
      memberSid: t[cells[c + 24]!]!,
      memberName: t[cells[c + 25]!]!,
      groupName: t[cells[c + 26]!]!,
      properties: t[cells[c + 27]!]!,
      objectDn: t[cells[c + 28]!]!,
      objectClass: t[cells[c + 29]!]!,
      categoryId: t[cells[c + 30]!]!,
      subcategoryGuid: t[cells[c + 31]!]!,
      servicePrincipalNames: t[cells[c + 32]!]!,
      oldTargetUser: t[cells[c + 33]!]!,
      newTargetUser: t[cells[c + 34]!]!,
      attributeName: t[cells[c + 35]!]!,
      attributeValue: t[cells[c + 36]!]!,
      operationType: t[cells[c + 37]!]!,
      passwordLastSet: t[cells[c + 38]!]!,
      targetInfo: t[cells[c + 39]!]!,
    });
  }
  return out;
}

export interface WorkerInit {
  kind: 'logonlens-evtx-worker';
  filter: { eventIds: number[] | null; from: string | null; to: string | null };
  /** 'ndjson': the worker writes the events as NDJSON (UTF-8) instead of sending them. */
  output?: 'events' | 'ndjson';
  /** With 'events': also each event's stored row (the server import's inserts, prepared here). */
  rows?: boolean;
}

/** A batch of chunks read in one piece; `chunks` locate each chunk inside `bytes`. */
export interface ChunkJob {
  id: number;
  bytes: Uint8Array;
  /** With `checksums` when the sending thread checked them (readEvtxParallel's `checksumsHere`). */
  chunks: { index: number; fileOffset: number; start: number; length: number; checksums?: ChunkChecksums }[];
}

export interface JobReply {
  id: number;
  results: PackedChunkResult[];
  /** The events of all the job's chunks, in chunk order (none when the worker writes NDJSON). */
  events: PackedEvents;
  /** NDJSON mode: the job's events as UTF-8 NDJSON, chunk after chunk. */
  ndjson?: Uint8Array;
  /**
   * NDJSON mode: the job's bytes, moved back once parsed; the calling thread reads later pieces
   * into them. Left here, they would wait for this thread's next garbage collection, which is rare
   * when parsing makes little garbage: ≈ 60 MB of read pieces piled up on a 512 MB log.
   */
  input?: Uint8Array;
  /** With `rows`: the stored row of each of `events`, in the same order. */
  rows?: EventRows;
}

/** A written NDJSON buffer the calling thread hands back once its bytes are out (NdjsonBatch.reuse). */
export interface ReturnedBuffer {
  kind: 'logonlens-ndjson-buffer';
  buffer: ArrayBuffer;
}

export function isReturnedBuffer(v: unknown): v is ReturnedBuffer {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as { kind?: unknown }).kind === 'logonlens-ndjson-buffer' &&
    (v as { buffer?: unknown }).buffer instanceof ArrayBuffer
  );
}

/**
 * Returned buffers a batch keeps at most: with two jobs in flight, a job's buffer comes back two or
 * three jobs later, so a few circulate; more would only hold memory (≈ 2 MiB each).
 */
export const MAX_RETURNED_BUFFERS = 4;

/**
 * UTF-8 NDJSON of chunk after chunk in one growing buffer (moved to the calling thread at the
 * end): the calling thread then only writes bytes, and two workers format in parallel. The chunks
 * are read straight into the writer (parseChunk's sink): no event objects. The calling thread may
 * hand a buffer back once written (`reuse`): the next jobs write into it instead of fresh memory.
 */
export class NdjsonBatch {
  private readonly returned: ArrayBuffer[] = [];
  // Buffers not zeroed first (the job's ≈ 2 MiB, every job): the writer hands out only what it wrote.
  private readonly writer = new NdjsonWriter(1 << 20, (n) => this.buffer(n));

  /** A returned buffer of at least n bytes (smaller ones are dropped), else fresh memory. */
  private buffer(n: number): Uint8Array {
    for (let ab = this.returned.pop(); ab !== undefined; ab = this.returned.pop()) {
      // A Buffer over it, like the fresh ones: the writer's loops see one kind of array.
      if (ab.byteLength >= n) return Buffer.from(ab);
    }
    return Buffer.allocUnsafeSlow(n);
  }

  /** Takes back a buffer this batch handed out, once nothing reads it any more (bounded). */
  reuse(buffer: ArrayBuffer): void {
    if (this.returned.length < MAX_RETURNED_BUFFERS && buffer.byteLength > 0) this.returned.push(buffer);
  }

  /** Buffers held for reuse (tests). */
  get held(): number {
    return this.returned.length;
  }

  /**
   * Parses a chunk straight into NDJSON (no event objects); returns the chunk's result with the
   * number of events and bytes written.
   */
  parse(bytes: Uint8Array, info: ChunkInfo, filter: ChunkFilter): PackedChunkResult {
    const w = this.writer;
    const lines = w.lines;
    const start = w.length;
    const { events: _none, ...rest } = parseChunk(bytes, info, filter, w);
    return { ...rest, eventCount: w.lines - lines, ndjsonBytes: w.length - start };
  }

  finish(): Uint8Array {
    return this.writer.take();
  }
}

/** The (empty) events of a job whose worker writes NDJSON. */
function noEvents(): PackedEvents {
  return { count: 0, strings: [null], cells: new Int32Array(0), numbers: new Float64Array(0) };
}

function isInit(v: unknown): v is WorkerInit {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'logonlens-evtx-worker';
}

function isIdle(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === IDLE_WORKER_DATA.kind;
}

/** The job handler of a worker with these options. */
function serveJobs(port: MessagePort, init: WorkerInit): (m: ChunkJob | ReturnedBuffer) => void {
  useNativeCrc32();
  const filter: ChunkFilter = {
    eventIds: init.filter.eventIds === null ? null : new Set(init.filter.eventIds),
    from: init.filter.from,
    to: init.filter.to,
  };
  // One batch for every job: each job's bytes are taken (and moved) at its end, and the next job
  // writes into a buffer handed back by the calling thread, else a fresh one, of the size the jobs
  // needed so far.
  const batch = init.output === 'ndjson' ? new NdjsonBatch() : null;
  // Room for as many events as the last job held, and a quarter more: jobs are alike, so the
  // columns rarely grow (a copy) and are never much larger than they need to be.
  let expectedEvents = 1024;
  return (m) => {
    if (isReturnedBuffer(m)) {
      batch?.reuse(m.buffer);
      return;
    }
    const job = m;
    markEvtxTimeline(`piece ${job.id} start`);
    const results: PackedChunkResult[] = [];
    const packer = batch === null ? new EventPacker(expectedEvents) : null;
    const rows: EventRows | null =
      batch === null && init.rows === true ? { dedup: [], timeMs: [], json: [] } : null;
    for (const c of job.chunks) {
      const bytes = job.bytes.subarray(c.start, c.start + c.length);
      if (batch !== null) {
        results.push(batch.parse(bytes, c, filter));
        continue;
      }
      if (rows !== null) {
        // The store's rows are made from event objects (one definition of a row, event-row.ts).
        const { events, ...rest } = parseChunk(bytes, c, filter);
        packer!.add(events);
        for (const e of events) appendRow(rows, e);
        results.push({ ...rest, eventCount: events.length, ndjsonBytes: 0 });
        continue;
      }
      // Packed straight from the reader's fields: no event objects in the worker.
      const before = packer!.size;
      const { events: _none, ...rest } = parseChunk(bytes, c, filter, packer!);
      results.push({ ...rest, eventCount: packer!.size - before, ndjsonBytes: 0 });
    }
    const packed = packer === null ? noEvents() : packer.finish();
    if (packer !== null) expectedEvents = Math.max(64, Math.ceil(packer.size * 1.25));
    const reply: JobReply = { id: job.id, results, events: packed, ...(rows === null ? {} : { rows }) };
    const transfer = [packed.cells.buffer as ArrayBuffer, packed.numbers.buffer as ArrayBuffer];
    if (batch !== null) {
      reply.ndjson = batch.finish();
      reply.input = job.bytes;
      transfer.push(reply.ndjson.buffer as ArrayBuffer, job.bytes.buffer as ArrayBuffer);
    }
    markEvtxTimeline(`piece ${job.id} parsed`);
    port.postMessage(reply, transfer);
  };
}

if (!isMainThread && parentPort !== null) {
  markEvtxTimeline('worker ready');
  const port = parentPort;
  if (isInit(workerData)) port.on('message', serveJobs(port, workerData));
  else if (isIdle(workerData)) {
    // Started ahead (evtx-prestart.ts): the first message is the WorkerInit, then come the jobs.
    let serve: ((m: ChunkJob | ReturnedBuffer) => void) | null = null;
    port.on('message', (m: unknown) => {
      if (serve !== null) serve(m as ChunkJob | ReturnedBuffer);
      else if (isInit(m)) serve = serveJobs(port, m);
    });
  }
}
