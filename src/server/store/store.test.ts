import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDataset } from '../../core/dataset/testing/generate-dataset.js';
import { ImportWriter } from './import-writer.js';
import { Store } from './store.js';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'logonlens-store-'));
  store = Store.open(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const PARSED = {
  sha256: null,
  format: 'elasticsearch',
  recordsRead: 1,
  eventsNew: 1,
  eventsDuplicate: 0,
  skipped: {},
  warnings: 0,
};

describe('Store after a restart', () => {
  it('keeps the imports a later Elasticsearch load superseded, and fails only the unfinished ones', () => {
    const d = store.createDataset('cluster');
    const writer = new ImportWriter(store.db);
    const graph = generateDataset({ accounts: 3, hosts: 2, days: 1, seed: 1 });
    const load = (job: string): number => {
      const id = writer.beginImport(d.id, job, { name: job, size: 1 }, new Date().toISOString());
      writer.markParsed(id, PARSED);
      writer.replaceRollupsSuperseding(d.id, id, graph, 1);
      return id;
    };
    const first = load('job_1');
    const second = load('job_2');
    const unfinished = writer.beginImport(
      d.id,
      'job_3',
      { name: 'job_3', size: 1 },
      new Date().toISOString(),
    );
    store.recoverInterrupted();
    const states = store.db
      .prepare(`SELECT id, state FROM imports WHERE dataset_id = ? ORDER BY id`)
      .all(d.id);
    expect(states).toEqual([
      { id: first, state: 'superseded' },
      { id: second, state: 'done' },
      { id: unfinished, state: 'failed' },
    ]);
    expect(store.getDataset(d.id).state).toBe('ready');
  });
});
