import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/helpers/shared-data.js';
import {
  EVENT_DATA_FIELDS,
  LOGON_EVENT_FIELDS,
  emptyEvent,
  type LogonEvent,
} from '../../core/events/index.js';
import { crc32, hasChunkSignature, readEvtx, useCrc32 } from '../../core/readers/evtx/index.js';
import { UnreadableInputError } from '../../core/readers/types.js';
import { readEvtxParallel, type EvtxProgress } from './evtx-parallel.js';
import { EventPacker, packEvents, unpackEvents } from './evtx-worker.js';
import { prestartEvtxWorkers, takePrestartedWorker } from './evtx-prestart.js';
import { useNativeCrc32 } from './native-crc32.js';

const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-evtx-par-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('evtx worker wire format', () => {
  it('round-trips events with every field in model order', () => {
    const a = emptyEvent(4624, '2020-01-01T00:00:00.1234567Z');
    a.recordId = 42;
    a.targetUser = 'alice';
    a.computer = 'DC1';
    const b = emptyEvent(4625, '2020-01-01T00:00:01.0000000Z');
    b.targetUser = 'alice';
    b.ipAddress = '-';
    const out = unpackEvents(packEvents([a, b]));
    expect(out).toEqual([a, b]);
    expect(Object.keys(out[0]!)).toEqual([...LOGON_EVENT_FIELDS]);
    expect(out[1]!.recordId).toBeNull();
  });

  it('keeps every string field in its place and unpacks a range of a batch', () => {
    const full = emptyEvent(4624, '2020-01-01T00:00:00.0000000Z');
    const fields = LOGON_EVENT_FIELDS.filter((f) => f !== 'time' && f !== 'recordId' && f !== 'eventId');
    for (const f of fields) (full as unknown as Record<string, string>)[f] = `value of ${f}`;
    const other = emptyEvent(4625, '2020-01-01T00:00:01.0000000Z');
    other.computer = 'value of targetUser'; // a string shared between fields: one table entry
    const packed = packEvents([other, full, other]);
    expect(packed.strings.filter((s) => s === 'value of targetUser')).toHaveLength(1);
    expect(unpackEvents(packed, [], 1, 2)).toEqual([full]);
    expect(unpackEvents(packed)).toEqual([other, full, other]);
  });

  it('packs a job chunk by chunk into one table, growing past its first capacity', () => {
    const chunk = (n: number, user: string): ReturnType<typeof emptyEvent>[] =>
      Array.from({ length: n }, (_, i) => {
        const e = emptyEvent(4624, `2020-01-01T00:00:${String(i % 60).padStart(2, '0')}.0000000Z`);
        e.recordId = i;
        e.targetUser = user;
        return e;
      });
    const a = chunk(900, 'alice');
    const b = chunk(700, 'bob');
    const packer = new EventPacker();
    packer.add(a);
    packer.add(b);
    const packed = packer.finish();
    expect(packed.count).toBe(1600);
    expect(packed.strings.filter((s) => s === 'alice')).toHaveLength(1);
    expect(unpackEvents(packed)).toEqual([...a, ...b]);
    expect(unpackEvents(packed, [], 900, 1600)).toEqual(b);
  });
});

describe('evtx worker packing from the reader fields (no event objects)', () => {
  it('packs what packing the events gives, for every sample record, with a shared table', () => {
    const bytes = new Uint8Array(readFileSync(sharedData('evtx', 'sec-omer-size_t.evtx')));
    const events = readEvtx(bytes).events;
    const sink = new EventPacker();
    // eventWithData's arguments, as the reader hands them to a sink.
    for (const e of events)
      sink.fields(
        e.time,
        e.recordId,
        e.eventId,
        e.channel,
        e.provider,
        e.computer,
        EVENT_DATA_FIELDS.map((f) => e[f]),
      );
    const fromFields = sink.finish();
    expect(fromFields).toEqual(packEvents(events));
    expect(unpackEvents(fromFields)).toEqual(events);
  });
});

describe('readEvtxParallel: unreadable input', () => {
  it('rejects a file that is not EVTX and a missing file with UnreadableInputError', async () => {
    const p = path.join(dir, 'not-evtx.bin');
    writeFileSync(p, 'hello, this is not an event log');
    await expect(readEvtxParallel(p)).rejects.toThrow(UnreadableInputError);
    await expect(readEvtxParallel(path.join(dir, 'missing.evtx'))).rejects.toThrow(/cannot read/);
  });
});

describe(
  'readEvtxParallel on the sample logs gives what readEvtx gives, on clean and damaged files',
  { timeout: 30_000 },
  () => {
    const files = [
      ['evtx', 'sec-omer-size_t.evtx'],
      ['evtx-bad', 'dev-derived-truncated-size_t.evtx'],
      ['evtx-bad', 'dev-derived-dirtyhdr-size_t.evtx'],
    ] as const;

    for (const [d, f] of files) {
      it(`gives exactly readEvtx's result for ${f} (path, 2 workers)`, async () => {
        const file = sharedData(d, f);
        const progress: EvtxProgress[] = [];
        const par = await readEvtxParallel(file, {
          workers: 2,
          inThreadBelow: 0,
          onProgress: (p) => progress.push(p),
        });
        const seq = readEvtx(new Uint8Array(readFileSync(file)));
        expect(par.warningCounts['worker-failed']).toBeUndefined(); // the workers really ran
        expect(par).toEqual(seq);
        const last = progress[progress.length - 1]!;
        expect(last.bytes).toBe(last.totalBytes);
        expect(last.records).toBe(seq.stats.recordsRead);
        expect(progress.every((p, i) => i === 0 || p.bytes >= progress[i - 1]!.bytes)).toBe(true);
      });
    }

    it("reads a Node Buffer given in memory without detaching the caller's buffer", async () => {
      const file = sharedData('evtx', 'sec-omer-size_t.evtx');
      const buffer = readFileSync(file); // a Buffer: its own slice() is a view, not a copy
      const before = Buffer.from(buffer);
      const par = await readEvtxParallel(buffer, { workers: 2, inThreadBelow: 0 });
      expect(par.warningCounts['worker-failed']).toBeUndefined();
      expect(par).toEqual(readEvtx(new Uint8Array(before)));
      expect(buffer.length).toBe(before.length); // a moved (detached) buffer would read as empty
      expect(buffer.equals(before)).toBe(true);
    });

    it('takes prestarted workers and gives them their options (filters, events or NDJSON)', async () => {
      const file = sharedData('evtx', 'sec-omer-size_t.evtx');
      const bytes = new Uint8Array(readFileSync(file));
      const opts = { eventIds: new Set([4624, 4672]), from: '2015-08-24T00:00:00Z', to: null };
      prestartEvtxWorkers(2);
      const par = await readEvtxParallel(file, { ...opts, workers: 2, inThreadBelow: 0 });
      expect(takePrestartedWorker()).toBeUndefined(); // both were used
      expect(par.warningCounts['worker-failed']).toBeUndefined();
      expect(par).toEqual(readEvtx(bytes, opts));
      prestartEvtxWorkers(1);
      const { par: nd, text } = await ndjsonOf(file, { ...opts, workers: 1, inThreadBelow: 0 });
      expect(takePrestartedWorker()).toBeUndefined();
      expect(nd.warningCounts['worker-failed']).toBeUndefined();
      expect(text).toBe(expectedNdjson(bytes, opts));
    });

    /** readEvtx's events as the NDJSON the CLI wrote before workers formatted it: JSON.stringify. */
    const expectedNdjson = (bytes: Uint8Array, opts = {}): string =>
      readEvtx(bytes, opts)
        .events.map((e) => {
          const o: Record<string, string | number | null> = {};
          for (const f of LOGON_EVENT_FIELDS) o[f] = e[f];
          return JSON.stringify(o) + '\n';
        })
        .join('');
    /** readEvtxParallel in NDJSON mode: the result and the text handed over. */
    const ndjsonOf = async (
      input: string | Uint8Array,
      opts: Parameters<typeof readEvtxParallel>[1] = {},
    ): Promise<{ par: Awaited<ReturnType<typeof readEvtxParallel>>; text: string; pieces: number }> => {
      const pieces: Buffer[] = [];
      const par = await readEvtxParallel(input, {
        ...opts,
        onNdjson: (b) => pieces.push(Buffer.from(b.buffer, b.byteOffset, b.length)),
      });
      return { par, text: Buffer.concat(pieces).toString('utf8'), pieces: pieces.length };
    };

    for (const [d, f] of files) {
      it(`NDJSON written by 2 workers is readEvtx's events, byte for byte, for ${f}`, async () => {
        const file = sharedData(d, f);
        const bytes = new Uint8Array(readFileSync(file));
        const seq = readEvtx(bytes);
        const { par, text } = await ndjsonOf(file, { workers: 2, inThreadBelow: 0 });
        expect(par.warningCounts['worker-failed']).toBeUndefined();
        expect(par.events).toEqual([]);
        expect(par.stats).toEqual(seq.stats);
        expect(par.warnings).toEqual(seq.warnings);
        expect(text).toBe(expectedNdjson(bytes));
      });
    }

    it('checksums checked on the calling thread (checksumsHere) give readEvtx warnings and text on damaged files', async () => {
      const src = new Uint8Array(readFileSync(sharedData('evtx', 'sec-omer-size_t.evtx')));
      const damaged = src.slice();
      const C = 65536;
      damaged[4096 + C + 2000] = damaged[4096 + C + 2000]! ^ 0x01; // chunk 1: records checksum
      damaged[4096 + 3 * C + 300] = damaged[4096 + 3 * C + 300]! ^ 0xff; // chunk 3: header checksum
      new DataView(damaged.buffer).setUint32(4096 + 5 * C + 48, 70_000, true); // chunk 5: end offset
      const inputs = [
        damaged,
        damaged.slice(0, 4096 + 7 * C + 30_000), // cut inside chunk 7's records
        damaged.slice(0, 4096 + 7 * C + 200), // cut inside chunk 7's header
        new Uint8Array(readFileSync(sharedData('evtx-bad', 'dev-derived-truncated-size_t.evtx'))),
        new Uint8Array(readFileSync(sharedData('evtx-bad', 'dev-derived-dirtyhdr-size_t.evtx'))),
      ];
      // Records checksums computed on this thread (the workers' are theirs): counted by where they start.
      let here = 0;
      useCrc32((bytes, start, end, crc) => {
        if (start === 512) here++;
        return crc32(bytes, start, end, crc);
      });
      try {
        for (const bytes of inputs) {
          const seq = readEvtx(bytes);
          expect(seq.warningCounts['chunk-crc'] ?? 0).toBeLessThanOrEqual(1);
          here = 0;
          for (const workers of [1, 2]) {
            const { par, text } = await ndjsonOf(bytes, { workers, inThreadBelow: 0, checksumsHere: true });
            expect(par.warningCounts['worker-failed']).toBeUndefined();
            expect(par.warnings).toEqual(seq.warnings);
            expect(par.stats).toEqual(seq.stats);
            expect(text).toBe(expectedNdjson(bytes));
          }
          expect(here).toBeGreaterThan(0); // this thread did check them
          here = 0;
          await ndjsonOf(bytes, { workers: 1, inThreadBelow: 0 });
          expect(here).toBe(0); // by default the workers do
        }
        expect(readEvtx(inputs[0]!).warningCounts).toMatchObject({ 'chunk-crc': 1, 'chunk-header-crc': 2 });
        // The workers use this thread's result, not their own: a checksum that lies here shows.
        useCrc32((bytes, start, end, crc) => (crc32(bytes, start, end, crc) ^ (start === 512 ? 1 : 0)) >>> 0);
        const { par } = await ndjsonOf(src, { workers: 1, inThreadBelow: 0, checksumsHere: true });
        let chunks = 0;
        for (let off = 4096; off < src.length; off += C) if (hasChunkSignature(src, off)) chunks++;
        expect(chunks).toBeGreaterThan(1);
        expect(par.warningCounts).toEqual({ 'chunk-crc': chunks });
      } finally {
        useNativeCrc32();
      }
    });

    it('NDJSON on the calling thread (small input) and with filters is the same text', async () => {
      const small = sharedData('evtx', 'sec-omer-short.evtx');
      expect((await ndjsonOf(small)).text).toBe(expectedNdjson(new Uint8Array(readFileSync(small))));
      const bytes = new Uint8Array(readFileSync(sharedData('evtx', 'sec-omer-size_t.evtx')));
      const opts = { eventIds: new Set([4624]) };
      const filtered = await ndjsonOf(bytes, { ...opts, workers: 1, inThreadBelow: 0 });
      expect(filtered.text).toBe(expectedNdjson(bytes, opts));
      expect(filtered.par.stats.eventsReturned).toBe(readEvtx(bytes, opts).events.length);
    });

    it('NDJSON of a wrapped log (chunks out of record order) comes in record order, like readEvtx', async () => {
      // Three chunks of sec-omer-size_t in the order 3, 1, 2: a log that wrapped around.
      const src = new Uint8Array(readFileSync(sharedData('evtx', 'sec-omer-size_t.evtx')));
      const C = 65536;
      const pick = (order: number[]): Uint8Array => {
        const out = new Uint8Array(4096 + order.length * C);
        out.set(src.subarray(0, 4096));
        order.forEach((from, to) =>
          out.set(src.subarray(4096 + from * C, 4096 + (from + 1) * C), 4096 + to * C),
        );
        return out;
      };
      const wrapped = pick([2, 0, 1]);
      const expected = expectedNdjson(wrapped);
      expect(expected).toBe(expectedNdjson(pick([0, 1, 2]))); // readEvtx orders chunks by record id
      for (const opts of [{ workers: 2, inThreadBelow: 0 }, {}]) {
        expect((await ndjsonOf(wrapped, opts)).text).toBe(expected);
      }
      // Not wrapped: streamed chunk by chunk (each chunk handed over as soon as it is read).
      const streamed = await ndjsonOf(pick([0, 1, 2]), { workers: 1, inThreadBelow: 0 });
      expect(streamed.text).toBe(expected);
      expect(streamed.pieces).toBe(3);
    });

    it('streams events chunk by chunk in file order, holding none of them (2 workers and in-thread)', async () => {
      for (const [d, f] of files) {
        const file = sharedData(d, f);
        const seq = readEvtx(new Uint8Array(readFileSync(file)));
        for (const opts of [{ workers: 2, inThreadBelow: 0 }, { inThreadBelow: 1 << 30 }]) {
          const got: LogonEvent[] = [];
          let calls = 0;
          const par = await readEvtxParallel(file, {
            ...opts,
            onEvents: (events) => {
              calls++;
              got.push(...events);
            },
          });
          expect(par.events).toEqual([]);
          expect(par.stats).toEqual(seq.stats);
          expect(par.warnings).toEqual(seq.warnings);
          expect(got).toEqual(seq.events); // these logs did not wrap: file order is record order
          expect(calls).toBeGreaterThan(1);
        }
      }
    });

    it('streams events in record order with eventsOrder record, also for a wrapped log (the server import)', async () => {
      const src = new Uint8Array(readFileSync(sharedData('evtx', 'sec-omer-size_t.evtx')));
      const C = 65536;
      const pick = (order: number[]): Uint8Array => {
        const out = new Uint8Array(4096 + order.length * C);
        out.set(src.subarray(0, 4096));
        order.forEach((from, to) =>
          out.set(src.subarray(4096 + from * C, 4096 + (from + 1) * C), 4096 + to * C),
        );
        return out;
      };
      for (const order of [
        [0, 1, 2],
        [2, 0, 1],
      ]) {
        const bytes = pick(order);
        const seq = readEvtx(bytes);
        for (const opts of [{ workers: 2, inThreadBelow: 0 }, { inThreadBelow: 1 << 30 }]) {
          const got: LogonEvent[] = [];
          const par = await readEvtxParallel(bytes, {
            ...opts,
            eventsOrder: 'record',
            onEvents: (events) => got.push(...events),
          });
          expect(par.events).toEqual([]);
          expect(par.stats).toEqual(seq.stats);
          expect(got).toEqual(seq.events);
        }
      }
    });

    it('reads a small file on the calling thread (default), with the same result', async () => {
      const file = sharedData('evtx', 'sec-omer-short.evtx');
      const par = await readEvtxParallel(file);
      expect(par).toEqual(readEvtx(new Uint8Array(readFileSync(file))));
      expect(par.events).toHaveLength(7);
    });

    it('reads from bytes with one worker and passes the filters to the workers', async () => {
      const bytes = new Uint8Array(readFileSync(sharedData('evtx', 'sec-omer-size_t.evtx')));
      const copy = bytes.slice();
      const opts = { eventIds: new Set([4624, 4625]), from: '2015-08-24T00:00:00Z' };
      const par = await readEvtxParallel(bytes, { ...opts, workers: 1, inThreadBelow: 0 });
      expect(par.warnings).toEqual([]);
      expect(par).toEqual(readEvtx(bytes, opts));
      expect(par.events.length).toBeGreaterThan(0);
      expect(
        par.events.every((e) => (e.eventId === 4624 || e.eventId === 4625) && e.time >= '2015-08-24'),
      ).toBe(true);
      expect(par.stats.skipped['filtered-event-id']).toBeGreaterThan(0);
      expect(Buffer.compare(bytes, copy)).toBe(0); // the caller's buffer is not transferred away
    });
  },
);
