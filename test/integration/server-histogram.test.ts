import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hourlyHistogram } from '../../src/core/analysis/index.js';
import type { Dataset, TimeRange } from '../../src/core/dataset/index.js';
import { startServer, type RunningServer } from '../../src/server/main.js';
import { silentLogger } from '../../src/server/logger.js';
import type { DatasetInfo, JobInfo } from '../../src/server/store/types.js';
import { sharedData } from '../helpers/shared-data.js';
import { expectErrorShape, expectJson, filesForm, waitForJob } from './server-helpers.js';

interface HistogramAnswer {
  timeRange: TimeRange | null;
  window: TimeRange | null;
  hours: Array<[number, number]>;
}

// GET /api/datasets/:id/histogram on the real server over a real SQLite file, fed a real sample.
describe('server histogram', () => {
  let dir: string;
  let server: RunningServer;
  let base: string;
  let dataset: DatasetInfo;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logonlens-histogram-'));
    server = await startServer(
      { host: '127.0.0.1', port: 0, dataDir: dir, token: null, demo: false },
      { logger: silentLogger, webRoot: null },
    );
    base = server.url;
    const res = await fetch(`${base}/api/datasets`, {
      method: 'POST',
      body: await filesForm([sharedData('evtx', 'sec-omer-size_t.evtx')], { name: 'H' }),
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

  it('sums the hourly roll-ups of the whole dataset, hour by hour', async () => {
    const hist = await expectJson<HistogramAnswer>(
      await fetch(`${base}/api/datasets/${dataset.id}/histogram`),
    );
    expect(hist.timeRange).toEqual(dataset.timeRange);
    expect(hist.window).toBeNull();
    expect(hist.hours.length).toBeGreaterThan(1);
    // The whole uncapped graph (hidden accounts included) holds every edge: same hours, same counts.
    const all = await expectJson<Dataset>(await fetch(`${base}/api/datasets/${dataset.id}/graph?hidden=1`));
    expect(all.caps ?? null).toBeNull();
    expect(hist.hours).toEqual(hourlyHistogram(all));
    const total = hist.hours.reduce((s, [, n]) => s + n, 0);
    expect(total).toBe(all.edges.reduce((s, e) => s + e.count, 0));
    // Sorted, whole hours, positive counts.
    for (let i = 1; i < hist.hours.length; i++) {
      expect(hist.hours[i]![0]).toBeGreaterThan(hist.hours[i - 1]![0]);
    }
    expect(hist.hours.every(([h, n]) => Number.isInteger(h) && n > 0)).toBe(true);
  });

  it('restricts to [from, to) when asked', async () => {
    const whole = await expectJson<HistogramAnswer>(
      await fetch(`${base}/api/datasets/${dataset.id}/histogram`),
    );
    const firstHour = whole.hours[0]![0];
    const from = new Date((firstHour + 1) * 3_600_000).toISOString();
    const cut = await expectJson<HistogramAnswer>(
      await fetch(`${base}/api/datasets/${dataset.id}/histogram?from=${encodeURIComponent(from)}`),
    );
    expect(cut.window?.from).toBe(from);
    expect(cut.hours).toEqual(whole.hours.filter(([h]) => h > firstHour));
  });

  it('an empty dataset has no range and no hours', async () => {
    const res = await fetch(`${base}/api/datasets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'empty' }),
    });
    const { dataset: empty } = await expectJson<{ dataset: DatasetInfo }>(res, 201);
    expect(
      await expectJson<HistogramAnswer>(await fetch(`${base}/api/datasets/${empty.id}/histogram`)),
    ).toEqual({ timeRange: null, window: null, hours: [] });
  });

  it('answers 404 for unknown or hostile ids', async () => {
    for (const id of [
      'nope',
      'ds_' + 'x'.repeat(5000),
      '..%2F..%2Fetc',
      '%3Cscript%3E',
      "1'%20OR%20'1'%3D'1",
    ]) {
      const res = await fetch(`${base}/api/datasets/${id}/histogram`);
      expect(res.status, id.slice(0, 40)).toBe(404);
      expectErrorShape(await res.json());
    }
  });

  it('answers 400 for hostile parameters', async () => {
    for (const q of [
      'from=yesterday',
      'from=2015-13-45',
      'to=' + '9'.repeat(5000),
      'from=2015-08-25&to=2015-08-24',
      'from=%3Cimg%20src%3Dx%3E',
      'from=2015-08-24%00',
    ]) {
      const res = await fetch(`${base}/api/datasets/${dataset.id}/histogram?${q}`);
      expect(res.status, q.slice(0, 40)).toBe(400);
      const body: unknown = await res.json();
      expectErrorShape(body);
      expect((body as { error: { code: string } }).error.code).toBe('bad_query');
    }
  });
});
