import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetInfo, JobInfo } from '../../src/server/store/types.js';
import { REPO_ROOT, sharedData } from '../helpers/shared-data.js';
import { expectJson, filesForm, waitForJob, writeLargeNdjson } from './server-helpers.js';

// Kills the real server process (SIGKILL) in the middle of an import and starts it again on the
// same data directory. Runs the build (dist/node, imports in a worker thread) when it is up to date
// (`npm test` builds first), else the sources through tsx.
const BUILT = path.join(REPO_ROOT, 'dist/node/server/main.js');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const USE_BUILD =
  process.env.LOGONLENS_FAULT_SOURCES !== '1' &&
  existsSync(BUILT) &&
  statSync(BUILT).mtimeMs >=
    Math.max(newest(path.join(REPO_ROOT, 'src/server')), newest(path.join(REPO_ROOT, 'src/core')));

interface Child {
  proc: ChildProcess;
  url: string;
  output: () => string;
}

async function startChild(dataDir: string): Promise<Child> {
  const args = USE_BUILD ? [BUILT] : ['--import', 'tsx', path.join(REPO_ROOT, 'src/server/main.ts')];
  const proc = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOGONLENS_DATA: dataDir, LOGONLENS_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    const check = (): void => {
      const m = /serving (http:\/\/\S+)/.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout?.on('data', check);
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { proc, url, output: () => out };
}

async function stop(child: Child, signal: NodeJS.Signals): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.proc.once('exit', () => resolve());
    child.proc.kill(signal);
  });
}

describe('server survives SIGKILL mid-import', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-fault-'));
  const children: Child[] = [];
  afterAll(async () => {
    for (const c of children) await stop(c, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps earlier datasets intact and reports the interrupted import as failed', async () => {
    const dataDir = path.join(dir, 'data');
    const big = path.join(dir, 'big.ndjson');
    await writeLargeNdjson(big, 100_000);

    const first = await startChild(dataDir);
    children.push(first);
    const created = await expectJson<{ dataset: DatasetInfo; job: JobInfo }>(
      await fetch(`${first.url}/api/datasets`, {
        method: 'POST',
        body: await filesForm([
          sharedData('evtx', 'sec-omer-size_t.evtx'),
          sharedData('evtx', 'm2a-kerbrute.evtx'),
        ]),
      }),
      202,
    );
    expect((await waitForJob(first.url, created.job.id)).state).toBe('done');
    const earlier = await expectJson<DatasetInfo>(
      await fetch(`${first.url}/api/datasets/${created.dataset.id}`),
    );
    const earlierGraph = await expectJson<Record<string, unknown>>(
      await fetch(`${first.url}/api/datasets/${earlier.id}/graph?from=2015-08-23&to=2015-08-30&hidden=1`),
    );

    const victim = await expectJson<{ dataset: DatasetInfo; job: JobInfo }>(
      await fetch(`${first.url}/api/datasets`, { method: 'POST', body: await filesForm([big]) }),
      202,
    );
    // Wait until the import is under way (events being read and stored), then kill the process.
    for (;;) {
      const job = await expectJson<JobInfo>(await fetch(`${first.url}/api/jobs/${victim.job.id}`));
      expect(job.state === 'done' || job.state === 'failed').toBe(false);
      if (job.state === 'running' && job.progress.records > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await stop(first, 'SIGKILL');

    const second = await startChild(dataDir);
    children.push(second);
    expect(second.output()).toContain('interrupted');
    const after = await expectJson<DatasetInfo>(await fetch(`${second.url}/api/datasets/${earlier.id}`));
    expect(after).toEqual(earlier);
    const afterGraph = await expectJson<Record<string, unknown>>(
      await fetch(`${second.url}/api/datasets/${earlier.id}/graph?from=2015-08-23&to=2015-08-30&hidden=1`),
    );
    expect({ ...afterGraph, createdAt: null }).toEqual({ ...earlierGraph, createdAt: null });

    const interrupted = await expectJson<DatasetInfo>(
      await fetch(`${second.url}/api/datasets/${victim.dataset.id}`),
    );
    expect(interrupted).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('stopped'),
      counts: { events: 0, edges: 0 },
    });
    const job = await expectJson<JobInfo>(await fetch(`${second.url}/api/jobs/${victim.job.id}`));
    expect(job).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('stopped during this import'),
    });
    expect(readdirSync(path.join(dataDir, 'uploads')).filter((f) => f.endsWith('.part'))).toEqual([]);

    // The server still imports after the restart.
    const again = await expectJson<{ job: JobInfo }>(
      await fetch(`${second.url}/api/datasets/${earlier.id}/files`, {
        method: 'POST',
        body: await filesForm([sharedData('evtx', 'm2a-dcsync.evtx')]),
      }),
      202,
    );
    expect((await waitForJob(second.url, again.job.id)).state).toBe('done');
    await stop(second, 'SIGTERM');

    const db = new Database(path.join(dataDir, 'logonlens.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db
        .prepare('SELECT COUNT(*) AS n FROM events WHERE dataset_id = ?')
        .get(victim.dataset.id) as { n: number };
      expect(rows.n).toBe(0);
    } finally {
      db.close();
    }
  });
});
