import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/helpers/shared-data.js';
import { readEvtxParallel } from './evtx-parallel.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('readEvtxParallel: the SHA-256 of its input', () => {
  it('hashes a file with one worker (here or by the worker), two, or in-thread, and bytes given whole', async () => {
    for (const name of ['evtx/sec-omer-size_t.evtx', 'evtx-bad/dev-derived-truncated-size_t.evtx']) {
      const file = sharedData(name);
      const bytes = new Uint8Array(readFileSync(file)); // not a Buffer: its slice() is a view, moved to the worker
      for (const where of ['here', 'worker'] as const) {
        for (const workers of [1, 2]) {
          const r = await readEvtxParallel(file, { workers, inThreadBelow: 0, sha256: where });
          expect(r.sha256, `${name}, ${workers} workers, ${where}`).toBe(sha256(bytes));
          expect(r.stats.recordsRead).toBeGreaterThan(0);
        }
        expect((await readEvtxParallel(file, { sha256: where })).sha256).toBe(sha256(bytes));
        expect((await readEvtxParallel(bytes, { workers: 1, inThreadBelow: 0, sha256: where })).sha256).toBe(
          sha256(bytes),
        );
      }
    }
  });

  it('gives none when not asked for', async () => {
    const file = sharedData('evtx/sec-omer-size_t.evtx');
    expect((await readEvtxParallel(file, { workers: 1, inThreadBelow: 0 })).sha256).toBeUndefined();
  });
});
