// EVTX in parallel: the file is read in pieces of a few chunks (never whole, when given a path) and
// the chunks are parsed on worker threads; results are merged in record order, the same as
// readEvtx. Memory holds the events plus a bounded number of pieces in flight (2 per worker).
import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import {
  CHUNK_SIZE,
  checkChunkChecksums,
  chunkFilter,
  chunkSlotCount,
  hasChunkSignature,
  inRecordOrder,
  mergeChunkResults,
  nonChunkWarning,
  parseChunk,
  readEvtxHeader,
  staleHeaderWarning,
  type ChunkFilter,
  type ChunkResult,
} from '../../core/readers/evtx/index.js';
import {
  UnreadableInputError,
  type ReadOptions,
  type ReadResult,
  type ReadWarning,
} from '../../core/readers/types.js';
import { NdjsonWriter, type LogonEvent } from '../../core/events/index.js';
import {
  unpackEvents,
  type ChunkJob,
  type JobReply,
  type PackedChunkResult,
  type ReturnedBuffer,
  type WorkerInit,
} from './evtx-worker.js';
import { sliceRows, type EventRows } from '../store/event-row.js';
import { spawnModuleWorker } from '../jobs/spawn-worker.js';
import { EVTX_WORKER_URL, takePrestartedWorker } from './evtx-prestart.js';
import { useNativeCrc32 } from './native-crc32.js';
import { markEvtxTimeline } from './evtx-timeline.js';

// Chunks read on this thread (small inputs, dead workers) are checksummed natively too.
useNativeCrc32();

export interface EvtxProgress {
  bytes: number;
  totalBytes: number;
  records: number;
}

export type ParallelReadOptions = ReadOptions & {
  /** Worker threads; default os.availableParallelism(). */
  workers?: number;
  onProgress?: (p: EvtxProgress) => void;
  /**
   * Inputs smaller than this many bytes are parsed on the calling thread: starting a worker costs
   * more than reading a couple of MiB. Default 2 MiB; 0 always uses workers.
   */
  inThreadBelow?: number;
  /**
   * The events as NDJSON (`logonlens events`), formatted by the workers: UTF-8 pieces handed over
   * in record order (readEvtx's order) as soon as possible, and the result's `events` stay empty.
   * When the chunk headers show a log that did not wrap around (record ids rise with the position
   * in the file, the usual case), each chunk is handed over as soon as it and those before it are
   * read, so memory stays flat; a wrapped log's pieces are kept and handed over in order at the end.
   */
  onNdjson?: NdjsonConsumer;
  /** Awaited before each piece of the file is read: lets an NDJSON consumer apply backpressure. */
  beforePiece?: () => Promise<void>;
  /**
   * Each chunk's events as soon as it and every chunk before it in the file are read (file order:
   * record order unless the log wrapped around): the result's `events` then stay empty, and memory
   * holds a few pieces instead of every event. For consumers whose result does not depend on the
   * order (the analysis).
   */
  onEvents?: (events: LogonEvent[], rows?: EventRows) => void;
  /**
   * With `onEvents`: the workers also prepare each event's stored row (dedup key, time, JSON: the
   * server import's inserts), handed over beside the events; chunks read on this thread (small
   * inputs, a dead worker) come without them.
   */
  storedRows?: boolean;
  /**
   * With `onEvents`: 'record' hands the chunks over in record order (readEvtx's order, as
   * `onNdjson` does: streamed while the log did not wrap around, the rest at the end), for consumers
   * that store the events in the order read (the server import); default 'file'.
   */
  eventsOrder?: 'file' | 'record';
  /**
   * Each range of the file as it is read (the header, then the pieces, in file order; ranges may
   * overlap and need not reach the end), before its bytes go to a worker: lets the caller hash the
   * file without reading it a second time.
   */
  onRead?: (offset: number, bytes: Uint8Array) => void;
  /**
   * This thread checks each chunk's checksums (CRC-32 of its header and records) as it reads the
   * piece, and the worker that parses the chunk does not compute them again: for callers whose own
   * thread is idle while the workers parse (`logonlens events`), it takes ≈ 8 % off the workers,
   * which bound the run. The warnings are the same either way. Default false: a caller whose thread
   * is busy beside the workers (`analyze`, the server import) would only move the work onto it.
   */
  checksumsHere?: boolean;
};

/**
 * Takes NDJSON bytes. `done`, when given, is to be called once the bytes are no longer needed
 * (written out): their memory then goes back to the worker that wrote them, which writes later
 * jobs into it instead of fresh memory, and the bytes must not be read after. Not calling it is
 * safe (the memory is then collected).
 */
export type NdjsonConsumer = (ndjson: Uint8Array, done?: () => void) => void;

/** A chunk's result as the pool gives it: with its NDJSON instead of its events in NDJSON mode. */
type ChunkOutput = ChunkResult & {
  ndjson?: Uint8Array;
  /** Called once `ndjson` is written: the job's buffer goes back to its worker after its last chunk. */
  release?: () => void;
  rows?: EventRows;
  eventCount: number;
};

/** Formats chunks parsed on this thread (small inputs, dead workers) in NDJSON mode. */
class LocalNdjson {
  private readonly writer = new NdjsonWriter(64 * 1024);

  output(r: ChunkResult): ChunkOutput {
    this.writer.add(r.events);
    return { ...r, events: [], ndjson: this.writer.take(), eventCount: r.events.length };
  }
}

function localOutput(r: ChunkResult, ndjson: LocalNdjson | null): ChunkOutput {
  return ndjson === null ? { ...r, eventCount: r.events.length } : ndjson.output(r);
}

const DEFAULT_IN_THREAD_BELOW = 2 * 1024 * 1024;

/** Chunks per piece read and sent to a worker (1 MiB): few messages, little memory. */
const CHUNKS_PER_JOB = 16;
const JOBS_IN_FLIGHT_PER_WORKER = 2;
/** Read pieces whose memory a file source keeps for later reads (moved back by the workers). */
const MAX_SPARE_PIECES = 4;
const PROGRESS_INTERVAL_MS = 100;

/**
 * One chunk worker: a prestarted one (evtx-prestart.ts: already booted) given its options, else a
 * new one; an Error when none can start (its chunks are then read in-thread).
 */
function startWorker(init: WorkerInit): Worker | Error {
  const ready = takePrestartedWorker();
  if (ready !== undefined) {
    ready.postMessage(init);
    return ready;
  }
  try {
    return spawnModuleWorker(EVTX_WORKER_URL, { workerData: init });
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** Source of chunk bytes: a file read piece by piece, or a buffer already in memory. */
interface Source {
  size: number;
  /** Fresh bytes (owned by the caller, so they can be transferred to a worker). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Memory of bytes it read that nothing uses any more: later reads may fill it (bounded). */
  recycle(buffer: ArrayBuffer): void;
  /** A few bytes at once, synchronously (chunk headers: thousands of tiny reads). */
  peek(offset: number, length: number): Uint8Array;
  close(): Promise<void>;
}

async function fileSource(path: string): Promise<Source> {
  let fh: FileHandle;
  let size: number;
  try {
    fh = await open(path, 'r');
    size = (await fh.stat()).size;
  } catch (e) {
    throw new UnreadableInputError(`cannot read ${path}: ${(e as Error).message}`);
  }
  const spare: ArrayBuffer[] = [];
  return {
    size,
    async read(offset, length) {
      // Not zeroed first (128 MB of memset for a 128 MB log): only the bytes read are handed out.
      const reused = spare.pop();
      const buf =
        reused !== undefined && reused.byteLength >= length
          ? Buffer.from(reused, 0, length)
          : Buffer.allocUnsafeSlow(length);
      let got = 0;
      while (got < length) {
        const { bytesRead } = await fh.read(buf, got, length - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === length ? buf : buf.subarray(0, got);
    },
    recycle(buffer) {
      if (spare.length < MAX_SPARE_PIECES && buffer.byteLength > 0) spare.push(buffer);
    },
    peek(offset, length) {
      const buf = new Uint8Array(length);
      const got = readSync(fh.fd, buf, 0, length, offset);
      return buf.subarray(0, got);
    },
    close: () => fh.close(),
  };
}

function memorySource(bytes: Uint8Array): Source {
  return {
    size: bytes.length,
    // Uint8Array's slice, a copy: a Node Buffer's own slice is a view of the caller's memory, and
    // moving that piece to a worker would detach the caller's whole buffer.
    read: async (offset, length) =>
      Uint8Array.prototype.slice.call(bytes, offset, Math.min(bytes.length, offset + length)),
    peek: (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
    recycle: () => {},
    close: async () => {},
  };
}

/**
 * Reads an EVTX file (path or bytes) with its chunks parsed on worker threads. Same result as
 * readEvtx (same events, order, warnings); throws UnreadableInputError when the input is not EVTX
 * or cannot be read.
 */
export async function readEvtxParallel(
  input: string | Uint8Array,
  opts: ParallelReadOptions = {},
): Promise<ReadResult> {
  const source = typeof input === 'string' ? await fileSource(input) : memorySource(input);
  try {
    return await readFromSource(source, opts);
  } finally {
    await source.close();
  }
}

async function readFromSource(source: Source, opts: ParallelReadOptions): Promise<ReadResult> {
  markEvtxTimeline('read start');
  const { size } = source;
  const head = await source.read(0, Math.min(size, 4096 + 8));
  opts.onRead?.(0, head);
  const header = readEvtxHeader(head, size);
  const leading: ReadWarning[] = [...header.warnings];
  const filter = chunkFilter(opts, leading);
  const slots = chunkSlotCount(size, header.firstChunkOffset);
  if (slots === 0 && header.headerChunkCount !== null) {
    leading.push({
      code: 'no-chunks',
      message: 'the file has an EVTX header but no chunk after it: no records',
      offset: 0,
    });
  }
  const results: ChunkOutput[] = [];
  const local = opts.onNdjson === undefined ? null : new LocalNdjson();
  const onEvents = local === null ? opts.onEvents : undefined;
  const giveEvents = (r: ChunkOutput): void => {
    const { events, rows } = r;
    r.events = []; // handed over, not held
    delete r.rows;
    if (events.length > 0) onEvents!(events, rows);
  };
  const giveNdjson = (r: ChunkOutput): void => {
    const bytes = r.ndjson;
    const release = r.release;
    delete r.ndjson; // handed over, not held
    delete r.release;
    if (bytes !== undefined && bytes.length > 0) opts.onNdjson!(bytes, release);
  };
  const recordOrderStream = (give: (r: ChunkOutput) => void): InFileOrder =>
    new InFileOrder(
      // Scanned when the first piece comes back, not before the first is sent: the scan (a read of
      // 32 bytes per chunk, ≈ 2,000 reads for 128 MB) then overlaps the workers' parsing.
      streamInRecordOrder(give, () => recordIdsRiseInFileOrder(source, header.firstChunkOffset, slots)),
    );
  const stream =
    onEvents !== undefined
      ? opts.eventsOrder === 'record'
        ? recordOrderStream(giveEvents)
        : new InFileOrder({
            take(rs) {
              for (const r of rs) giveEvents(r);
            },
          })
      : opts.onNdjson !== undefined
        ? recordOrderStream(giveNdjson)
        : null;
  let bytesDone = Math.min(size, header.firstChunkOffset);
  let records = 0;
  let lastProgress = 0;
  const progress = (force: boolean): void => {
    if (!opts.onProgress) return;
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    opts.onProgress({ bytes: bytesDone, totalBytes: size, records });
  };
  progress(true);

  const requested = opts.workers ?? availableParallelism();
  const nWorkers = Math.max(
    1,
    Math.min(Number.isFinite(requested) ? Math.floor(requested) : 1, Math.ceil(slots / CHUNKS_PER_JOB)),
  );
  const inThread = size < (opts.inThreadBelow ?? DEFAULT_IN_THREAD_BELOW);
  const rows = onEvents !== undefined && opts.storedRows === true;
  const pool = slots > 0 && !inThread ? new WorkerPool(nWorkers, filter, source, local, rows) : null;
  const checkHere = pool !== null && opts.checksumsHere === true;
  try {
    const pending: Promise<void>[] = [];
    for (let first = 0, id = 0; first < slots; first += CHUNKS_PER_JOB, id++) {
      const startOff = header.firstChunkOffset + first * CHUNK_SIZE;
      if (opts.beforePiece !== undefined) await opts.beforePiece();
      const bytes = await source.read(startOff, Math.min(CHUNKS_PER_JOB * CHUNK_SIZE, size - startOff));
      opts.onRead?.(startOff, bytes); // before the bytes are moved to a worker
      const job: ChunkJob = { id, bytes, chunks: [] };
      let skippedBytes = 0;
      for (let start = 0, i = first; start < bytes.length; start += CHUNK_SIZE, i++) {
        const length = Math.min(CHUNK_SIZE, bytes.length - start);
        if (hasChunkSignature(bytes, start)) {
          job.chunks.push({
            index: i,
            fileOffset: startOff + start,
            start,
            length,
            // Checked before the bytes are moved: the worker reads the result instead.
            ...(checkHere ? { checksums: checkChunkChecksums(bytes.subarray(start, start + length)) } : {}),
          });
        } else {
          const w = nonChunkWarning(bytes.subarray(start, start + length), i, startOff + start);
          if (w) leading.push(w);
          skippedBytes += length;
        }
      }
      bytesDone += skippedBytes;
      if (job.chunks.length === 0) continue;
      const jobBytes = bytes.length - skippedBytes;
      if (pool === null) {
        for (const c of job.chunks) {
          const r = localOutput(parseChunk(bytes.subarray(c.start, c.start + c.length), c, filter), local);
          results.push(r);
          records += r.recordsRead;
        }
        stream?.deliver(stream.next(), results.slice(results.length - job.chunks.length));
        bytesDone += jobBytes;
        progress(false);
        continue;
      }
      await pool.ready(); // back-pressure: read no further than the workers can take
      const seq = stream?.next() ?? 0;
      markEvtxTimeline(`piece ${id} sent`);
      pending.push(
        pool.run(job).then((rs) => {
          markEvtxTimeline(`piece ${job.id} back`);
          for (const r of rs) {
            results.push(r);
            records += r.recordsRead;
          }
          stream?.deliver(seq, rs);
          bytesDone += jobBytes;
          progress(false);
        }),
      );
    }
    await Promise.all(pending);
  } finally {
    await pool?.close();
  }
  markEvtxTimeline('read end');
  for (const why of pool?.failures ?? []) {
    leading.push({
      code: 'worker-failed',
      message: `an EVTX worker thread failed (${why}); its chunks were read on the main thread instead`,
    });
  }
  progress(true);
  const stale = staleHeaderWarning(header, results.length);
  stream?.end(); // hands over what was kept (a wrapped log), so that the merge holds no events
  const merged = mergeChunkResults(leading, results, stale ? [stale] : [], size);
  if (stream !== null) merged.stats.eventsReturned = results.reduce((n, r) => n + r.eventCount, 0);
  return merged;
}

/**
 * Hands the events of jobs over in file order, as soon as a job and all before it are done (two
 * workers finish out of order), then lets go of them: the results keep only counts and warnings.
 */
class InFileOrder {
  private issued = 0;
  private delivered = 0;
  private readonly waiting = new Map<number, ChunkOutput[]>();

  constructor(private readonly sink: { take(chunks: ChunkOutput[]): void; end?(): void }) {}

  /** The sequence number of the next job. */
  next(): number {
    return this.issued++;
  }

  deliver(seq: number, chunks: ChunkOutput[]): void {
    this.waiting.set(seq, chunks);
    for (let rs = this.waiting.get(this.delivered); rs !== undefined; rs = this.waiting.get(this.delivered)) {
      this.waiting.delete(this.delivered++);
      this.sink.take(rs);
    }
  }

  end(): void {
    this.sink.end?.();
  }
}

/**
 * True when the chunk headers' first record ids rise with the chunk's position in the file: the
 * log did not wrap around, and file order is record order. Reads 32 bytes per chunk.
 */
function recordIdsRiseInFileOrder(source: Source, firstChunkOffset: number, slots: number): boolean {
  let last = -1;
  for (let i = 0; i < slots; i++) {
    const h = source.peek(firstChunkOffset + i * CHUNK_SIZE, 32);
    if (h.length < 32 || !hasChunkSignature(h, 0)) continue;
    const dv = new DataView(h.buffer, h.byteOffset, 32);
    const id = dv.getUint32(28, true) * 4294967296 + dv.getUint32(24, true);
    if (id <= last) return false;
    last = id;
  }
  return true;
}

/**
 * Chunk outputs (NDJSON or events), taken in file order, handed over in record order (inRecordOrder,
 * as readEvtx orders events). Streamed while the log is known not to wrap and each chunk's first
 * record id (as read) is above the last handed over; otherwise (a wrapped log, or headers
 * contradicting their records) the rest is kept and handed over in order at the end.
 */
function streamInRecordOrder(
  give: (r: ChunkOutput) => void,
  streamable: () => boolean,
): { take(chunks: ChunkOutput[]): void; end(): void } {
  let streaming: boolean | null = null; // asked at the first chunks
  let lastId = -1;
  const kept: ChunkOutput[] = [];
  return {
    take(chunks) {
      streaming ??= streamable();
      for (const r of chunks) {
        if (streaming && r.firstRecordId === null && r.eventCount === 0) continue; // nothing to give
        if (streaming && r.firstRecordId !== null && r.firstRecordId > lastId) {
          lastId = r.firstRecordId;
          give(r);
        } else {
          streaming = false;
          kept.push(r);
        }
      }
    },
    end() {
      for (const r of inRecordOrder(kept)) give(r);
    },
  };
}

interface Pending {
  job: ChunkJob;
  /** Where the job's bytes came from, to read them again if its worker dies. */
  offset: number;
  resolve: (r: ChunkOutput[]) => void;
}

interface Slot {
  worker: Worker | null;
  busy: Map<number, Pending>;
}

/** Worker threads with a bounded queue each; a worker that dies has its jobs parsed in-thread. */
class WorkerPool {
  private readonly slots: Slot[] = [];
  /** Why workers died (each one's chunks were then read on this thread). */
  readonly failures: string[] = [];
  private waiters: (() => void)[] = [];

  constructor(
    n: number,
    private readonly filter: ChunkFilter,
    private readonly source: Source,
    private readonly ndjson: LocalNdjson | null,
    rows: boolean,
  ) {
    const init: WorkerInit = {
      kind: 'logonlens-evtx-worker',
      filter: {
        eventIds: filter.eventIds === null ? null : [...filter.eventIds],
        from: filter.from,
        to: filter.to,
      },
      output: ndjson === null ? 'events' : 'ndjson',
      rows,
    };
    for (let i = 0; i < n; i++) {
      const slot: Slot = { worker: null, busy: new Map() };
      const w = startWorker(init);
      if (w instanceof Error) {
        this.failures.push(w.message);
        continue;
      }
      w.on('message', (m: JobReply) => {
        const p = slot.busy.get(m.id);
        if (!p) return;
        slot.busy.delete(m.id);
        let at = 0;
        const text = m.ndjson;
        const release = text === undefined ? null : this.returnWhenWritten(slot, text, m.results);
        if (m.input !== undefined && m.input.buffer instanceof ArrayBuffer)
          this.source.recycle(m.input.buffer);
        p.resolve(
          m.results.map(({ eventCount, ndjsonBytes, ...r }: PackedChunkResult): ChunkOutput => {
            if (text !== undefined) {
              const ndjson = text.subarray(at, at + ndjsonBytes);
              at += ndjsonBytes;
              return ndjsonBytes > 0 && release !== null
                ? { ...r, events: [], ndjson, release: release(), eventCount }
                : { ...r, events: [], ndjson, eventCount };
            }
            const events = unpackEvents(m.events, [], at, at + eventCount);
            const rows = m.rows === undefined ? {} : { rows: sliceRows(m.rows, at, at + eventCount) };
            at += eventCount;
            return { ...r, events, eventCount, ...rows };
          }),
        );
        this.wake();
      });
      const fail = (why: unknown): void => {
        // Parse what this worker still held on this thread: slower, but nothing is lost.
        if (slot.worker === null) return;
        slot.worker = null;
        this.failures.push(why instanceof Error ? why.message : `exit code ${String(why)}`);
        const lost = [...slot.busy.values()];
        slot.busy.clear();
        for (const p of lost) void this.local(p).then(p.resolve);
        this.wake();
      };
      w.on('error', fail);
      w.on('exit', fail);
      slot.worker = w;
      this.slots.push(slot);
    }
  }

  /**
   * For a reply's NDJSON, a maker of one release per chunk with bytes: once every one was called
   * (each chunk's bytes written), the job's buffer is moved back to the worker that wrote it, which
   * reuses it. Never before: the worker would write into bytes still being written out. Calls after
   * the first of a release, and buffers of a worker that is gone, are ignored.
   */
  private returnWhenWritten(
    slot: Slot,
    text: Uint8Array,
    results: readonly PackedChunkResult[],
  ): (() => () => void) | null {
    let left = 0;
    for (const r of results) if (r.ndjsonBytes > 0) left++;
    const buffer = text.buffer;
    if (left === 0 || !(buffer instanceof ArrayBuffer)) return null;
    return () => {
      let called = false;
      return () => {
        if (called) return;
        called = true;
        if (--left > 0 || slot.worker === null || buffer.byteLength === 0) return;
        const back: ReturnedBuffer = { kind: 'logonlens-ndjson-buffer', buffer };
        slot.worker.postMessage(back, [buffer]);
      };
    };
  }

  private async local(p: Pending): Promise<ChunkOutput[]> {
    const last = p.job.chunks[p.job.chunks.length - 1]!;
    const bytes = await this.source.read(p.offset, last.start + last.length);
    // Bytes read again: their checksums are checked again too (the file may have changed since).
    return p.job.chunks.map(({ index, fileOffset, start, length }) =>
      localOutput(
        parseChunk(bytes.subarray(start, start + length), { index, fileOffset }, this.filter),
        this.ndjson,
      ),
    );
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private free(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) {
      if (
        s.worker !== null &&
        s.busy.size < JOBS_IN_FLIGHT_PER_WORKER &&
        (!best || s.busy.size < best.busy.size)
      )
        best = s;
    }
    return best;
  }

  /** Resolves when a job can be queued without exceeding the in-flight bound. */
  async ready(): Promise<void> {
    while (this.free() === undefined && this.slots.some((s) => s.worker !== null)) {
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  run(job: ChunkJob): Promise<ChunkOutput[]> {
    const first = job.chunks[0]!;
    const pending: Omit<Pending, 'resolve'> = { job, offset: first.fileOffset - first.start };
    const slot = this.free();
    if (slot === undefined || slot.worker === null) return this.local({ ...pending, resolve: () => {} });
    const worker = slot.worker;
    return new Promise((resolve) => {
      slot.busy.set(job.id, { ...pending, resolve });
      // Moved, not copied: the bytes are read again from the source if the worker dies.
      worker.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(async (s) => {
        const w = s.worker;
        s.worker = null;
        if (w) {
          w.removeAllListeners('exit');
          w.removeAllListeners('error');
          await w.terminate();
        }
      }),
    );
  }
}
