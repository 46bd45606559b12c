// Worker thread of readEvtxParallel: parses the EVTX chunks it is sent and returns the events in a
// compact columnar form (a deduplicated string table and index arrays), which crosses the thread
// boundary far faster than an array of objects. Also exports the pack/unpack pair used by both sides.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { LOGON_EVENT_FIELDS, type LogonEvent } from '../../core/events/index.js';
import { parseChunk, type ChunkFilter, type ChunkResult } from '../../core/readers/evtx/index.js';

/** The string-valued fields of LogonEvent, in LOGON_EVENT_FIELDS order. */
const STRING_FIELDS = LOGON_EVENT_FIELDS.filter((f) => f !== 'recordId' && f !== 'eventId') as Exclude<
  (typeof LOGON_EVENT_FIELDS)[number],
  'recordId' | 'eventId'
>[];
const NS = STRING_FIELDS.length;

export interface PackedEvents {
  count: number;
  strings: string[];
  /** count × STRING_FIELDS indices into strings, -1 = null. */
  cells: Int32Array;
  /** count × [recordId (NaN = null), eventId]. */
  numbers: Float64Array;
}

export type PackedChunkResult = Omit<ChunkResult, 'events'> & { events: PackedEvents };

export function packEvents(events: LogonEvent[]): PackedEvents {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const cells = new Int32Array(events.length * NS);
  const numbers = new Float64Array(events.length * 2);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    numbers[2 * i] = e.recordId ?? Number.NaN;
    numbers[2 * i + 1] = e.eventId;
    for (let f = 0; f < NS; f++) {
      const v = e[STRING_FIELDS[f]!];
      if (v === null) {
        cells[i * NS + f] = -1;
        continue;
      }
      let k = index.get(v);
      if (k === undefined) {
        k = strings.length;
        strings.push(v);
        index.set(v, k);
      }
      cells[i * NS + f] = k;
    }
  }
  return { count: events.length, strings, cells, numbers };
}

export function unpackEvents(p: PackedEvents, out: LogonEvent[] = []): LogonEvent[] {
  const { strings, cells, numbers } = p;
  const s = (k: number): string | null => (k < 0 ? null : strings[k]!);
  for (let i = 0; i < p.count; i++) {
    const rid = numbers[2 * i]!;
    const c = i * NS;
    // One literal in LOGON_EVENT_FIELDS order: every event gets the same hidden class (fast, compact).
    out.push({
      time: s(cells[c]!) ?? '',
      recordId: Number.isNaN(rid) ? null : rid,
      eventId: numbers[2 * i + 1]!,
      channel: s(cells[c + 1]!),
      provider: s(cells[c + 2]!),
      computer: s(cells[c + 3]!),
      targetUser: s(cells[c + 4]!),
      targetDomain: s(cells[c + 5]!),
      targetSid: s(cells[c + 6]!),
      subjectUser: s(cells[c + 7]!),
      subjectDomain: s(cells[c + 8]!),
      subjectSid: s(cells[c + 9]!),
      logonType: s(cells[c + 10]!),
      ipAddress: s(cells[c + 11]!),
      ipPort: s(cells[c + 12]!),
      workstation: s(cells[c + 13]!),
      status: s(cells[c + 14]!),
      subStatus: s(cells[c + 15]!),
      failureReason: s(cells[c + 16]!),
      authPackage: s(cells[c + 17]!),
      lmPackage: s(cells[c + 18]!),
      logonProcess: s(cells[c + 19]!),
      processName: s(cells[c + 20]!),
      serviceName: s(cells[c + 21]!),
      ticketEncryption: s(cells[c + 22]!),
      targetServerName: s(cells[c + 23]!),
      memberSid: s(cells[c + 24]!),
      memberName: s(cells[c + 25]!),
      groupName: s(cells[c + 26]!),
      properties: s(cells[c + 27]!),
      objectDn: s(cells[c + 28]!),
      objectClass: s(cells[c + 29]!),
      categoryId: s(cells[c + 30]!),
      subcategoryGuid: s(cells[c + 31]!),
    });
  }
  return out;
}

export interface WorkerInit {
  kind: 'logonlens-evtx-worker';
  filter: { eventIds: number[] | null; from: string | null; to: string | null };
}

/** A batch of chunks read in one piece; `chunks` locate each chunk inside `bytes`. */
export interface ChunkJob {
  id: number;
  bytes: Uint8Array;
  chunks: { index: number; fileOffset: number; start: number; length: number }[];
}

export interface JobReply {
  id: number;
  results: PackedChunkResult[];
}

function isInit(v: unknown): v is WorkerInit {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'logonlens-evtx-worker';
}

if (!isMainThread && parentPort !== null && isInit(workerData)) {
  const init = workerData;
  const filter: ChunkFilter = {
    eventIds: init.filter.eventIds === null ? null : new Set(init.filter.eventIds),
    from: init.filter.from,
    to: init.filter.to,
  };
  const port = parentPort;
  port.on('message', (job: ChunkJob) => {
    const results: PackedChunkResult[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const c of job.chunks) {
      const r = parseChunk(job.bytes.subarray(c.start, c.start + c.length), c, filter);
      const packed: PackedChunkResult = { ...r, events: packEvents(r.events) };
      transfer.push(packed.events.cells.buffer as ArrayBuffer, packed.events.numbers.buffer as ArrayBuffer);
      results.push(packed);
    }
    const reply: JobReply = { id: job.id, results };
    port.postMessage(reply, transfer);
  });
}
