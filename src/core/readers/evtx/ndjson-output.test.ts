// `logonlens events` writes EVTX events with NdjsonWriter (bytes, straight from the events, or
// from the reader's fields without event objects); the text formatter it replaced is the oracle:
// on every sample EVTX file, the bytes must be the formatter's lines encoded as UTF-8, byte for byte.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../../test/helpers/shared-data.js';
import { NdjsonFormatter, NdjsonWriter } from '../../events/index.js';
import {
  CHUNK_SIZE,
  chunkSlotCount,
  hasChunkSignature,
  parseChunk,
  readEvtx,
  readEvtxHeader,
} from './index.js';
import { lineProgramStats } from './line-program.js';

const DIRS = ['evtx', 'evtx-bad', 'evtx-modern'];
const files = DIRS.flatMap((d) =>
  readdirSync(sharedData(d))
    .filter((f) => f.endsWith('.evtx'))
    .map((f) => [d, f] as const),
);

describe('NdjsonWriter on every sample EVTX file', () => {
  it('finds the sample files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('%s/%s: the same bytes as the text formatter', (dir, file) => {
    const { events } = readEvtx(new Uint8Array(readFileSync(sharedData(dir, file))));
    const expected = new TextEncoder().encode(new NdjsonFormatter().lines(events));
    // A small first buffer, so that growing it is exercised too.
    const writer = new NdjsonWriter(64);
    const half = events.length >> 1;
    const n = writer.add(events.slice(0, half)) + writer.add(events.slice(half));
    const bytes = writer.take();
    expect(n).toBe(bytes.length);
    expect(Buffer.from(bytes).equals(Buffer.from(expected))).toBe(true);
  });
});

describe('parseChunk with an NdjsonWriter as its sink (no event objects)', () => {
  it.each(files)('%s/%s: the same bytes and the same chunk results as with events', (dir, file) => {
    const bytes = new Uint8Array(readFileSync(sharedData(dir, file)));
    const header = readEvtxHeader(bytes, bytes.length);
    const filter = { eventIds: null, from: null, to: null };
    const formatter = new NdjsonFormatter();
    const writer = new NdjsonWriter(64);
    let expected = '';
    for (let i = 0; i < chunkSlotCount(bytes.length, header.firstChunkOffset); i++) {
      const off = header.firstChunkOffset + i * CHUNK_SIZE;
      const block = bytes.subarray(off, Math.min(bytes.length, off + CHUNK_SIZE));
      if (!hasChunkSignature(block, 0)) continue;
      const info = { index: i, fileOffset: off };
      const withEvents = parseChunk(block, info, filter);
      const lines = writer.lines;
      const sunk = parseChunk(block, info, filter, writer);
      expected += formatter.lines(withEvents.events);
      expect(sunk.events).toEqual([]);
      expect(writer.lines - lines).toBe(withEvents.events.length);
      expect({ ...sunk, events: withEvents.events }).toEqual(withEvents);
    }
    const got = writer.take();
    expect(Buffer.from(got).equals(Buffer.from(new TextEncoder().encode(expected)))).toBe(true);
  });
});

describe('line programs on the sample logs', () => {
  /** Lines of a file written through parseChunk into an NdjsonWriter, and how many by programs. */
  function programShare(dir: string, file: string): { lines: number; byProgram: number } {
    const bytes = new Uint8Array(readFileSync(sharedData(dir, file)));
    const header = readEvtxHeader(bytes, bytes.length);
    const writer = new NdjsonWriter(64);
    const before = lineProgramStats.lines;
    for (let i = 0; i < chunkSlotCount(bytes.length, header.firstChunkOffset); i++) {
      const off = header.firstChunkOffset + i * CHUNK_SIZE;
      const block = bytes.subarray(off, Math.min(bytes.length, off + CHUNK_SIZE));
      if (hasChunkSignature(block, 0))
        parseChunk(block, { index: i, fileOffset: off }, { eventIds: null, from: null, to: null }, writer);
    }
    return { lines: writer.lines, byProgram: lineProgramStats.lines - before };
  }

  // The fast path must stay the usual path: only a template's first record in the thread (its
  // compilation), and records no program can express, go the action way. Reading a file again
  // (templates cached) can only raise the share.
  it.each([
    ['evtx', 'sec-omer-size_t.evtx'],
    ['evtx', 'sys-tsevtx-system.evtx'],
    ['evtx-bad', 'dev-derived-truncated-size_t.evtx'],
  ])('%s/%s: programs write at least 90 %% of the lines', (dir, file) => {
    const { lines, byProgram } = programShare(dir, file);
    expect(lines).toBeGreaterThan(200);
    expect(byProgram).toBeGreaterThanOrEqual(0.9 * lines);
  });
});
