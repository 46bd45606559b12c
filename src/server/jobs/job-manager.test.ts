import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import { Store, systemClock } from '../store/store.js';
import type { ImportJob } from '../ingest/import-files.js';
import { JobManager, type ImportRunner, type JobTask } from './job-manager.js';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'logonlens-jobs-'));
  store = Store.open(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A runner whose imports finish when the test says so. */
function gatedRunner(): {
  runner: ImportRunner;
  started: ImportJob[];
  finish: (i: number, error?: Error) => void;
} {
  const started: ImportJob[] = [];
  const gates: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  const runner: ImportRunner = (job) =>
    new Promise<void>((resolve, reject) => {
      started.push(job);
      gates.push({ resolve, reject });
    });
  return {
    runner,
    started,
    finish: (i, error) => (error === undefined ? gates[i]?.resolve() : gates[i]?.reject(error)),
  };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 10));

function spool(name: string): { path: string; name: string; size: number } {
  const p = path.join(dir, `${name}.part`);
  writeFileSync(p, 'x');
  return { path: p, name, size: 1 };
}

describe('JobManager', () => {
  it('runs jobs of one dataset one at a time, others in parallel up to the limit', async () => {
    const g = gatedRunner();
    const jobs = new JobManager(store, g.runner, systemClock, silentLogger, 2);
    const a = store.createDataset('a');
    const b = store.createDataset('b');
    const a1 = jobs.enqueue(a.id, 'a', [spool('1')]);
    const a2 = jobs.enqueue(a.id, 'a', [spool('2')]);
    const b1 = jobs.enqueue(b.id, 'b', [spool('3')]);
    await tick();
    expect(g.started.map((j) => j.jobId)).toEqual([a1.id, b1.id]);
    expect(jobs.get(a2.id)?.state).toBe('queued');
    expect(jobs.busy(a.id)).toBe(true);
    g.finish(0);
    await tick();
    expect(jobs.get(a1.id)?.state).toBe('done');
    expect(g.started.map((j) => j.jobId)).toEqual([a1.id, b1.id, a2.id]);
    g.finish(1, new Error('boom'));
    g.finish(2);
    await jobs.idle();
    expect(jobs.get(b1.id)).toMatchObject({ state: 'failed', error: 'boom' });
    expect(store.getDataset(b.id)).toMatchObject({ state: 'failed', error: 'boom' });
    expect(jobs.busy(a.id)).toBe(false);
    // Finished jobs are read back from the store.
    expect(store.findJob(a2.id)?.state).toBe('done');
  });

  it('tells subscribers about each change and removes spooled files at the end', async () => {
    const g = gatedRunner();
    const jobs = new JobManager(store, g.runner, systemClock, silentLogger, 1);
    const d = store.createDataset('d');
    const file = spool('f');
    const job = jobs.enqueue(d.id, 'd', [file]);
    const states: string[] = [];
    jobs.subscribe(job.id, (j) => states.push(j.state));
    await tick();
    g.finish(0);
    await jobs.idle();
    expect(states).toEqual(['running', 'done']);
    const { existsSync } = await import('node:fs');
    expect(existsSync(file.path)).toBe(false);
  });

  it('runs in-process jobs (Elasticsearch loads) through start(): queue, live get, updates, busy, end', async () => {
    const g = gatedRunner();
    const jobs = new JobManager(store, g.runner, systemClock, silentLogger, 1);
    const d = store.createDataset('es');
    let proceed: () => void = () => {};
    const gate = new Promise<void>((r) => (proceed = r));
    let cleaned = 0;
    const task: JobTask = {
      kind: 'es load',
      async run(job, changed) {
        job.progress.records = 500;
        changed();
        await gate;
        job.progress.records = 900;
        return { files: [], eventsNew: 900, eventsDuplicate: 0, counts: d.counts, timeRange: null };
      },
      cleanup: () => void cleaned++,
    };
    const job = jobs.start(d.id, task);
    expect(job.state).toBe('queued');
    expect(store.getDataset(d.id).state).toBe('importing');
    const seen: Array<[string, number]> = [];
    jobs.subscribe(job.id, (j) => seen.push([j.state, j.progress.records]));
    expect(jobs.busy(d.id)).toBe(true);
    await tick();
    expect(jobs.get(job.id)?.progress.records).toBe(500);
    // An upload into the same dataset waits for the load.
    jobs.enqueue(d.id, 'es', [spool('after')]);
    await tick();
    expect(g.started).toHaveLength(0);
    proceed();
    await tick();
    expect(seen).toEqual([
      ['running', 0],
      ['running', 500],
      ['done', 900],
    ]);
    expect(store.findJob(job.id)).toMatchObject({ state: 'done', result: { eventsNew: 900 } });
    expect(cleaned).toBe(1);
    expect(g.started).toHaveLength(1);
    g.finish(0);
    await jobs.idle();
    expect(jobs.busy(d.id)).toBe(false);
    expect(jobs.get(job.id)?.state).toBe('done');
  });

  it('fails an in-process job that throws, keeps a dataset that had a graph, and still cleans up', async () => {
    const jobs = new JobManager(store, gatedRunner().runner, systemClock, silentLogger, 1);
    const d = store.createDataset('es');
    let cleaned = 0;
    const job = jobs.start(d.id, {
      kind: 'es load',
      run: () => Promise.reject(new Error('the cluster went away')),
      cleanup: () => void cleaned++,
    });
    await jobs.idle();
    expect(jobs.get(job.id)).toMatchObject({ state: 'failed', error: 'the cluster went away' });
    expect(store.getDataset(d.id)).toMatchObject({ state: 'failed', error: 'the cluster went away' });
    expect(cleaned).toBe(1);
  });
});
