import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../../core/readers/types.js';
import { REPO_ROOT, sharedData } from '../../../test/helpers/shared-data.js';
import { PieceHasher, readInputFile, streamInputFile } from './read-input-file.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');
const tmp = mkdtempSync(path.join(tmpdir(), 'logonlens-read-input-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('readInputFile', () => {
  it('reads an XML export streamed, with the file hash and progress', async () => {
    const file = path.join(FIXTURES, 'xml/windows-security.xml');
    const progress: number[] = [];
    const r = await readInputFile(file, { onProgress: (p) => progress.push(p.bytes) });
    expect(r.source).toEqual({
      name: 'windows-security.xml',
      size: readFileSync(file).length,
      sha256: sha256(file),
      format: 'xml',
    });
    expect(r.events.map((e) => e.eventId)).toEqual([4624, 4625, 4728, 1102, 4662, 5141, 4719]);
    expect(progress.at(-1)).toBe(r.source.size);
  });

  it('reads JSON (a search response) and applies the read options', async () => {
    const file = path.join(FIXTURES, 'json/elastic-agent-search.json');
    const r = await readInputFile(file, { eventIds: new Set([4769, 4648]) });
    expect(r.source.format).toBe('json');
    expect(r.events.map((e) => e.eventId)).toEqual([4769, 4648]);
    expect(r.stats.skipped).toEqual({ 'filtered-event-id': 2 });
  });

  it('hands events over one by one with onEvent and keeps none', async () => {
    const seen: number[] = [];
    const r = await streamInputFile(path.join(FIXTURES, 'json/winlogbeat7.ndjson'), {
      onEvent: (e) => seen.push(e.recordId ?? -1),
    });
    expect(seen).toEqual([50001, 50002, 50003, 50004, 50005]);
    expect(r.events).toEqual([]);
    expect(r.stats.eventsReturned).toBe(5);
  });

  it.each([
    ['missing.evtx', null, 'no such file'],
    ['empty.xml', '', 'empty file'],
    ['notes.txt', 'hello, world\n', 'not an event log'],
    ['page.xml', '<html><body>hi</body></html>', 'not an event log'],
    ['package.json', '{"name":"x","version":"1.0.0"}', 'not an event log'],
  ])('rejects %s with a one-line reason', async (name, content, reason) => {
    const file = path.join(tmp, name);
    if (content !== null) writeFileSync(file, content);
    const err: unknown = await readInputFile(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableInputError);
    expect((err as Error).message).toContain(reason);
    expect((err as Error).message).toContain(name);
    expect((err as Error).message).not.toContain('\n');
  });

  it('detects the format from content, not from the file name', async () => {
    const file = path.join(tmp, 'really-xml.json');
    writeFileSync(file, readFileSync(path.join(FIXTURES, 'xml/windows-security.xml')));
    expect((await readInputFile(file)).source.format).toBe('xml');
  });
});

describe('readInputFile on EVTX (shared data)', () => {
  it('reads EVTX on worker threads with the file hash', async () => {
    const file = sharedData('evtx/sec-omer-newuser.evtx');
    const r = await readInputFile(file, { workers: 1 });
    expect(r.source).toMatchObject({ format: 'evtx', size: 69632, sha256: sha256(file) });
    expect(r.events.map((e) => e.eventId).sort()).toEqual([4720, 4728, 4732, 4732]);
  });
});

describe('the SHA-256 of EVTX input, from the pieces read (one pass)', () => {
  const samples = [
    'evtx/sec-omer-size_t.evtx',
    'evtx/sec-omer-post.evtx',
    'evtx/m2a-4768-4769-host.evtx',
    'evtx-bad/dev-derived-truncated-size_t.evtx',
    'evtx-bad/dev-derived-dirtyhdr-size_t.evtx',
    'evtx-modern/m2a-1149-rdp.evtx',
  ];

  it('is the hash of the whole file for every sample, with one worker and two, streamed or not', async () => {
    for (const name of samples) {
      const file = sharedData(name);
      for (const workers of [1, 2])
        for (const streamed of [true, false]) {
          const r = await streamInputFile(file, {
            workers,
            inThreadBelow: 0,
            ...(streamed ? { onEvent: () => {}, fileOrder: true } : {}),
          });
          expect(r.source.sha256, `${name}, ${workers} workers`).toBe(sha256(file));
        }
      expect((await streamInputFile(file)).source.sha256, `${name} in-thread`).toBe(sha256(file));
    }
  });

  it('covers what no piece holds: the file header, blocks that are not chunks, a tail past the last chunk', async () => {
    // 17 real chunks, 31 empty 64 KiB blocks (so that the piece of blocks 32-47 holds no chunk and
    // is never sent to a worker), 17 chunks again, then odd bytes that are no chunk at all.
    const real = readFileSync(sharedData('evtx/sec-omer-size_t.evtx'));
    const chunks = real.subarray(4096);
    const file = path.join(tmp, 'gapped.evtx');
    writeFileSync(
      file,
      Buffer.concat([
        real.subarray(0, 4096),
        chunks,
        Buffer.alloc(31 * 65536),
        chunks,
        Buffer.from('trailing bytes that are not a chunk'),
      ]),
    );
    for (const workers of [1, 2]) {
      const r = await streamInputFile(file, {
        workers,
        inThreadBelow: 0,
        onEvent: () => {},
        fileOrder: true,
      });
      expect(r.source.sha256, `${workers} workers`).toBe(sha256(file));
      expect(r.stats.recordsRead).toBeGreaterThan(0);
    }
  });

  it('is left out when not asked for (logonlens events)', async () => {
    const file = sharedData('evtx/sec-omer-size_t.evtx');
    for (const workers of [1, 2])
      expect((await streamInputFile(file, { workers, inThreadBelow: 0, hash: false })).source.sha256).toBe(
        '',
      );
  });

  it('takes overlapping ranges once and reads what no range covered (gaps, the end) from the file', async () => {
    const file = path.join(tmp, 'bytes.bin');
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 31) % 251);
    writeFileSync(file, bytes);
    const whole = sha256(file);
    const overlapping = new PieceHasher(file);
    overlapping.take(0, bytes.subarray(0, 4104));
    overlapping.take(4096, bytes.subarray(4096, 8000));
    overlapping.take(2000, bytes.subarray(2000, 3000)); // already hashed: ignored
    expect(await overlapping.digest()).toBe(whole); // 8000… read from the file
    const gap = new PieceHasher(file);
    gap.take(0, bytes.subarray(0, 100));
    gap.take(200, bytes.subarray(200, 9000)); // a gap: the rest is read from the file
    gap.take(9000, bytes.subarray(9000));
    expect(await gap.digest()).toBe(whole);
    expect(await new PieceHasher(file).digest()).toBe(whole);
  });
});
