import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../http/query.js';
import { ApiError } from '../http/errors.js';
import { silentLogger } from '../logger.js';
import { Store } from '../store/store.js';
import { defaultPoolSize, WindowPool } from './window-pool.js';
import type { WindowWork } from './window-output.js';

let dir: string;
let store: Store;
let pool: WindowPool;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'logonlens-pool-'));
  store = Store.open(dir);
  pool = new WindowPool(dir, 2, silentLogger);
});
afterAll(async () => {
  await pool.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const work = (datasetId: string, format: 'json' | 'csv' = 'json'): WindowWork => ({
  format,
  datasetId,
  window: null,
  filters: NO_FILTERS,
  maxEdges: 100,
  now: '2024-01-01T00:00:00.000Z',
});

async function collect(w: WindowWork): Promise<string> {
  const pieces: Uint8Array[] = [];
  await pool.run(w, (p) => pieces.push(p));
  return Buffer.concat(pieces).toString('utf8');
}

describe('WindowPool', () => {
  it('sizes itself from the cores: one left to the HTTP thread, 2 to 4 threads', () => {
    expect(defaultPoolSize(1)).toBe(2);
    expect(defaultPoolSize(2)).toBe(2);
    expect(defaultPoolSize(4)).toBe(3);
    expect(defaultPoolSize(64)).toBe(4);
  });

  it('computes windows in worker threads, several at once', async () => {
    const d = store.createDataset('pooled');
    const answers = await Promise.all([collect(work(d.id)), collect(work(d.id)), collect(work(d.id, 'csv'))]);
    const json = JSON.parse(answers[0]!) as { title: string; createdAt: string; edges: unknown[] };
    expect(json).toMatchObject({ title: 'pooled', createdAt: '2024-01-01T00:00:00.000Z', edges: [] });
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]!.startsWith('account,source,target,')).toBe(true);
    expect(pool.load()).toBe(0);
  });

  it('runs light work first and keeps a thread for it while heavy work waits', async () => {
    const d = store.createDataset('ordered');
    const finished: string[] = [];
    const run = (label: string, cost: number): Promise<void> =>
      pool
        .run(work(d.id), () => {}, cost)
        .then(() => {
          finished.push(label);
        });
    // Two threads: the first heavy task takes one, the second may not take the last free one.
    await Promise.all([run('heavy 1', 1e9), run('heavy 2', 1e9), run('light', 24)]);
    expect(finished.indexOf('light')).toBeLessThan(finished.indexOf('heavy 2'));
  });

  it('brings a missing dataset back as a 404, and keeps working', async () => {
    const err = await pool.run(work('ds-missing'), () => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 404, code: 'not_found' });
    const d = store.createDataset('after');
    expect(await collect(work(d.id))).toContain('"title":"after"');
  });
});
