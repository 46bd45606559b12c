// `npm run bench -- server`: a bounded load test of the LogonLens server on loopback. The real
// server (dist/node when built: imports in a worker thread; else the sources, imports in-process)
// on a temporary data directory. It imports a large EVTX file built from a real sample (the EVTX
// benchmark's helper) and a synthetic 100,000-event Winlogbeat log (4,000 edges), reporting import
// throughput; then it sends concurrent /graph requests for day and week windows of the latter with
// varying filters, on an idle server and while the EVTX file is imported again, and reports latency
// percentiles. Figures only: the run fails only when a request fails.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLargeEvtx } from './evtx-build.js';
import { writeLargeNdjson } from '../test/integration/server-helpers.js';
import { startServerProcess, uploadFile } from './server-process.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = path.resolve(ROOT, 'test/fixtures/logs/evtx/sec-omer-size_t.evtx');
const TARGET_BYTES = Number(process.env.BENCH_SERVER_MB ?? 64) * 1024 * 1024;
const CONCURRENCY = 8;
const NDJSON_EVENTS = 100_000;
const MAX_REQUESTS = 2000;
const MAX_SECONDS = 60;

interface Job {
  state: string;
  progress: { records: number; bytes: number };
  result: { eventsNew: number; counts: { events: number; edges: number } } | null;
  error: string | null;
}

async function job(url: string, id: string): Promise<Job> {
  return (await (await fetch(`${url}/api/jobs/${id}`)).json()) as Job;
}

async function waitDone(url: string, id: string): Promise<Job> {
  for (;;) {
    const j = await job(url, id);
    if (j.state === 'done' || j.state === 'failed') return j;
    await new Promise((r) => setTimeout(r, 50));
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  if (!existsSync(SAMPLE)) {
    console.log(`skipped: sample log not found at ${SAMPLE}`);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-bench-'));
  const big = path.join(dir, 'big.evtx');
  const built = buildLargeEvtx(SAMPLE, big, TARGET_BYTES);
  console.log(
    `input: ${(built.bytes / 1048576).toFixed(0)} MiB EVTX, ${built.records} records (built from ${path.basename(SAMPLE)})`,
  );
  const server = await startServerProcess(path.join(dir, 'data'));
  server.proc.on('exit', (code, signal) => {
    if (code !== 0) console.log(`!!! the server exited: code ${code}, signal ${signal}`);
  });
  console.log(`server: ${server.mode}, ${server.url}`);
  try {
    // 1. Import throughput, nothing else running: the EVTX file, then a synthetic Winlogbeat NDJSON
    // log with many accounts and hosts (the graph the /graph requests below read).
    const imported = async (file: string, name: string): Promise<{ datasetId: string; job: Job }> => {
      let t0 = performance.now();
      const up = await uploadFile(server.url, file, name);
      const uploadMs = performance.now() - t0;
      t0 = performance.now();
      const done = await waitDone(server.url, up.jobId);
      const importMs = performance.now() - t0;
      if (done.state !== 'done') throw new Error(`import failed: ${done.error}`);
      console.log(
        `import ${name}: upload ${(uploadMs / 1000).toFixed(1)} s, import ${(importMs / 1000).toFixed(1)} s for ${done.progress.records} records` +
          ` → ${Math.round(done.progress.records / (importMs / 1000))} records/s` +
          ` (${done.result?.counts.events} events stored, ${done.result?.counts.edges} edges)`,
      );
      return { datasetId: up.datasetId, job: done };
    };
    await imported(big, 'EVTX');
    const ndjson = path.join(dir, 'big.ndjson');
    await writeLargeNdjson(ndjson, NDJSON_EVENTS);
    const a = await imported(ndjson, 'NDJSON');
    const info = (await (await fetch(`${server.url}/api/datasets/${a.datasetId}`)).json()) as {
      timeRange: { from: string };
    };
    const start = Date.parse(info.timeRange.from.slice(0, 10));

    const filters = ['', '&outcome=failure', '&hidden=1', '&eventIds=4624', '&logonTypes=3,10', '&search=a'];
    // Requests for day (and every fifth a week) windows over three weeks, filters varying; `tag`
    // keeps the phases' queries apart so that the second phase does not hit the first one's cache.
    const load = async (
      tag: string,
      keepGoing: (sent: number) => boolean,
    ): Promise<{ latencies: number[]; failures: number }> => {
      const latencies: number[] = [];
      let sent = 0;
      let failures = 0;
      const deadline = performance.now() + MAX_SECONDS * 1000;
      const worker = async (): Promise<void> => {
        while (sent < MAX_REQUESTS && performance.now() < deadline && keepGoing(sent)) {
          const i = sent++;
          const days = i % 5 === 0 ? 7 : 1;
          const from = new Date(start + (i % 21) * 86_400_000);
          const to = new Date(from.getTime() + days * 86_400_000);
          const q = `from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}${filters[i % filters.length]}&minCount=${tag}`;
          const t = performance.now();
          try {
            const res = await fetch(`${server.url}/api/datasets/${a.datasetId}/graph?${q}`);
            await res.arrayBuffer();
            if (res.status !== 200) failures++;
          } catch (e) {
            failures++;
            if (failures <= 3)
              console.log(
                `  request failed: ${e instanceof Error ? `${e.message} ${String(e.cause)}` : String(e)}`,
              );
          }
          latencies.push(performance.now() - t);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      latencies.sort((x, y) => x - y);
      return { latencies, failures };
    };
    const report = (label: string, r: { latencies: number[]; failures: number }): void => {
      const l = r.latencies;
      console.log(
        `${label}: ${l.length} /graph requests, concurrency ${CONCURRENCY}, ${r.failures} failed; latency ms p50 ${percentile(l, 50).toFixed(1)}  p95 ${percentile(l, 95).toFixed(1)}  p99 ${percentile(l, 99).toFixed(1)}  max ${l[l.length - 1]?.toFixed(1)}`,
      );
    };

    // 2. /graph alone (distinct windows and filters: mostly cache misses).
    const idle = await load('0', (sent) => sent < 200);
    report('graph, idle server', idle);

    // 3. The same while a second import of the file runs.
    const b = await uploadFile(server.url, big, 'EVTX again');
    const importStart = performance.now();
    let importDone: Job | null = null;
    let importMsB = 0;
    const watcher = (async () => {
      importDone = await waitDone(server.url, b.jobId);
      importMsB = performance.now() - importStart;
    })();
    const busy = await load('1', () => importDone === null);
    await watcher;
    report('graph, during an import', busy);
    const doneB = importDone as Job | null;
    if (doneB !== null) {
      console.log(
        `  concurrent import: ${doneB.state}, ${doneB.progress.records} records in ${(importMsB / 1000).toFixed(1)} s → ${Math.round(doneB.progress.records / (importMsB / 1000))} records/s`,
      );
    }
    const failures = idle.failures + busy.failures;
    if (failures > 0) process.exitCode = 1;
  } finally {
    server.proc.kill('SIGTERM');
    await new Promise((r) => server.proc.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
