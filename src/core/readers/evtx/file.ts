// The EVTX file level: the 4 KiB file header (checked, never trusted) and the list of 64 KiB chunk
// slots, found by their signature rather than by the header's chunk count (stale in logs that were
// not closed cleanly).
import { UnreadableInputError, type ReadWarning } from '../types.js';
import { CHUNK_SIZE, hasChunkSignature } from './chunk.js';
import { crc32 } from './crc32.js';

export const FILE_HEADER_SIZE = 4096;
const FILE_MAGIC = 'ElfFile\0';

export interface EvtxHeaderInfo {
  /** File offset of chunk 0. */
  firstChunkOffset: number;
  /** The header's own chunk count (may be stale), or null without a header. */
  headerChunkCount: number | null;
  dirty: boolean;
  warnings: ReadWarning[];
}

function ascii(b: Uint8Array, from: number, n: number): string {
  let s = '';
  for (let i = from; i < from + n && i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

function printable(s: string): string {
  return JSON.stringify(s.replace(/[^\x20-\x7e]/g, '.'));
}

/**
 * Checks the start of a file. `head` needs at least the first 4,096 + 8 bytes when available
 * (to look for a first chunk behind a damaged header). Throws UnreadableInputError when this is not
 * an EVTX file at all.
 */
export function readEvtxHeader(head: Uint8Array, fileSize: number): EvtxHeaderInfo {
  const warnings: ReadWarning[] = [];
  if (fileSize === 0) throw new UnreadableInputError('the file is empty (0 bytes): not an EVTX event log');
  if (ascii(head, 0, 8) === FILE_MAGIC) {
    if (fileSize < 128) {
      warnings.push({
        code: 'header-truncated',
        message: `the file is only ${fileSize} bytes long: it ends inside its EVTX header and holds no records`,
        offset: 0,
      });
      return { firstChunkOffset: FILE_HEADER_SIZE, headerChunkCount: null, dirty: false, warnings };
    }
    const dv = new DataView(head.buffer, head.byteOffset, Math.min(head.length, 128));
    if (crc32(head, 0, 120) !== dv.getUint32(124, true)) {
      warnings.push({
        code: 'header-crc',
        message: 'the file header checksum does not match; the header is ignored and every chunk is read',
        offset: 0,
      });
    }
    const flags = dv.getUint32(120, true);
    return {
      firstChunkOffset: FILE_HEADER_SIZE,
      headerChunkCount: dv.getUint16(42, true),
      dirty: (flags & 1) !== 0,
      warnings,
    };
  }
  if (hasChunkSignature(head, 0)) {
    warnings.push({
      code: 'header-missing',
      message:
        'the file starts with a chunk, not with an EVTX file header (a carved or partial log); chunks read from offset 0',
      offset: 0,
    });
    return { firstChunkOffset: 0, headerChunkCount: null, dirty: false, warnings };
  }
  if (hasChunkSignature(head, FILE_HEADER_SIZE)) {
    warnings.push({
      code: 'header-signature',
      message: `the file header is damaged (it starts with ${printable(ascii(head, 0, 8))}, not "ElfFile"), but chunks follow it; they are read`,
      offset: 0,
    });
    return { firstChunkOffset: FILE_HEADER_SIZE, headerChunkCount: null, dirty: false, warnings };
  }
  throw new UnreadableInputError(
    `not an EVTX event log: the file starts with ${printable(ascii(head, 0, 8))} instead of the EVTX signature "ElfFile" and holds no EVTX chunk`,
  );
}

/** Number of 64 KiB chunk slots (the last may be partial) after the header. */
export function chunkSlotCount(fileSize: number, firstChunkOffset: number): number {
  if (fileSize <= firstChunkOffset) return 0;
  return Math.ceil((fileSize - firstChunkOffset) / CHUNK_SIZE);
}

/** What a 64 KiB slot without a chunk signature is: unused (zeros) or damaged (anything else). */
export function classifyNonChunk(b: Uint8Array, from: number, to: number): 'empty' | 'garbage' {
  for (let p = from; p < to; p++) if (b[p] !== 0) return 'garbage';
  return 'empty';
}

/** Warning for a header whose chunk count disagrees with the chunks found. */
export function staleHeaderWarning(info: EvtxHeaderInfo, chunksFound: number): ReadWarning | null {
  if (info.headerChunkCount === null || info.headerChunkCount >= chunksFound) return null;
  return {
    code: 'header-stale',
    message: `the file header lists ${info.headerChunkCount} chunk(s) but ${chunksFound} were found${
      info.dirty ? ' (the log was not closed cleanly: dirty flag set)' : ''
    }; all of them were read`,
    offset: 0,
  };
}
