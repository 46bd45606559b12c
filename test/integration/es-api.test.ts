// POST /api/es/load and /api/es/test through the real app against the real OpenSearch node.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { analyzeEvents } from '../../src/core/analysis/index.js';
import { SECURITY_EVENT_IDS, type LogonEvent } from '../../src/core/events/logon-event.js';
import { createApp, type LogonLensApp } from '../../src/server/app.js';
import { silentLogger } from '../../src/server/logger.js';
import { EsClient } from '../../src/server/es/client.js';
import { Store } from '../../src/server/store/store.js';
import type { DatasetInfo, JobInfo } from '../../src/server/store/types.js';
import { readSampleEvents, seedEcsDataStream } from './es-seed.js';

const url = inject('opensearchUrl');
const skip = !url;
const reason = inject('opensearchSkipReason');
const STREAM = 'apitest-winlogbeat-8.12.0';

describe.skipIf(skip)(`/api/es against OpenSearch ${skip ? reason : ''}`, () => {
  let dir: string;
  let store: Store;
  let app: LogonLensApp;
  let events: LogonEvent[];
  let relay: net.Server;
  let relayPort = 0;
  const sockets = new Set<net.Socket>();
  let relayUp = true;

  beforeAll(async () => {
    const client = new EsClient({ url });
    events = readSampleEvents();
    await seedEcsDataStream(client, events, STREAM);
    client.close();
    // A relay to the node that goes down after its first answer (a node stopping mid-load).
    const target = new URL(url);
    relay = net.createServer((c) => {
      if (!relayUp) return c.destroy();
      const up = net.connect(Number(target.port), target.hostname);
      sockets.add(c);
      sockets.add(up);
      c.pipe(up);
      up.on('data', (d: Buffer) => {
        c.write(d);
        relayUp = false;
        relay.close();
        setTimeout(() => {
          for (const s of sockets) s.destroy();
        }, 20);
      });
      c.on('error', () => up.destroy());
      up.on('error', () => c.destroy());
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
    relayPort = (relay.address() as AddressInfo).port;

    dir = mkdtempSync(path.join(tmpdir(), 'logonlens-es-api-'));
    store = Store.open(dir);
    process.env.LOGONLENS_ES = JSON.stringify({
      clusters: [
        { name: 'test', url, indexPatterns: ['apitest-winlogbeat-*', 'winlogbeat-*'] },
        { name: 'dying', url: `http://127.0.0.1:${relayPort}`, indexPatterns: ['apitest-winlogbeat-*'] },
      ],
    });
    app = createApp({ store, logger: silentLogger, webRoot: null });
    delete process.env.LOGONLENS_ES;
  });
  afterAll(() => {
    relay.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (p: string, body: unknown): Promise<Response> =>
    Promise.resolve(
      app.request(`http://localhost${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );

  async function waitJob(id: string): Promise<JobInfo> {
    for (let i = 0; i < 600; i++) {
      const j = (await (await app.request(`http://localhost/api/jobs/${id}`)).json()) as JobInfo;
      if (j.state === 'done' || j.state === 'failed') return j;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('job did not finish');
  }

  const range = { from: '2015-08-23T00:00:00Z', to: '2015-09-14T00:00:00Z' };

  it('lists clusters without credentials and tests a connection', async () => {
    const list = (await (await app.request('http://localhost/api/es/clusters')).json()) as {
      clusters: Array<{ name: string }>;
    };
    expect(list.clusters.map((c) => c.name)).toEqual(['test', 'dying']);
    const res = await post('/api/es/test', {
      cluster: 'test',
      indexPattern: 'apitest-winlogbeat-*',
      ...range,
    });
    expect(res.status).toBe(200);
    const t = (await res.json()) as {
      distribution: string;
      version: string;
      securityEvents: number;
      shapes: string[];
    };
    const ids: ReadonlySet<number> = new Set(SECURITY_EVENT_IDS);
    const inRange = events.filter(
      (e) => ids.has(e.eventId) && e.time >= range.from && e.time < range.to,
    ).length;
    expect(t).toMatchObject({ distribution: 'opensearch', version: '2.19.6', shapes: ['ecs'] });
    expect(t.securityEvents).toBe(inRange);
  });

  it('loads a range into a dataset with the graph of the files', async () => {
    const res = await post('/api/es/load', {
      cluster: 'test',
      indexPattern: 'apitest-winlogbeat-*',
      ...range,
    });
    expect(res.status).toBe(202);
    const { dataset, job } = (await res.json()) as { dataset: DatasetInfo; job: JobInfo };
    const done = await waitJob(job.id);
    expect(done.error).toBeNull();
    expect(done.state).toBe('done');
    const info = (await (
      await app.request(`http://localhost/api/datasets/${dataset.id}`)
    ).json()) as DatasetInfo;
    const expected = analyzeEvents(
      events.filter(
        (e) => Date.parse(e.time) >= Date.parse(range.from) && Date.parse(e.time) < Date.parse(range.to),
      ),
      { sources: [], readStats: { recordsRead: 0, eventsSkipped: {}, warnings: 0 } },
    );
    expect(info.state).toBe('ready');
    expect(info.counts.edges).toBe(expected.edges.length);
    expect(info.counts.nodes).toBe(expected.nodes.length);
  });

  it('exports the window of a stored dataset into the cluster; exporting again replaces it', async () => {
    const res = await post('/api/es/load', {
      cluster: 'test',
      indexPattern: 'apitest-winlogbeat-*',
      ...range,
    });
    const { dataset, job } = (await res.json()) as { dataset: DatasetInfo; job: JobInfo };
    expect((await waitJob(job.id)).state).toBe('done');
    const window = { from: '2015-08-23T00:00:00Z', to: '2015-08-30T00:00:00Z' };
    const client = new EsClient({ url });
    const count = async (kind: string, windowId: string): Promise<number> => {
      await client.request({ method: 'POST', path: `/logonlens-${kind}-*/_refresh` });
      const r = await client.request<{ count: number }>({
        method: 'POST',
        path: `/logonlens-${kind}-*/_count`,
        body: { query: { term: { 'window.id': windowId } } },
      });
      return r.body.count;
    };
    try {
      const first = await post('/api/es/export', { cluster: 'test', datasetId: dataset.id, ...window });
      expect(first.status).toBe(200);
      const r1 = (await first.json()) as { windowId: string; accounts: number; hosts: number };
      expect(r1.accounts).toBeGreaterThan(0);
      expect(await count('accounts', r1.windowId)).toBe(r1.accounts);
      expect(await count('hosts', r1.windowId)).toBe(r1.hosts);
      const again = (await (
        await post('/api/es/export', { cluster: 'test', datasetId: dataset.id, ...window })
      ).json()) as { windowId: string; accounts: number };
      expect(again.windowId).toBe(r1.windowId);
      expect(await count('accounts', r1.windowId)).toBe(r1.accounts);
    } finally {
      client.close();
    }
    expect((await post('/api/es/export', { cluster: 'test', ...window })).status).toBe(400);
    expect((await post('/api/es/export', { cluster: 'test', datasetId: 'ds_nope', ...window })).status).toBe(
      404,
    );
    expect(
      (await post('/api/es/export', { cluster: 'elsewhere', datasetId: dataset.id, ...window })).status,
    ).toBeGreaterThanOrEqual(400);
  });

  it('streams the progress of a load job over server-sent events until done', async () => {
    const res = await post('/api/es/load', {
      cluster: 'test',
      indexPattern: 'apitest-winlogbeat-*',
      ...range,
    });
    const { job } = (await res.json()) as { job: JobInfo };
    const sse = await app.request(`http://localhost/api/jobs/${job.id}/events`);
    expect(sse.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await sse.text();
    const events = [...text.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((m) => ({
      event: m[1],
      job: JSON.parse(m[2] ?? '{}') as JobInfo,
    }));
    const last = events.at(-1);
    expect(last?.event).toBe('done');
    expect(last?.job.state).toBe('done');
    expect(last?.job.progress.records).toBeGreaterThan(0);
    expect(events.filter((e) => e.event === 'done')).toHaveLength(1);
  });

  it('remembers the cluster range as the source and loads the next window into the same dataset', async () => {
    const mid = '2015-08-24T00:00:00Z';
    const res = await post('/api/es/load', {
      cluster: 'test',
      indexPattern: 'apitest-winlogbeat-*',
      from: range.from,
      to: mid,
    });
    const { dataset, job } = (await res.json()) as { dataset: DatasetInfo; job: JobInfo };
    expect((await waitJob(job.id)).state).toBe('done');
    const source = {
      kind: 'elasticsearch',
      cluster: 'test',
      indexPattern: 'apitest-winlogbeat-*',
      distribution: 'opensearch',
      version: '2.19.6',
    };
    const info1 = (await (await app.request(`http://localhost/api/datasets/${dataset.id}`)).json()) as {
      sources: unknown[];
      counts: DatasetInfo['counts'];
    };
    expect(info1.sources).toEqual([
      { ...source, from: '2015-08-23T00:00:00.000Z', to: '2015-08-24T00:00:00.000Z' },
    ]);

    // The next window, into the same dataset: cluster and pattern come from the dataset.
    const next = await post('/api/es/load', { datasetId: dataset.id, from: mid, to: range.to });
    expect(next.status).toBe(202);
    const nextJob = ((await next.json()) as { job: JobInfo }).job;
    expect(nextJob.datasetId).toBe(dataset.id);
    expect((await waitJob(nextJob.id)).state).toBe('done');
    const info2 = (await (await app.request(`http://localhost/api/datasets/${dataset.id}`)).json()) as {
      sources: unknown[];
      counts: DatasetInfo['counts'];
      state: string;
    };
    // One source over the union, and the graph of the whole range loaded at once.
    expect(info2.sources).toEqual([
      { ...source, from: '2015-08-23T00:00:00.000Z', to: '2015-09-14T00:00:00.000Z' },
    ]);
    const expected = analyzeEvents(
      events.filter(
        (e) => Date.parse(e.time) >= Date.parse(range.from) && Date.parse(e.time) < Date.parse(range.to),
      ),
      { sources: [], readStats: { recordsRead: 0, eventsSkipped: {}, warnings: 0 } },
    );
    expect(info2.state).toBe('ready');
    expect(info2.counts.edges).toBe(expected.edges.length);
    expect(info2.counts.nodes).toBe(expected.nodes.length);
    expect(info2.counts.edges).toBeGreaterThan(info1.counts.edges);
    const graph = (await (
      await app.request(`http://localhost/api/datasets/${dataset.id}/graph?from=${range.from}&to=${range.to}`)
    ).json()) as { sources: unknown[] };
    expect(graph.sources).toEqual(info2.sources);

    // A refresh of a range already held changes nothing; another cluster's pattern is refused.
    const again = await post('/api/es/load', { datasetId: dataset.id, from: range.from, to: mid });
    expect((await waitJob(((await again.json()) as { job: JobInfo }).job.id)).state).toBe('done');
    const info3 = (await (await app.request(`http://localhost/api/datasets/${dataset.id}`)).json()) as {
      sources: unknown[];
      counts: DatasetInfo['counts'];
    };
    expect(info3.sources).toEqual(info2.sources);
    expect(info3.counts).toEqual(info2.counts);
    const other = await post('/api/es/load', {
      datasetId: dataset.id,
      indexPattern: 'winlogbeat-*',
      from: mid,
      to: range.to,
    });
    expect(other.status).toBe(400);
  });

  it('drills down from a cluster dataset to the documents behind an edge and a node, page by page', async () => {
    const res = await post('/api/es/load', {
      cluster: 'test',
      indexPattern: 'apitest-winlogbeat-*',
      ...range,
    });
    const { dataset, job } = (await res.json()) as { dataset: DatasetInfo; job: JobInfo };
    expect((await waitJob(job.id)).state).toBe('done');
    const graph = (await (
      await app.request(`http://localhost/api/datasets/${dataset.id}/graph?from=${range.from}&to=${range.to}`)
    ).json()) as { edges: Array<{ id: string; account: string; eventId: number; count: number }> };
    const sorted = [...graph.edges].sort((a, b) => b.count - a.count);
    const edge = sorted.find((e) => e.count >= 3 && e.count <= 200);
    expect(edge).toBeDefined();
    if (edge === undefined) return;
    type Page = { events: LogonEvent[]; nextCursor: string | null };
    const all = async (q: string, limit: number): Promise<{ events: LogonEvent[]; pages: number }> => {
      const out: LogonEvent[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const r = await app.request(
          `http://localhost/api/datasets/${dataset.id}/events?${q}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(r.status).toBe(200);
        const page = (await r.json()) as Page;
        expect(page.events.length).toBeLessThanOrEqual(limit);
        out.push(...page.events);
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null && pages < 1000);
      return { events: out, pages };
    };
    const byEdge = await all(`edge=${encodeURIComponent(edge.id)}`, 2);
    // Every document behind the edge, once, in time order, in ceil(count / 2) pages.
    expect(byEdge.events).toHaveLength(edge.count);
    expect(byEdge.pages).toBe(Math.ceil(edge.count / 2));
    expect(byEdge.events.every((e) => e.eventId === edge.eventId)).toBe(true);
    const keys = byEdge.events.map((e) => `${e.computer}|${e.recordId}`);
    expect(new Set(keys).size).toBe(keys.length);
    const times = byEdge.events.map((e) => Date.parse(e.time));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // The same documents as the files hold (record ids survive in _source).
    const fileKeys = events
      .filter((e) => e.eventId === edge.eventId && keys.includes(`${e.computer}|${e.recordId}`))
      .map((e) => `${e.computer}|${e.recordId}`);
    expect(new Set(fileKeys).size).toBe(edge.count);

    // A node: at least the documents of every edge it is on.
    const onNode = graph.edges.filter((e) => e.account === edge.account).reduce((n, e) => n + e.count, 0);
    const byNode = await all(`node=${encodeURIComponent(edge.account)}`, 50);
    expect(byNode.events.length).toBeGreaterThanOrEqual(onNode);
    const window = await all(
      `edge=${encodeURIComponent(edge.id)}&from=${range.from}&to=${range.from}`.replace(
        `to=${range.from}`,
        `to=${new Date(Date.parse(byEdge.events[0]?.time ?? range.from) + 1).toISOString()}`,
      ),
      100,
    );
    expect(window.events.length).toBeGreaterThanOrEqual(1);
    expect(window.events.length).toBeLessThan(edge.count + 1);
    const bad = await app.request(
      `http://localhost/api/datasets/${dataset.id}/events?edge=${encodeURIComponent(edge.id)}&cursor=xyz`,
    );
    expect(bad.status).toBe(400);
  });

  it('refuses to load a range into a dataset that was not loaded from a cluster', async () => {
    const created = await post('/api/datasets', { name: 'files only' });
    const { dataset } = (await created.json()) as { dataset: DatasetInfo };
    const res = await post('/api/es/load', { datasetId: dataset.id, ...range });
    expect(res.status).toBe(409);
    const missing = await post('/api/es/load', { datasetId: 'ds_nope', ...range });
    expect(missing.status).toBe(404);
  });

  it('refuses a URL outside the allowlist and an index pattern outside the allowed ones', async () => {
    const r1 = await post('/api/es/load', { url: 'http://169.254.169.254:80', ...range });
    expect(r1.status).toBe(403);
    expect(((await r1.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const r2 = await post('/api/es/test', { cluster: 'test', indexPattern: '.kibana*', ...range });
    expect(r2.status).toBe(403);
    const r3 = await post('/api/es/test', {
      cluster: 'test',
      from: '2021-01-01T00:00:00',
      to: '2021-01-02T00:00:00Z',
    });
    expect(r3.status).toBe(400);
  });

  it('fails the job cleanly when the node stops answering mid-load: no half dataset', async () => {
    const res = await post('/api/es/load', {
      cluster: 'dying',
      indexPattern: 'apitest-winlogbeat-*',
      ...range,
    });
    expect(res.status).toBe(202);
    const { dataset, job } = (await res.json()) as { dataset: DatasetInfo; job: JobInfo };
    const done = await waitJob(job.id);
    expect(done.state).toBe('failed');
    expect(done.error).toMatch(/refused|closed the connection|cannot reach/);
    expect(done.error).toMatch(/attempts/);
    const info = (await (
      await app.request(`http://localhost/api/datasets/${dataset.id}`)
    ).json()) as DatasetInfo;
    expect(info.state).toBe('failed');
    expect(info.counts.edges).toBe(0);
  });
});
