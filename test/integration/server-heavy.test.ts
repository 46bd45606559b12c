import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/server/logger.js';
import { startServer, type RunningServer } from '../../src/server/main.js';
import type { DatasetInfo, JobInfo } from '../../src/server/store/types.js';
import { expectJson, filesForm, waitForJob, writeLargeNdjson } from './server-helpers.js';

// Heavy window work (/graph, /export) runs in the window pool's worker threads: small requests are
// answered while ten of them run. The latency is printed, never asserted (a shared machine).
const EVENTS = 60_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

describe('heavy requests off the request loop', () => {
  let dir: string;
  let server: RunningServer;
  let dataset: DatasetInfo;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'logonlens-heavy-'));
    server = await startServer(
      { host: '127.0.0.1', port: 0, dataDir: path.join(dir, 'data'), token: null, demo: false },
      { logger: silentLogger, webRoot: null },
    );
    const log = path.join(dir, 'big.ndjson');
    await writeLargeNdjson(log, EVENTS);
    const res = await fetch(`${server.url}/api/datasets`, { method: 'POST', body: await filesForm([log]) });
    const { job } = await expectJson<{ job: JobInfo }>(res, 202);
    const done = await waitForJob(server.url, job.id, {}, 170_000);
    expect(done.state).toBe('done');
    dataset = await expectJson<DatasetInfo>(await fetch(`${server.url}/api/datasets/${done.datasetId}`));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /api/health while ten heavy /graph and export requests run', async () => {
    const base = `${server.url}/api/datasets/${dataset.id}`;
    // Distinct queries: neither the cache nor the sharing of identical requests can answer them.
    const heavy = [
      ...Array.from({ length: 7 }, (_, i) => `${base}/graph?minCount=${i}`),
      ...Array.from({ length: 3 }, (_, i) => `${base}/export?format=csv&minCount=${i}`),
    ];
    let running = true;
    const heavyDone = Promise.all(
      heavy.map(async (url) => {
        const res = await fetch(url);
        const bytes = (await res.arrayBuffer()).byteLength;
        return { url, status: res.status, bytes };
      }),
    ).finally(() => (running = false));
    const latencies: number[] = [];
    const statuses: number[] = [];
    while (running) {
      const start = performance.now();
      const res = await fetch(`${server.url}/api/health`);
      await res.arrayBuffer();
      latencies.push(performance.now() - start);
      statuses.push(res.status);
      await new Promise((r) => setTimeout(r, 20));
    }
    const results = await heavyDone;
    for (const r of results) expect(r.status, r.url).toBe(200);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `  /api/health during 10 heavy requests (${dataset.counts.edges} edges): n=${sorted.length} ` +
        `p50=${percentile(sorted, 50).toFixed(1)} ms p95=${percentile(sorted, 95).toFixed(1)} ms ` +
        `max=${(sorted[sorted.length - 1] ?? NaN).toFixed(1)} ms; heavy answers ${results.map((r) => r.bytes).join(', ')} bytes`,
    );
  });

  it('serves repeated and concurrent identical /graph requests from one computation', async () => {
    const url = `${server.url}/api/datasets/${dataset.id}/graph?minCount=2&outcome=success`;
    const bodies = await Promise.all(Array.from({ length: 5 }, () => fetch(url).then((r) => r.text())));
    expect(new Set(bodies).size).toBe(1);
    expect(await (await fetch(url)).text()).toBe(bodies[0]);
  });

  it('streams the CSV export: one row per edge, the same bytes for concurrent requests', async () => {
    const url = `${server.url}/api/datasets/${dataset.id}/export?format=csv`;
    const [a, b] = await Promise.all([fetch(url), fetch(url)]);
    expect(a.headers.get('content-type')).toContain('text/csv');
    const [ta, tb] = [await a.text(), await b.text()];
    expect(ta).toBe(tb);
    expect(ta.split('\r\n').length - 2).toBe(dataset.counts.edges);
  });
});
