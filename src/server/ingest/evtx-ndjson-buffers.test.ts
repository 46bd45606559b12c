// The NDJSON buffers of `logonlens events` go back to the worker that wrote them once written out
// (NdjsonBatch.reuse, readEvtxParallel's `done`): the bytes must stay exactly those of fresh
// buffers, a buffer must never go back while its bytes may still be read, and the worker keeps a
// bounded number of them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLargeEvtx } from '../../../bench/evtx-build.js';
import { sharedData } from '../../../test/helpers/shared-data.js';
import { CHUNK_SIZE, hasChunkSignature, readEvtx } from '../../core/readers/evtx/index.js';
import { NdjsonWriter } from '../../core/events/index.js';
import { readEvtxParallel } from './evtx-parallel.js';
import { isReturnedBuffer, MAX_RETURNED_BUFFERS, NdjsonBatch } from './evtx-worker.js';

const sample = new Uint8Array(readFileSync(sharedData('evtx', 'sec-omer-size_t.evtx')));
const FIRST_CHUNK = 4096;
/** The sample's chunks (each a 64 KiB view). */
const chunks: Uint8Array[] = [];
for (let off = FIRST_CHUNK; off + CHUNK_SIZE <= sample.length; off += CHUNK_SIZE)
  if (hasChunkSignature(sample, off)) chunks.push(sample.subarray(off, off + CHUNK_SIZE));
const noFilter = { eventIds: null, from: null, to: null };

/** The NDJSON of each job, each written by a batch of its own into fresh buffers. */
function expectedJobs(jobs: number[][]): string[] {
  return jobs.map((job) => Buffer.from(runJob(new NdjsonBatch(), job)).toString('utf8'));
}

/** Parses the job's chunks into the batch (the job not finished). */
function parseJob(batch: NdjsonBatch, job: number[]): void {
  for (const i of job)
    batch.parse(chunks[i]!, { index: i, fileOffset: FIRST_CHUNK + i * CHUNK_SIZE }, noFilter);
}

function runJob(batch: NdjsonBatch, job: number[]): Uint8Array {
  parseJob(batch, job);
  return batch.finish();
}

describe('NdjsonBatch reuses the buffers handed back', () => {
  // The sample's chunks in four jobs.
  const quarter = Math.ceil(chunks.length / 4);
  const jobs = [0, 1, 2, 3].map((j) =>
    chunks.map((_, i) => i).slice(j * quarter, Math.min(chunks.length, (j + 1) * quarter)),
  );

  it('writes the same bytes into a returned buffer, one returned while the next job writes', () => {
    const expected = expectedJobs(jobs);
    const batch = new NdjsonBatch();
    const a = runJob(batch, jobs[0]!);
    expect(Buffer.from(a).toString('utf8')).toBe(expected[0]);
    // Job 2 writes into the buffer made when job 1 was taken; job 1's comes back in the middle of it.
    const [first, ...rest] = jobs[1]!;
    parseJob(batch, [first!]);
    batch.reuse(a.buffer as ArrayBuffer);
    expect(batch.held).toBe(1);
    const b = runJob(batch, rest);
    expect(b.buffer).not.toBe(a.buffer); // not the buffer it was writing
    expect(Buffer.from(b).toString('utf8')).toBe(expected[1]);
    // Job 2's take made job 3's buffer from the returned one: job 3 is written into job 1's memory.
    expect(batch.held).toBe(0);
    const c = runJob(batch, jobs[2]!);
    expect(c.buffer).toBe(a.buffer);
    expect(Buffer.from(c).toString('utf8')).toBe(expected[2]);
    const d = runJob(batch, jobs[3]!);
    expect(Buffer.from(d).toString('utf8')).toBe(expected[3]);
  });

  it('drops a returned buffer too small for the next job and allocates instead', () => {
    const expected = expectedJobs(jobs);
    const batch = new NdjsonBatch();
    const small = new ArrayBuffer(16);
    batch.reuse(small);
    batch.reuse(new ArrayBuffer(0)); // a detached or empty buffer is not kept
    expect(batch.held).toBe(1);
    const outs = jobs.map((job) => runJob(batch, job));
    expect(outs.every((o) => o.buffer !== small)).toBe(true);
    expect(batch.held).toBe(0);
    expect(outs.map((o) => Buffer.from(o).toString('utf8'))).toEqual(expected);
  });

  it(`keeps at most ${MAX_RETURNED_BUFFERS} returned buffers`, () => {
    const batch = new NdjsonBatch();
    for (let i = 0; i < 3 * MAX_RETURNED_BUFFERS; i++) batch.reuse(new ArrayBuffer(1 << 21));
    expect(batch.held).toBe(MAX_RETURNED_BUFFERS);
  });

  it('tells a returned buffer from a job', () => {
    expect(isReturnedBuffer({ kind: 'logonlens-ndjson-buffer', buffer: new ArrayBuffer(8) })).toBe(true);
    expect(isReturnedBuffer({ kind: 'logonlens-ndjson-buffer', buffer: new Uint8Array(8) })).toBe(false);
    expect(isReturnedBuffer({ id: 0, bytes: new Uint8Array(8), chunks: [] })).toBe(false);
    expect(isReturnedBuffer(null)).toBe(false);
  });
});

describe(
  'readEvtxParallel hands an NDJSON buffer back only when all its bytes are done',
  { timeout: 60_000 },
  () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-ndjson-buffers-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    // Real chunks with fresh record numbers (the bench's builder): a log that streams, 7 jobs, the
    // last one short (read into the larger memory of an earlier piece, moved back by its worker).
    const file = path.join(dir, 'six-mb.evtx');
    buildLargeEvtx(sharedData('evtx', 'sec-omer-size_t.evtx'), file, (6 << 20) + (300 << 10));
    const expected = readEvtx(new Uint8Array(readFileSync(file)))
      .events.map((e) => {
        const w = new NdjsonWriter();
        w.line(e);
        return Buffer.from(w.take()).toString('utf8');
      })
      .join('');

    it('gives the same bytes when every piece is done at once (buffers reused by the workers)', async () => {
      for (const workers of [1, 2]) {
        const pieces: Buffer[] = [];
        let withDone = 0;
        const r = await readEvtxParallel(file, {
          workers,
          inThreadBelow: 0,
          onNdjson: (b, done) => {
            pieces.push(Buffer.from(b)); // a copy: once done, the bytes belong to the worker again
            if (done !== undefined) withDone++;
            done?.();
          },
        });
        expect(r.warningCounts['worker-failed']).toBeUndefined();
        expect(withDone).toBe(pieces.length);
        expect(Buffer.concat(pieces).toString('utf8')).toBe(expected);
      }
    });

    it('keeps every view of a buffer readable until its last view is done, then moves the buffer', async () => {
      type View = { bytes: Uint8Array; copy: Buffer; done: () => void };
      let views: View[] = [];
      const intact = (vs: View[]): boolean => vs.every((v) => Buffer.from(v.bytes).equals(v.copy));
      let checked = 0;
      const text: Buffer[] = [];
      /** All but the last view done: nothing moves; the last one done: the buffer is moved away. */
      const finishBuffer = (): void => {
        if (views.length < 2) {
          for (const v of views) v.done();
          views = [];
          return;
        }
        for (const v of views.slice(0, -1)) {
          v.done();
          v.done(); // a second call changes nothing
        }
        expect(intact(views)).toBe(true);
        views[views.length - 1]!.done();
        expect(views.every((v) => v.bytes.length === 0)).toBe(true); // moved back to the worker
        checked++;
        views = [];
      };
      const r = await readEvtxParallel(file, {
        workers: 1,
        inThreadBelow: 0,
        onNdjson: (b, done) => {
          if (views.length > 0 && views[0]!.bytes.buffer !== b.buffer) finishBuffer();
          text.push(Buffer.from(b));
          views.push({ bytes: b, copy: Buffer.from(b), done: done! });
          expect(intact(views)).toBe(true);
        },
      });
      expect(r.warningCounts['worker-failed']).toBeUndefined();
      expect(checked).toBeGreaterThan(1);
      expect(Buffer.concat(text).toString('utf8')).toBe(expected);
    });
  },
);
