// Reads one input file of any supported format from disk: the format from its first bytes, EVTX on
// worker threads, XML and JSON streamed through the incremental readers (the file is never held
// whole in memory on those paths), and the SHA-256 of the bytes for the dataset's source record.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LogonEvent } from '../../core/events/index.js';
import { detectFormat, DETECT_HEAD_BYTES } from '../../core/readers/detect-format.js';
import {
  UnreadableInputError,
  type InputFormat,
  type ReadOptions,
  type ReadResult,
} from '../../core/readers/types.js';
import { readEvtxParallel } from './evtx-parallel.js';
import type { EventRows } from '../store/event-row.js';

export interface InputProgress {
  bytes: number;
  totalBytes: number;
  records: number;
}

export type ReadInputOptions = ReadOptions & {
  /** EVTX worker threads (default: all cores). */
  workers?: number;
  /** EVTX inputs smaller than this many bytes are parsed on the calling thread (default 2 MiB). */
  inThreadBelow?: number;
  onProgress?: (p: InputProgress) => void;
  /** Each kept event as soon as it is read; the result's `events` then stays empty. */
  onEvent?: (event: LogonEvent) => void;
  /**
   * EVTX only, in place of `onEvent`: the events chunk by chunk, with their stored rows when the
   * worker threads prepared them (`storedRows`; not for chunks read on the calling thread).
   */
  onEvents?: (events: LogonEvent[], rows?: EventRows) => void;
  /** EVTX with `onEvents`: the worker threads prepare each event's stored row (the server import). */
  storedRows?: boolean;
  /**
   * EVTX only: the events as UTF-8 NDJSON pieces (in record order), formatted by the worker threads,
   * instead of `onEvent` (other formats still go through `onEvent`).
   */
  onNdjson?: (ndjson: Uint8Array) => void;
  /**
   * EVTX with `onEvent`: the events are handed over chunk by chunk as the workers read them, so
   * memory holds a few pieces, not every event. In record order by default (readEvtx's order: while
   * the log did not wrap around, which is the usual case; a wrapped log's chunks are kept and handed
   * over in order at the end); `fileOrder` hands every chunk over as soon as it is read, in file
   * order, for consumers whose result does not depend on the order (the analysis).
   */
  fileOrder?: boolean;
  /**
   * EVTX: false skips the SHA-256 of the file (a second pass over it on the calling thread), for
   * output that does not name its sources (`logonlens events`); `source.sha256` is then ''.
   */
  hash?: boolean;
  /** Awaited after each piece of input (or batch of EVTX events): lets a consumer apply backpressure. */
  afterChunk?: () => Promise<void>;
};

export interface InputSource {
  name: string;
  size: number;
  sha256: string;
  format: InputFormat;
}

export type InputFileResult = ReadResult & { source: InputSource };

const STREAM_CHUNK = 1 << 20;
const PROGRESS_INTERVAL_MS = 100;

/**
 * Reads an event log file. Throws UnreadableInputError with a one-line reason when the file cannot
 * be read at all (missing, unreadable, empty, not an event log); damaged content inside a readable
 * log is reported through warnings instead. With `onEvent`, every kept event is handed over as soon
 * as it is read and the result's `events` stays empty (output that must not hold a whole log).
 */
export async function readInputFile(file: string, opts: ReadInputOptions = {}): Promise<InputFileResult> {
  return streamInputFile(file, opts);
}

/** readInputFile, named for its streaming use (`onEvent` + `afterChunk`). */
export async function streamInputFile(file: string, opts: ReadInputOptions = {}): Promise<InputFileResult> {
  const name = path.basename(file);
  const size = await fileSize(file);
  if (size === 0) throw new UnreadableInputError(`${name}: empty file`);
  const format = detectFormat(await readHead(file));
  if (format === null)
    throw new UnreadableInputError(`${name}: not an event log (neither EVTX, XML nor JSON)`);

  if (format === 'evtx') {
    const { onEvent, onEvents, storedRows, onNdjson, afterChunk, fileOrder, hash, ...rest } = opts;
    const backpressure = afterChunk === undefined ? {} : { beforePiece: afterChunk };
    const batches =
      onEvents ??
      (onEvent === undefined ? undefined : (events: LogonEvent[]) => events.forEach((e) => onEvent(e)));
    const streamed =
      onNdjson !== undefined
        ? { onNdjson, ...backpressure }
        : batches !== undefined
          ? {
              onEvents: batches,
              eventsOrder: fileOrder === true ? ('file' as const) : ('record' as const),
              storedRows: onEvents !== undefined && storedRows === true,
              ...backpressure,
            }
          : {};
    // The SHA-256 is taken from the pieces the reader reads anyway (one pass over the file, not two).
    const hasher = hash === false ? null : new PieceHasher(file);
    const result = await readEvtxParallel(file, {
      ...rest,
      ...streamed,
      ...(hasher === null
        ? {}
        : { onRead: (offset: number, bytes: Uint8Array) => hasher.take(offset, bytes) }),
    });
    const sha256 = hasher === null ? '' : await hasher.digest();
    if (afterChunk !== undefined && (onNdjson !== undefined || batches !== undefined)) await afterChunk();
    return { ...result, source: { name, size, sha256, format } };
  }

  const {
    onProgress,
    afterChunk,
    workers: _workers,
    inThreadBelow: _inThreadBelow,
    onNdjson: _ndjson,
    onEvents: _onEvents,
    storedRows: _storedRows,
    fileOrder: _fileOrder,
    hash: _hash,
    ...readOpts
  } = opts; // readOpts keeps onEvent
  // The XML and JSON readers are loaded for their formats only: an EVTX run (`logonlens events`)
  // does not pay for compiling them before its workers start.
  const reader =
    format === 'xml'
      ? (await import('../../core/readers/xml/index.js')).createXmlStreamReader(readOpts)
      : (await import('../../core/readers/winlogbeat/index.js')).createJsonStreamReader(readOpts);
  const hash = createHash('sha256');
  let bytes = 0;
  let last = 0;
  const report = (force: boolean): void => {
    if (onProgress === undefined) return;
    const now = Date.now();
    if (!force && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    onProgress({ bytes, totalBytes: size, records: reader.records() });
  };
  report(true);
  const stream = createReadStream(file, { highWaterMark: STREAM_CHUNK });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
      reader.push(chunk);
      report(false);
      if (afterChunk !== undefined) await afterChunk();
    }
  } catch (e) {
    stream.destroy();
    if (e instanceof UnreadableInputError) throw new UnreadableInputError(`${name}: ${e.message}`);
    throw new UnreadableInputError(`${name}: ${ioReason(e)}`);
  }
  let result: ReadResult;
  try {
    result = reader.end();
  } catch (e) {
    if (e instanceof UnreadableInputError) throw new UnreadableInputError(`${name}: ${e.message}`);
    throw e;
  }
  report(true);
  return { ...result, source: { name, size, sha256: hash.digest('hex'), format } };
}

async function fileSize(file: string): Promise<number> {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new UnreadableInputError(`${path.basename(file)}: not a regular file`);
    return s.size;
  } catch (e) {
    if (e instanceof UnreadableInputError) throw e;
    throw new UnreadableInputError(`${path.basename(file)}: ${ioReason(e)}`);
  }
}

async function readHead(file: string): Promise<Uint8Array> {
  let fh;
  try {
    fh = await open(file, 'r');
    const buf = new Uint8Array(DETECT_HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, DETECT_HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } catch (e) {
    throw new UnreadableInputError(`${path.basename(file)}: ${ioReason(e)}`);
  } finally {
    await fh?.close();
  }
}

/**
 * SHA-256 of a file from the ranges a reader reads, in file order: each range adds the bytes past
 * what was hashed so far (ranges may overlap); whatever no range covered (a gap, the end) is read
 * from the file at `digest`, so the hash is always that of the whole file.
 */
export class PieceHasher {
  private readonly hash = createHash('sha256');
  private hashed = 0;
  private gap = false;

  constructor(private readonly file: string) {}

  take(offset: number, bytes: Uint8Array): void {
    if (this.gap || offset + bytes.length <= this.hashed) return;
    if (offset > this.hashed) {
      this.gap = true; // read from the file at the end
      return;
    }
    this.hash.update(bytes.subarray(this.hashed - offset));
    this.hashed = offset + bytes.length;
  }

  async digest(): Promise<string> {
    for await (const chunk of createReadStream(this.file, {
      start: this.hashed,
      highWaterMark: STREAM_CHUNK,
    }) as AsyncIterable<Buffer>) {
      this.hash.update(chunk);
    }
    return this.hash.digest('hex');
  }
}

function ioReason(e: unknown): string {
  const code =
    typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return e instanceof Error ? (e.message.split('\n')[0] ?? 'cannot read') : 'cannot read';
  }
}
