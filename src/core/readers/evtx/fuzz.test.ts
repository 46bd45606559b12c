// Hostile input for the EVTX reader, deterministic (seeded PRNG) and bounded (a fixed number of
// cases, a few seconds in all): mutated bytes of real files, truncations, absurd lengths and
// counts, deep nesting and exponential template bombs. readEvtx must never throw (other than
// UnreadableInputError), never hang, and keep its output bounded by its input.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ChunkWriter,
  T,
  enc,
  evtxFile,
  literalSystem,
  systemTemplate,
  systemValues,
  type BinXmlWriter,
} from '../../../../test/fixtures/evtx/evtx-writer.js';
import { sharedData } from '../../../../test/helpers/shared-data.js';
import { LOGON_EVENT_FIELDS, NdjsonFormatter, NdjsonWriter } from '../../events/index.js';
import { seededRandom } from '../../testing/prng.js';
import { MAX_DETAILED_WARNINGS, UnreadableInputError, type ReadResult } from '../types.js';
import { MAX_VALUE_CHARS } from './chunk.js';
import {
  CHUNK_SIZE,
  chunkSlotCount,
  hasChunkSignature,
  parseChunk,
  readEvtx,
  readEvtxHeader,
} from './index.js';

const TIME = '2024-01-01T00:00:00Z';

/** Small hand-made logs, fuzzed besides the sample logs. */
function fixtureLogs(): Uint8Array[] {
  const c = new ChunkWriter();
  for (let id = 1; id <= 6; id++) {
    c.record(id, enc.filetime(TIME), (w) => {
      if (id % 2 === 0) {
        w.fragment().open('Event').closeStart();
        literalSystem(w, { eventId: 4625, time: TIME, recordId: id, computer: 'X' });
        w.open('EventData').closeStart().data('TargetUserName', 'u').end().end().eof();
        return;
      }
      w.fragment().template(
        't',
        (d) => {
          d.fragment().open('Event').closeStart();
          systemTemplate(d);
          d.open('EventData').closeStart();
          d.open('Data', true).attr('Name').text('TargetUserName').closeStart().sub(4, T.string).end();
          d.open('Data', true).attr('Name').text('TargetUserSid').closeStart().sub(5, T.sid).end();
          d.end().end().eof();
        },
        [
          ...systemValues(4624, TIME, id, 'WS'),
          { type: T.string, bytes: enc.str('user') },
          { type: T.sid, bytes: enc.sid('S-1-5-18') },
        ],
      );
      w.eof();
    });
  }
  return [evtxFile([c.finish()])];
}

function realLogs(): Uint8Array[] {
  return ['sec-omer-short.evtx', 'm2a-hiddenuser.evtx', 'm2a-4768-4769-host.evtx']
    .map((f) => sharedData('evtx', f))
    .filter((p) => existsSync(p))
    .map((p) => new Uint8Array(readFileSync(p)));
}

/** Reads and checks the invariants; returns the result, or null for UnreadableInputError. */
function readChecked(bytes: Uint8Array): ReadResult | null {
  let r: ReadResult;
  try {
    r = readEvtx(bytes);
  } catch (e) {
    if (e instanceof UnreadableInputError) return null;
    throw e;
  }
  expect(r.events.length).toBeLessThanOrEqual(r.stats.recordsRead);
  expect(r.warnings.length).toBeLessThanOrEqual(MAX_DETAILED_WARNINGS);
  let chars = 0;
  for (const e of r.events) {
    expect(typeof e.eventId).toBe('number');
    expect(typeof e.time).toBe('string');
    for (const k of LOGON_EVENT_FIELDS) {
      const v = e[k];
      if (typeof v === 'string') {
        expect(v.length).toBeLessThanOrEqual(MAX_VALUE_CHARS);
        chars += v.length;
      }
    }
  }
  // Output is bounded by the input (events share template literals; values come from record bytes).
  expect(chars).toBeLessThanOrEqual(1_000_000 + 16 * bytes.length);
  return r;
}

/**
 * Every chunk read into NDJSON straight from its bytes (value-refs.ts) gives the bytes and the
 * chunk results of the string way (events, then the text formatter).
 */
function expectSinkAsEvents(bytes: Uint8Array): void {
  let header;
  try {
    header = readEvtxHeader(bytes, bytes.length);
  } catch (e) {
    if (e instanceof UnreadableInputError) return;
    throw e;
  }
  const filter = { eventIds: null, from: null, to: null };
  const writer = new NdjsonWriter(256);
  const formatter = new NdjsonFormatter();
  let expected = '';
  for (let i = 0; i < chunkSlotCount(bytes.length, header.firstChunkOffset); i++) {
    const off = header.firstChunkOffset + i * CHUNK_SIZE;
    const block = bytes.subarray(off, Math.min(bytes.length, off + CHUNK_SIZE));
    if (!hasChunkSignature(block, 0)) continue;
    const info = { index: i, fileOffset: off };
    const withEvents = parseChunk(block, info, filter);
    const sunk = parseChunk(block, info, filter, writer);
    expected += formatter.lines(withEvents.events);
    expect({ ...sunk, events: withEvents.events }).toEqual(withEvents);
  }
  expect(new TextDecoder().decode(writer.take())).toBe(expected);
}

/** Offsets worth hitting: the chunk headers and the used part of each chunk. */
function interesting(b: Uint8Array, rnd: () => number): number {
  const chunks = Math.max(1, Math.floor((b.length - 4096) / 65536));
  const base = 4096 + Math.floor(rnd() * chunks) * 65536;
  const dv = new DataView(b.buffer, b.byteOffset, b.length);
  const used = base + 52 <= b.length ? Math.min(65536, Math.max(512, dv.getUint32(base + 48, true))) : 512;
  return Math.min(b.length - 1, base + Math.floor(rnd() * Math.min(used, 65536)));
}

describe('EVTX fuzz (seeded, bounded)', { timeout: 60_000 }, () => {
  const inputs = [...realLogs(), ...fixtureLogs()];

  it('survives random byte mutations', () => {
    const rnd = seededRandom(0xc0ffee);
    let read = 0;
    for (const src of inputs) {
      for (let i = 0; i < 150; i++) {
        const b = src.slice();
        const n = 1 + Math.floor(rnd() * 40);
        for (let k = 0; k < n; k++) b[interesting(b, rnd)] = Math.floor(rnd() * 256);
        if (readChecked(b) !== null) read++;
        if (i % 3 === 0) expectSinkAsEvents(b);
      }
    }
    expect(read).toBeGreaterThan(0);
  });

  it('survives absurd lengths, counts and offsets', () => {
    const rnd = seededRandom(42);
    const absurd = [0xffffffff, 0x7fffffff, 0x80000000, 0xffff, 0x10000, 0, 1, 65536, 65535];
    for (const src of inputs) {
      for (let i = 0; i < 150; i++) {
        const b = src.slice();
        const dv = new DataView(b.buffer);
        for (let k = 0; k < 3; k++) {
          const p = Math.min(b.length - 4, interesting(b, rnd));
          const v = absurd[Math.floor(rnd() * absurd.length)]!;
          if (rnd() < 0.5) dv.setUint32(p, v >>> 0, true);
          else dv.setUint16(p, v & 0xffff, true);
        }
        readChecked(b);
      }
    }
  });

  it('survives random truncations and recovers what is whole', () => {
    const rnd = seededRandom(7);
    for (const src of inputs) {
      const full = readChecked(src)!;
      for (let i = 0; i < 60; i++) {
        const cut = Math.floor(rnd() * src.length);
        const r = readChecked(src.subarray(0, cut));
        if (r !== null) expect(r.events.length).toBeLessThanOrEqual(full.events.length);
      }
    }
    expect(() => readEvtx(new Uint8Array(0))).toThrow(UnreadableInputError);
  });

  /** A record whose EventData is nested binary XML; `inner` writes that value. */
  function eventWithNestedData(c: ChunkWriter, id: number, inner: (w: BinXmlWriter) => void): void {
    c.record(id, enc.filetime(TIME), (w) => {
      w.fragment().template(
        'outer',
        (d) => {
          d.fragment().open('Event').closeStart();
          systemTemplate(d);
          d.open('EventData').closeStart().sub(4, T.binxml).end().end().eof();
        },
        [...systemValues(4624, TIME, id, 'X'), { type: T.binxml, nested: inner }],
      );
      w.eof();
    });
  }

  /** Nested binary XML whose template refers `refs` times to its one value, itself the next level. */
  function nested(refs: number, depth: number): (w: BinXmlWriter) => void {
    return (w) => {
      w.fragment().template(
        `n${refs}`,
        (d) => {
          d.fragment();
          for (let i = 0; i < refs; i++) d.sub(0, T.binxml);
          d.eof();
        },
        [
          depth === 0
            ? { type: T.string, bytes: enc.str('x') }
            : { type: T.binxml, nested: nested(refs, depth - 1) },
        ],
      );
      w.eof();
    };
  }

  function plainRecord(c: ChunkWriter, id: number): void {
    c.record(id, enc.filetime(TIME), (w) => {
      w.fragment().open('Event').closeStart();
      literalSystem(w, { eventId: 4625, time: TIME, recordId: id, computer: 'X' });
      w.end().eof();
    });
  }

  it('bounds deeply nested binary XML values', () => {
    const c = new ChunkWriter();
    eventWithNestedData(c, 1, nested(1, 200));
    plainRecord(c, 2);
    const r = readChecked(evtxFile([c.finish()]))!;
    expect(r.events.map((e) => e.recordId)).toEqual([2]);
    expect(r.warnings[0]).toMatchObject({ code: 'record-unreadable', record: 1 });
    expect(r.warnings[0]!.message).toMatch(/nested too deeply/);
  });

  it('stops exponential template bombs with a work budget', () => {
    // 300 references per level, 6 levels: 300^6 nested reads without a budget.
    const c = new ChunkWriter();
    eventWithNestedData(c, 1, nested(300, 6));
    plainRecord(c, 2);
    const r = readChecked(evtxFile([c.finish()]))!;
    expect(r.events.map((e) => e.recordId)).toEqual([2]);
    expect(r.warnings[0]!.message).toMatch(/too much work/);
  });

  it('caps a value referenced thousands of times in one Data element', () => {
    const c = new ChunkWriter();
    c.record(1, enc.filetime(TIME), (w) => {
      w.fragment().template(
        'wide',
        (d) => {
          d.fragment().open('Event').closeStart();
          systemTemplate(d);
          d.open('EventData')
            .closeStart()
            .open('Data', true)
            .attr('Name')
            .text('TargetUserName')
            .closeStart();
          for (let i = 0; i < 3000; i++) d.sub(4, T.string);
          d.end().end().end().eof();
        },
        [...systemValues(4624, TIME, 1, 'X'), { type: T.string, bytes: enc.str('y'.repeat(10000)) }],
      );
      w.eof();
    });
    const r = readChecked(evtxFile([c.finish()]))!;
    // Either cut to the cap or dropped as a record that expands far beyond its size: never 30 M chars.
    for (const e of r.events) expect((e.targetUser ?? '').length).toBeLessThanOrEqual(MAX_VALUE_CHARS);
    expect(r.warnings.length).toBeGreaterThan(0);
  });
});
