// `npm run bench -- server-isolation`: latency of /api/health and /graph while 20 uploads and 10
// heavy window requests (uncached /graph and CSV exports of a large dataset) run at once, on the
// real server (bench/server-process.ts). Figures only: the run fails only when a request fails.
// BENCH_ISOLATION_EVENTS sets the size of the large dataset (default 100,000 events).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeLargeNdjson } from '../test/integration/server-helpers.js';
import { ms, percentiles, ROOT, startServerProcess, uploadFile, waitForJobDone } from './server-process.js';

const EVENTS = Number(process.env.BENCH_ISOLATION_EVENTS ?? 100_000);
const SMALL = path.join(ROOT, 'test/fixtures/logs/evtx/sec-omer-size_t.evtx');

async function timed(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-bench-isolation-'));
  const server = await startServerProcess(path.join(dir, 'data'));
  console.log(`server: ${server.mode}`);
  try {
    const log = path.join(dir, 'big.ndjson');
    await writeLargeNdjson(log, EVENTS);
    const up = await uploadFile(server.url, log, 'large');
    const done = await waitForJobDone(server.url, up.jobId);
    if (done.state !== 'done') throw new Error(`import failed: ${done.error}`);
    console.log(`dataset: ${EVENTS} events, ${done.result?.counts.edges} edges`);
    const base = `${server.url}/api/datasets/${up.datasetId}`;

    const health: number[] = [];
    const graph: number[] = [];
    let running = true;
    // 20 uploads of a real EVTX sample into new datasets (each then imports).
    const uploads = Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const u = await uploadFile(server.url, SMALL, `upload ${i}`);
        return waitForJobDone(server.url, u.jobId);
      }),
    );
    // 10 heavy requests at once: distinct queries, so no cache answers them.
    const heavy = Promise.all([
      ...Array.from({ length: 7 }, (_, i) => timed(`${base}/graph?minCount=${i}&hidden=1`)),
      ...Array.from({ length: 3 }, (_, i) => timed(`${base}/export?format=csv&minCount=${i}`)),
    ]);
    const all = Promise.all([uploads, heavy]).finally(() => (running = false));
    const sampleHealth = (async () => {
      while (running) {
        health.push(await timed(`${server.url}/api/health`));
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const sampleGraph = (async () => {
      let i = 0;
      while (running) {
        // A day window that moves, as an analyst stepping through days does.
        const day = new Date(Date.parse('2023-03-01T00:00:00Z') + (i++ % 30) * 86_400_000);
        graph.push(
          await timed(
            `${base}/graph?from=${day.toISOString().slice(0, 10)}&to=${new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10)}`,
          ),
        );
      }
    })();
    const [jobs, heavyMs] = await all;
    await Promise.all([sampleHealth, sampleGraph]);
    const failed = jobs.filter((j) => j.state !== 'done').length;
    const h = percentiles(health);
    const g = percentiles(graph);
    const hv = percentiles(heavyMs);
    console.log(`during 20 uploads + 10 heavy requests (${failed} imports failed):`);
    console.log(`  /api/health  n=${h.n} p50 ${ms(h.p50)}  p95 ${ms(h.p95)}  max ${ms(h.max)}`);
    console.log(`  /graph (day) n=${g.n} p50 ${ms(g.p50)}  p95 ${ms(g.p95)}  max ${ms(g.max)}`);
    console.log(`  heavy        n=${hv.n} p50 ${ms(hv.p50)}  p95 ${ms(hv.p95)}  max ${ms(hv.max)}`);
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
