// The chunk checksums given to parseChunk by the thread that read the chunk (ChunkInfo.checksums,
// readEvtxParallel's `checksumsHere`) must give exactly the warnings parseChunk gives when it checks
// them itself, on whole, damaged and truncated chunks; and parseChunk must use what it is given.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../../test/helpers/shared-data.js';
import {
  CHUNK_SIZE,
  checkChunkChecksums,
  hasChunkSignature,
  parseChunk,
  type ChunkInfo,
  type ChunkResult,
} from './index.js';

const FILTER = { eventIds: null, from: null, to: null };
const FILE_HEADER = 4096;

function sample(dir: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(sharedData(dir, name)));
}

/** Every chunk of a file as parseChunk takes it (a copy, so that tests may damage it). */
function chunksOf(file: Uint8Array): { bytes: Uint8Array; info: ChunkInfo }[] {
  const out: { bytes: Uint8Array; info: ChunkInfo }[] = [];
  for (let off = FILE_HEADER, i = 0; off < file.length; off += CHUNK_SIZE, i++) {
    if (!hasChunkSignature(file, off)) continue;
    out.push({ bytes: file.slice(off, off + CHUNK_SIZE), info: { index: i, fileOffset: off } });
  }
  return out;
}

/** parseChunk checking the checksums itself, and given them as another thread checked them. */
function bothWays(bytes: Uint8Array, info: ChunkInfo): [ChunkResult, ChunkResult] {
  const itself = parseChunk(bytes, info, FILTER);
  const given = parseChunk(bytes, { ...info, checksums: checkChunkChecksums(bytes) }, FILTER);
  return [itself, given];
}

const firstChunk = (): { bytes: Uint8Array; info: ChunkInfo } =>
  chunksOf(sample('evtx', 'sec-omer-size_t.evtx'))[0]!;

describe('chunk checksums checked by the reading thread', () => {
  it('give the same result as parseChunk checking them, on every chunk of the samples', () => {
    for (const [dir, name] of [
      ['evtx', 'sec-omer-size_t.evtx'],
      ['evtx', 'm2a-pth-mimikatz.evtx'],
      ['evtx-bad', 'dev-derived-dirtyhdr-size_t.evtx'],
      ['evtx-bad', 'dev-derived-truncated-size_t.evtx'],
    ] as const) {
      const chunks = chunksOf(sample(dir, name));
      expect(chunks.length).toBeGreaterThan(0);
      for (const { bytes, info } of chunks) {
        const [itself, given] = bothWays(bytes, info);
        expect(given).toEqual(itself);
      }
    }
  });

  it('report a records checksum mismatch with the same warning', () => {
    const { bytes, info } = firstChunk();
    bytes[2000] = bytes[2000]! ^ 0x01; // inside a record's data: the records still read
    expect(checkChunkChecksums(bytes)).toEqual({ headerOk: true, recordsOk: false });
    const [itself, given] = bothWays(bytes, info);
    expect(itself.warningCounts).toEqual({ 'chunk-crc': 1 });
    expect(given).toEqual(itself);
  });

  it('report a header checksum mismatch with the same warning', () => {
    const { bytes, info } = firstChunk();
    bytes[300] = bytes[300]! ^ 0xff; // unused header bytes, covered by the header's checksum
    expect(checkChunkChecksums(bytes)).toEqual({ headerOk: false, recordsOk: true });
    const [itself, given] = bothWays(bytes, info);
    expect(itself.warningCounts).toEqual({ 'chunk-header-crc': 1 });
    expect(given).toEqual(itself);
  });

  it('do not check the records of a truncated chunk, which has its own warning', () => {
    const { bytes, info } = firstChunk();
    bytes[2000] = bytes[2000]! ^ 0x01;
    const cut = bytes.subarray(0, 30_000);
    expect(checkChunkChecksums(cut)).toEqual({ headerOk: true, recordsOk: true });
    const [itself, given] = bothWays(cut, info);
    expect(itself.warningCounts).toEqual({ 'chunk-truncated': 1 });
    expect(itself.recordsRead).toBeGreaterThan(0);
    expect(given).toEqual(itself);
    const inHeader = bytes.subarray(0, 200);
    const [a, b] = bothWays(inHeader, info);
    expect(a.warningCounts).toEqual({ 'chunk-truncated': 1 });
    expect(b).toEqual(a);
  });

  it('do not check the records past an implausible end-of-records offset', () => {
    const { bytes, info } = firstChunk();
    new DataView(bytes.buffer).setUint32(48, 70_000, true);
    expect(checkChunkChecksums(bytes)).toEqual({ headerOk: false, recordsOk: true });
    const [itself, given] = bothWays(bytes, info);
    expect(itself.warningCounts['chunk-header']).toBe(1);
    expect(itself.warningCounts['chunk-crc']).toBeUndefined();
    expect(given).toEqual(itself);
  });

  it('are what parseChunk reports: it does not check them again', () => {
    const { bytes, info } = firstChunk();
    const sound = parseChunk(bytes, { ...info, checksums: { headerOk: false, recordsOk: false } }, FILTER);
    expect(sound.warningCounts).toEqual({ 'chunk-header-crc': 1, 'chunk-crc': 1 });
    const damaged = bytes.slice();
    damaged[300] = damaged[300]! ^ 0xff;
    damaged[2000] = damaged[2000]! ^ 0x01;
    const trusted = parseChunk(damaged, { ...info, checksums: { headerOk: true, recordsOk: true } }, FILTER);
    expect(trusted.warningCounts).toEqual({});
    expect(trusted.recordsRead).toBe(parseChunk(damaged, info, FILTER).recordsRead);
  });
});
