// EVTX reader: Windows XML Event Log files (binary) → LogonEvents. Our own implementation from the
// format specification (J. Metz, "Windows XML Event Log (EVTX) format", libyal/libevtx); see
// docs/evtx-reader.md. Pure TypeScript on a Uint8Array: runs in Node, worker threads and browsers.
import { MAX_DETAILED_WARNINGS, type ReadOptions, type ReadResult, type ReadWarning } from '../types.js';
import { CHUNK_SIZE, hasChunkSignature, parseChunk, type ChunkFilter, type ChunkResult } from './chunk.js';
import { parseTime, timeSortKey } from '../xml/time.js';
import {
  chunkSlotCount,
  classifyNonChunk,
  readEvtxHeader,
  staleHeaderWarning,
  FILE_HEADER_SIZE,
} from './file.js';

export { CHUNK_SIZE, checkChunkChecksums, hasChunkSignature, parseChunk } from './chunk.js';
export type { ChunkChecksums, ChunkFilter, ChunkInfo, ChunkResult } from './chunk.js';
export {
  readEvtxHeader,
  chunkSlotCount,
  classifyNonChunk,
  staleHeaderWarning,
  FILE_HEADER_SIZE,
} from './file.js';
export type { EvtxHeaderInfo } from './file.js';
export { crc32, useCrc32, type Crc32 } from './crc32.js';

/** A from/to bound as a time sort key (the same parsing as the text readers: no zone = UTC). */
function boundKey(v: string | null | undefined, which: string, warnings: ReadWarning[]): string | null {
  if (v === null || v === undefined || v === '') return null;
  const t = parseTime(v);
  if (t === null) {
    warnings.push({
      code: 'bad-option',
      message: `the ${which} time "${v}" is not an ISO 8601 date; ignored`,
    });
    return null;
  }
  return timeSortKey(t.iso);
}

/** ReadOptions → the normalized filter chunks apply (and warnings about unusable options). */
export function chunkFilter(opts: ReadOptions | undefined, warnings: ReadWarning[]): ChunkFilter {
  return {
    eventIds: opts?.eventIds ?? null,
    from: boundKey(opts?.from, 'from', warnings),
    to: boundKey(opts?.to, 'to', warnings),
  };
}

/** Slot scan result for one 64 KiB block that is not a chunk. */
export function nonChunkWarning(b: Uint8Array, index: number, fileOffset: number): ReadWarning | null {
  if (classifyNonChunk(b, 0, Math.min(b.length, CHUNK_SIZE)) === 'empty') return null;
  return {
    code: 'chunk-signature',
    message: `the 64 KiB block ${index} at file offset ${fileOffset} is not an EVTX chunk (no ElfChnk signature); skipped`,
    chunk: index,
    offset: fileOffset,
  };
}

/**
 * Chunks in the order their events are given: by their first record id (a wrapped log's oldest
 * chunk is not the first in the file), then by position; chunks without records last.
 */
export function inRecordOrder<C extends ChunkResult>(chunks: readonly C[]): C[] {
  return [...chunks].sort((a, b) => {
    if (a.firstRecordId === null || b.firstRecordId === null) {
      if (a.firstRecordId === b.firstRecordId) return a.index - b.index;
      return a.firstRecordId === null ? 1 : -1;
    }
    return a.firstRecordId - b.firstRecordId || a.index - b.index;
  });
}

/**
 * Merges chunk results into one ReadResult: chunks ordered by their first record id (a wrapped
 * log's oldest chunk is not the first in the file), then by position; records in file order.
 */
export function mergeChunkResults(
  leading: ReadWarning[],
  chunks: ChunkResult[],
  trailing: ReadWarning[],
  bytes: number,
): ReadResult {
  const ordered = inRecordOrder(chunks);
  const warnings: ReadWarning[] = [];
  const warningCounts: Record<string, number> = {};
  const addWarning = (w: ReadWarning): void => {
    warningCounts[w.code] = (warningCounts[w.code] ?? 0) + 1;
    if (warnings.length < MAX_DETAILED_WARNINGS) warnings.push(w);
  };
  leading.forEach(addWarning);
  let total = 0;
  for (const c of chunks) total += c.events.length;
  const events = new Array<ReadResult['events'][number]>(total);
  let n = 0;
  let recordsRead = 0;
  const skipped: Record<string, number> = {};
  // Warnings in file order, events in record order.
  for (const c of [...chunks].sort((a, b) => a.index - b.index)) {
    for (const w of c.warnings) {
      if (warnings.length < MAX_DETAILED_WARNINGS) warnings.push(w);
    }
    for (const [code, count] of Object.entries(c.warningCounts))
      warningCounts[code] = (warningCounts[code] ?? 0) + count;
    recordsRead += c.recordsRead;
    for (const [k, v] of Object.entries(c.skipped)) skipped[k] = (skipped[k] ?? 0) + v;
  }
  for (const c of ordered) for (const e of c.events) events[n++] = e;
  trailing.forEach(addWarning);
  return {
    format: 'evtx',
    events,
    warnings,
    warningCounts,
    stats: { recordsRead, eventsReturned: events.length, skipped, bytes },
  };
}

/**
 * Reads an EVTX file held in memory. Every record is returned unless opts filters it (counted in
 * stats.skipped). Damage is reported as warnings (with chunk index, file offset and record id)
 * and reading goes on; throws UnreadableInputError only when the bytes are not EVTX at all.
 */
export function readEvtx(bytes: Uint8Array, opts?: ReadOptions): ReadResult {
  const header = readEvtxHeader(bytes, bytes.length);
  const leading = [...header.warnings];
  const filter = chunkFilter(opts, leading);
  const chunks: ChunkResult[] = [];
  const slots = chunkSlotCount(bytes.length, header.firstChunkOffset);
  if (slots === 0 && header.headerChunkCount !== null) {
    leading.push({
      code: 'no-chunks',
      message: 'the file has an EVTX header but no chunk after it: no records',
      offset: 0,
    });
  }
  for (let i = 0; i < slots; i++) {
    const off = header.firstChunkOffset + i * CHUNK_SIZE;
    const block = bytes.subarray(off, Math.min(bytes.length, off + CHUNK_SIZE));
    if (!hasChunkSignature(block, 0)) {
      const w = nonChunkWarning(block, i, off);
      if (w) leading.push(w);
      continue;
    }
    chunks.push(parseChunk(block, { index: i, fileOffset: off }, filter));
  }
  const stale = staleHeaderWarning(header, chunks.length);
  return mergeChunkResults(leading, chunks, stale ? [stale] : [], bytes.length);
}

export { FILE_HEADER_SIZE as EVTX_FILE_HEADER_SIZE };
