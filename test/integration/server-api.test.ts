import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDataset, type Dataset } from '../../src/core/dataset/index.js';
import type { LogonEvent } from '../../src/core/events/index.js';
import { startServer, type RunningServer } from '../../src/server/main.js';
import { silentLogger } from '../../src/server/logger.js';
import type { DatasetInfo, JobInfo } from '../../src/server/store/types.js';
import { sharedData } from '../helpers/shared-data.js';
import { expectJson, filesForm, waitForJob } from './server-helpers.js';

// The real server (startServer: SQLite file in a temp dir, imports in worker threads with the real
// readers and analysis) over a real socket, fed the real sample logs.
describe('server API on real logs', () => {
  let dir: string;
  let server: RunningServer;
  let base: string;
  const sizeT = sharedData('evtx', 'sec-omer-size_t.evtx');
  const kerbrute = sharedData('evtx', 'm2a-kerbrute.evtx');
  const ndjson = sharedData('json', 'otrf-empire-runas.security.ndjson');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logonlens-server-'));
    server = await startServer(
      { host: '127.0.0.1', port: 0, dataDir: dir, token: null, demo: false },
      { logger: silentLogger, webRoot: null },
    );
    base = server.url;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let dataset: DatasetInfo;
  let first: JobInfo;

  it('uploads real samples and follows the job to completion', async () => {
    const res = await fetch(`${base}/api/datasets`, {
      method: 'POST',
      body: await filesForm([sizeT, kerbrute, ndjson], { name: 'Case A' }),
    });
    const body = await expectJson<{ dataset: DatasetInfo; job: JobInfo }>(res, 202);
    expect(body.dataset.name).toBe('Case A');
    first = await waitForJob(base, body.job.id);
    expect({ state: first.state, error: first.error }).toEqual({ state: 'done', error: null });
    expect(first.progress.bytes).toBe(first.progress.totalBytes);
    expect(first.result?.files.map((f) => [f.name, f.format, f.error])).toEqual([
      ['sec-omer-size_t.evtx', 'evtx', null],
      ['m2a-kerbrute.evtx', 'evtx', null],
      ['otrf-empire-runas.security.ndjson', 'json', null],
    ]);
    // 636 + 42 records in the EVTX files (MANIFEST.md), 381 documents in the NDJSON.
    expect(first.result?.files.map((f) => f.recordsRead)).toEqual([636, 42, 381]);
    dataset = await expectJson<DatasetInfo>(await fetch(`${base}/api/datasets/${body.dataset.id}`));
    expect(dataset.state).toBe('ready');
    expect(dataset.counts.events).toBe(first.result?.eventsNew);
    expect(dataset.counts.edges).toBeGreaterThan(10);
    expect(dataset.timeRange?.from.startsWith('2015-08-23')).toBe(true);
  });

  it('serves progress as server-sent events ending with done', async () => {
    const res = await fetch(`${base}/api/jobs/${first.id}/events`);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(await res.text()).toMatch(/^event: done\ndata: /m);
  });

  it('reads the graph for a day and for a week from the roll-ups', async () => {
    const day = await expectJson<Dataset>(
      await fetch(`${base}/api/datasets/${dataset.id}/graph?from=2015-08-24&to=2015-08-25`),
    );
    expect(validateDataset(day).ok).toBe(true);
    expect(day.window).toEqual({ from: '2015-08-24T00:00:00.000Z', to: '2015-08-25T00:00:00.000Z' });
    expect(day.edges.length).toBeGreaterThan(0);
    for (const e of day.edges) expect(e.first >= '2015-08-24' && e.last < '2015-08-25').toBe(true);
    const week = await expectJson<Dataset>(
      await fetch(`${base}/api/datasets/${dataset.id}/graph?from=2015-08-23&to=2015-08-30&hidden=1`),
    );
    expect(validateDataset(week).ok).toBe(true);
    const sum = (d: Dataset): number => d.edges.reduce((s, e) => s + e.count, 0);
    expect(sum(week)).toBeGreaterThan(sum(day));
    expect(week.rankings.length).toBeGreaterThan(0);
    const failures = await expectJson<Dataset>(
      await fetch(
        `${base}/api/datasets/${dataset.id}/graph?from=2015-08-23&to=2015-08-30&outcome=failure&hidden=1`,
      ),
    );
    expect(failures.edges.every((e) => e.failure)).toBe(true);
    const kerberos = await expectJson<Dataset>(
      await fetch(`${base}/api/datasets/${dataset.id}/graph?eventIds=4771&hidden=1`),
    );
    expect(kerberos.edges.length).toBeGreaterThan(0);
    expect(kerberos.edges.every((e) => e.eventId === 4771)).toBe(true);
  });

  it('drills down from an edge and a node to the events behind them, page by page', async () => {
    const all = await expectJson<Dataset>(await fetch(`${base}/api/datasets/${dataset.id}/graph?hidden=1`));
    let linked = 0;
    for (const edge of all.edges) {
      const events: LogonEvent[] = [];
      let cursor: string | null = null;
      do {
        const q: string = `edge=${encodeURIComponent(edge.id)}&limit=7${cursor !== null ? `&cursor=${cursor}` : ''}`;
        const page: { events: LogonEvent[]; nextCursor: string | null } = await expectJson(
          await fetch(`${base}/api/datasets/${dataset.id}/events?${q}`),
        );
        events.push(...page.events);
        cursor = page.nextCursor;
      } while (cursor !== null);
      if (events.length === edge.count) linked++;
      expect(events.every((e) => e.eventId === edge.eventId)).toBe(true);
    }
    // Every edge's events are found behind it.
    expect(linked).toBe(all.edges.length);
    const busiest = [...all.edges].sort((a, b) => b.count - a.count)[0]!;
    const byNode = await expectJson<{ events: LogonEvent[] }>(
      await fetch(
        `${base}/api/datasets/${dataset.id}/events?node=${encodeURIComponent(busiest.account)}&limit=1000`,
      ),
    );
    expect(byNode.events.length).toBeGreaterThanOrEqual(busiest.count);
  });

  it('exports the window as a dataset file that re-opens, and as CSV', async () => {
    const res = await fetch(
      `${base}/api/datasets/${dataset.id}/export?format=json&from=2015-08-23&to=2015-08-30`,
    );
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="logonlens_Case-A_20150823T000000Z_20150830T000000Z_\d{8}T\d{6}Z_dataset\.json"; /,
    );
    const reopened = validateDataset(JSON.parse(await res.text()));
    expect(reopened.ok).toBe(true);
    if (reopened.ok) expect(reopened.dataset.window?.from).toBe('2015-08-23T00:00:00.000Z');
    const csv = await (await fetch(`${base}/api/datasets/${dataset.id}/export?format=csv`)).text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'account,source,target,eventId,logonType,status,subStatus,authPackage,failure,count,first,last,accountId,sourceId,targetId,edgeId',
    );
    expect(lines.length - 1).toBe(dataset.counts.edges);
  });

  it('appends the same file again without double counting', async () => {
    const before = await expectJson<Dataset>(
      await fetch(`${base}/api/datasets/${dataset.id}/graph?hidden=1`),
    );
    const res = await fetch(`${base}/api/datasets/${dataset.id}/files`, {
      method: 'POST',
      body: await filesForm([sizeT]),
    });
    const { job } = await expectJson<{ job: JobInfo }>(res, 202);
    const done = await waitForJob(base, job.id);
    expect(done.state).toBe('done');
    expect(done.result).toMatchObject({ eventsNew: 0 });
    expect(done.result?.eventsDuplicate).toBeGreaterThan(0);
    const after = await expectJson<DatasetInfo>(await fetch(`${base}/api/datasets/${dataset.id}`));
    expect(after.counts).toEqual({ ...dataset.counts, files: dataset.counts.files + 1 });
    const graph = await expectJson<Dataset>(await fetch(`${base}/api/datasets/${dataset.id}/graph?hidden=1`));
    expect(graph.edges.map((e) => [e.id, e.count])).toEqual(before.edges.map((e) => [e.id, e.count]));
  });

  it('renames and deletes', async () => {
    const renamed = await fetch(`${base}/api/datasets/${dataset.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Case B' }),
    });
    expect((await expectJson<DatasetInfo>(renamed)).name).toBe('Case B');
    expect((await fetch(`${base}/api/datasets/${dataset.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${base}/api/datasets/${dataset.id}/graph`)).status).toBe(404);
    const list = await expectJson<{ datasets: DatasetInfo[] }>(await fetch(`${base}/api/datasets`));
    expect(list.datasets.find((d) => d.id === dataset.id)).toBeUndefined();
  });
});
