// Builds a large EVTX file for the benchmark by replicating the real chunks of a sample log with
// fresh record numbers (record headers, EventRecordID values, chunk headers) and valid CRCs, so
// every reader sees a well-formed file. Written chunk by chunk: memory stays at a few chunks.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { CHUNK_SIZE, crc32, FILE_HEADER_SIZE, hasChunkSignature } from '../src/core/readers/evtx/index.js';

export interface BuiltFile {
  path: string;
  bytes: number;
  records: number;
  chunks: number;
}

interface RecordRef {
  offset: number;
  size: number;
  /** Offset of the EventRecordID uint64 value inside the chunk, or -1. */
  idValue: number;
}

function u32(b: Uint8Array, p: number): number {
  return new DataView(b.buffer, b.byteOffset + p, 4).getUint32(0, true);
}

/** Records of a chunk and where each one's EventRecordID value sits (slot of type uint64 = old id). */
function recordsOf(chunk: Uint8Array): RecordRef[] {
  const dv = new DataView(chunk.buffer, chunk.byteOffset, chunk.length);
  const end = dv.getUint32(48, true);
  const out: RecordRef[] = [];
  for (let p = 512; p + 28 <= end;) {
    if (dv.getUint32(p, true) !== 0x2a2a) break;
    const size = dv.getUint32(p + 4, true);
    if (size < 28 || p + size > end) break;
    const oldId = dv.getBigUint64(p + 8, true);
    let idValue = -1;
    let q = p + 24;
    if (dv.getUint8(q) === 0x0f && dv.getUint8(q + 4) === 0x0c) {
      q += 4;
      const def = dv.getUint32(q + 6, true);
      q += 10;
      if (def === q) q += 24 + dv.getUint32(q + 20, true);
      const n = dv.getUint32(q, true);
      q += 4;
      let data = q + 4 * n;
      for (let i = 0; i < n; i++) {
        const sz = dv.getUint16(q + 4 * i, true);
        if (dv.getUint8(q + 4 * i + 2) === 0x0a && sz === 8 && dv.getBigUint64(data, true) === oldId)
          idValue = data;
        data += sz;
      }
    }
    out.push({ offset: p, size, idValue });
    p += size;
  }
  return out;
}

/** Replicates the used chunks of `source` until the output reaches `targetBytes`. */
export function buildLargeEvtx(source: string, dest: string, targetBytes: number): BuiltFile {
  const src = new Uint8Array(readFileSync(source));
  const chunks: { bytes: Uint8Array; records: RecordRef[] }[] = [];
  for (let off = FILE_HEADER_SIZE; off + CHUNK_SIZE <= src.length; off += CHUNK_SIZE) {
    if (!hasChunkSignature(src, off)) continue;
    const bytes = src.slice(off, off + CHUNK_SIZE);
    const records = recordsOf(bytes);
    if (records.length > 0) chunks.push({ bytes, records });
  }
  if (chunks.length === 0) throw new Error(`${source}: no chunk with records`);
  const nChunks = Math.max(1, Math.ceil((targetBytes - FILE_HEADER_SIZE) / CHUNK_SIZE));
  if (nChunks > 0xffff) throw new Error('too many chunks for one EVTX file');
  const fd = openSync(dest, 'w');
  let nextId = 1n;
  try {
    writeSync(fd, new Uint8Array(FILE_HEADER_SIZE), 0, FILE_HEADER_SIZE, 0);
    for (let i = 0; i < nChunks; i++) {
      const proto = chunks[i % chunks.length]!;
      const c = proto.bytes.slice();
      const dv = new DataView(c.buffer);
      const first = nextId;
      for (const r of proto.records) {
        dv.setBigUint64(r.offset + 8, nextId, true);
        if (r.idValue >= 0) dv.setBigUint64(r.idValue, nextId, true);
        nextId++;
      }
      dv.setBigUint64(8, first, true); // first/last event record number and identifier
      dv.setBigUint64(16, nextId - 1n, true);
      dv.setBigUint64(24, first, true);
      dv.setBigUint64(32, nextId - 1n, true);
      dv.setUint32(52, crc32(c, 512, dv.getUint32(48, true)), true);
      dv.setUint32(124, crc32(c, 128, 512, crc32(c, 0, 120)), true);
      writeSync(fd, c, 0, CHUNK_SIZE, FILE_HEADER_SIZE + i * CHUNK_SIZE);
    }
    const h = new Uint8Array(FILE_HEADER_SIZE);
    h.set(src.subarray(0, 128));
    const hv = new DataView(h.buffer);
    hv.setBigUint64(8, 0n, true); // first chunk number
    hv.setBigUint64(16, BigInt(nChunks - 1), true); // last chunk number
    hv.setBigUint64(24, nextId, true); // next record identifier
    hv.setUint16(42, nChunks, true);
    hv.setUint32(120, 0, true); // clean
    hv.setUint32(124, crc32(h, 0, 120), true);
    writeSync(fd, h, 0, FILE_HEADER_SIZE, 0);
  } finally {
    closeSync(fd);
  }
  return {
    path: dest,
    bytes: FILE_HEADER_SIZE + nChunks * CHUNK_SIZE,
    records: Number(nextId - 1n),
    chunks: nChunks,
  };
}

export { u32 as readU32 };
