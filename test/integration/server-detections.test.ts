import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, Detection, TimeRange } from '../../src/core/dataset/index.js';
import { startServer, type RunningServer } from '../../src/server/main.js';
import { silentLogger } from '../../src/server/logger.js';
import type { DatasetInfo, JobInfo } from '../../src/server/store/types.js';
import { sharedData } from '../helpers/shared-data.js';
import { expectErrorShape, expectJson, filesForm, waitForJob } from './server-helpers.js';

interface DetectionsAnswer {
  timeRange: TimeRange | null;
  detections: Detection[];
}

// GET /api/datasets/:id/detections on the real server over a real SQLite file: the whole dataset's
// detections, while /graph keeps those of its window (flag-based ones included).
describe('server detections', () => {
  let dir: string;
  let server: RunningServer;
  let base: string;
  let dataset: DatasetInfo;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logonlens-detections-'));
    server = await startServer(
      { host: '127.0.0.1', port: 0, dataDir: dir, token: null, demo: false },
      { logger: silentLogger, webRoot: null },
    );
    base = server.url;
    const files = ['m2a-dcsync.evtx', 'sec-omer-size_t.evtx', 'm2a-kerbrute.evtx'].map((f) =>
      sharedData('evtx', f),
    );
    const res = await fetch(`${base}/api/datasets`, {
      method: 'POST',
      body: await filesForm(files, { name: 'D' }),
    });
    const body = await expectJson<{ dataset: DatasetInfo; job: JobInfo }>(res, 202);
    const job = await waitForJob(base, body.job.id);
    expect(job.state).toBe('done');
    dataset = await expectJson<DatasetInfo>(await fetch(`${base}/api/datasets/${body.dataset.id}`));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the detections of the whole dataset, years apart', async () => {
    const answer = await expectJson<DetectionsAnswer>(
      await fetch(`${base}/api/datasets/${dataset.id}/detections`),
    );
    expect(answer.timeRange).toEqual(dataset.timeRange);
    const kinds = answer.detections.map((d) => d.kind);
    expect(kinds).toContain('dcsync');
    expect(kinds.some((k) => k === 'password-guessing' || k === 'password-spraying')).toBe(true);
    const dcsync = answer.detections.find((d) => d.kind === 'dcsync')!;
    expect(dcsync.first.startsWith('2020-08-02')).toBe(true);
    expect(dcsync.severity).toBe('high');
    expect(dcsync.evidence.recordIds.length).toBeGreaterThan(0);
  });

  it("keeps the flag-based detections in /graph's window and leaves them out of other windows", async () => {
    const inWindow = await expectJson<Dataset>(
      await fetch(
        `${base}/api/datasets/${dataset.id}/graph?from=2020-08-02T00:00:00Z&to=2020-08-03T00:00:00Z`,
      ),
    );
    expect(inWindow.detections.map((d) => d.kind)).toContain('dcsync');
    const other = await expectJson<Dataset>(
      await fetch(
        `${base}/api/datasets/${dataset.id}/graph?from=2015-08-23T00:00:00Z&to=2015-08-24T00:00:00Z`,
      ),
    );
    expect(other.detections.map((d) => d.kind)).not.toContain('dcsync');
  });

  it('answers 404 with the error shape for an unknown dataset', async () => {
    const res = await fetch(`${base}/api/datasets/nope/detections`);
    expect(res.status).toBe(404);
    expectErrorShape(await res.json());
  });

  it("serves a node's timeline over the whole dataset, equal to the analysis' on the file", async () => {
    const graph = await expectJson<Dataset>(await fetch(`${base}/api/datasets/${dataset.id}/graph?hidden=1`));
    const host = graph.nodes.find((n) => n.label === 'WIN-L0ZZQ76PMUF')!;
    const t = await expectJson<{ hours: number[]; success: number[]; failure: number[] }>(
      await fetch(`${base}/api/datasets/${dataset.id}/timeline?node=${encodeURIComponent(host.id)}`),
    );
    expect(t.hours.length).toBeGreaterThan(3);
    const total = t.success.reduce((a, b) => a + b, 0) + t.failure.reduce((a, b) => a + b, 0);
    const own = graph.edges
      .filter((e) => e.account === host.id || e.source === host.id || e.target === host.id)
      .reduce((a, e) => a + e.count, 0);
    expect(total).toBe(own);
    expect(new Date(t.hours[t.hours.length - 1]! * 3_600_000).toISOString().slice(0, 10)).toBe('2015-09-13');
    const missing = await fetch(`${base}/api/datasets/${dataset.id}/timeline?node=nope`);
    expect(missing.status).toBe(404);
    expectErrorShape(await missing.json());
  });
});
