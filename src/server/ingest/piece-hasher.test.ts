import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PieceHasher } from './piece-hasher.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'logonlens-piece-hasher-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 31) % 251);
const file = path.join(tmp, 'bytes.bin');
writeFileSync(file, bytes);
const whole = createHash('sha256').update(readFileSync(file)).digest('hex');

describe('PieceHasher', () => {
  it('takes overlapping ranges once and reads what no range covered (gaps, the end) from the file', async () => {
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

  it('with a range reader, fills each gap at once (the header before the first piece, a skipped piece)', async () => {
    const reads: [number, number][] = [];
    const hasher = new PieceHasher(file, (start, end) => {
      reads.push([start, end]);
      return bytes.subarray(start, end);
    });
    hasher.take(4096, bytes.subarray(4096, 6000));
    hasher.take(8000, bytes.subarray(8000, 9000));
    hasher.take(8500, bytes.subarray(8500, 9500));
    expect(reads).toEqual([
      [0, 4096],
      [6000, 8000],
    ]);
    expect(await hasher.digest()).toBe(whole); // 9500… read from the file
  });

  it('falls back to reading the file when the range reader fails or comes back short', async () => {
    const failing = new PieceHasher(file, () => {
      throw new Error('EIO');
    });
    failing.take(4096, bytes.subarray(4096, 6000));
    failing.take(6000, bytes.subarray(6000));
    expect(await failing.digest()).toBe(whole);
    const short = new PieceHasher(file, (start) => bytes.subarray(start, start + 10));
    short.take(4096, bytes.subarray(4096, 6000));
    expect(await short.digest()).toBe(whole);
  });
});
