// `npm run bench -- server-import`: an EVTX import job through the real server (upload, reading on
// the EVTX workers, storing in SQLite, the analysis and its roll-ups), with 1 and 2 EVTX workers
// (LOGONLENS_EVTX_WORKERS), interleaved: wall seconds from upload to job done, records/s, the
// server process's CPU seconds (every thread) over the job, and the load average beside each run:
// the machine may be shared, and CPU seconds are then the steadier figure.
//
// Env: LOGONLENS_BENCH_IMPORT_EVTX_MB (the replicated file's size, default 64),
// LOGONLENS_BENCH_RUNS (runs per configuration, median kept; default 3). Run `npm run build:node`
// first: the server then runs from dist, with its import and EVTX worker threads as in production.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLargeEvtx } from './evtx-build.js';
import { memoryOf, startServerProcess, uploadFile, waitForJobDone } from './server-process.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(root, 'test/fixtures/logs/evtx/sec-omer-size_t.evtx');
const sizeMB = Number(process.env.LOGONLENS_BENCH_IMPORT_EVTX_MB ?? 64);
const RUNS = Math.max(1, Number(process.env.LOGONLENS_BENCH_RUNS ?? 3));

/** CPU seconds a process has used so far (user + system, every thread; Linux /proc). */
function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the command name and state.
  return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
}

interface Run {
  wall: number;
  cpu: number;
  /** Peak RSS of the server during the job, over its RSS before (bytes). */
  rise: number;
  load: number;
  records: number;
}

async function importOnce(file: string, workers: number): Promise<Run> {
  const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-bench-import-'));
  const server = await startServerProcess(path.join(dir, 'data'), {
    LOGONLENS_EVTX_WORKERS: String(workers),
  });
  try {
    const pid = server.proc.pid ?? 0;
    await new Promise((r) => setTimeout(r, 300));
    const load = loadavg()[0] ?? 0;
    const idle = memoryOf(pid).rss;
    writeFileSync(`/proc/${pid}/clear_refs`, '5'); // VmHWM from here on
    const cpu0 = cpuSecondsOf(pid);
    const t0 = performance.now();
    const up = await uploadFile(server.url, file, `import bench, ${workers} workers`);
    const done = await waitForJobDone(server.url, up.jobId);
    const wall = (performance.now() - t0) / 1000;
    const cpu = cpuSecondsOf(pid) - cpu0;
    const rise = memoryOf(pid).hwm - idle;
    if (done.state !== 'done') throw new Error(`import failed: ${done.error}`);
    return { wall, cpu, rise, load, records: done.progress.records };
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-bench-import-file-'));
  try {
    const file = path.join(dir, `import-${sizeMB}mb.evtx`);
    const built = buildLargeEvtx(SOURCE, file, sizeMB * 1e6);
    console.log(
      `server import of ${(built.bytes / 1e6).toFixed(0)} MB EVTX, ${built.records} records (real chunks replicated), ${RUNS} runs each, interleaved`,
    );
    const runs = new Map<number, Run[]>([
      [1, []],
      [2, []],
    ]);
    for (let i = 0; i < RUNS; i++)
      for (const [w, list] of runs) {
        const r = await importOnce(file, w);
        list.push(r);
        console.log(
          `  ${w} worker${w === 1 ? ' ' : 's'}: ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} CPU-s, peak RSS +${(r.rise / 1e6).toFixed(0)} MB, load ${r.load.toFixed(1)}`,
        );
      }
    const wall1 = median(runs.get(1)!.map((r) => r.wall));
    for (const [w, list] of runs) {
      const wall = median(list.map((r) => r.wall));
      const cpu = median(list.map((r) => r.cpu));
      console.log(
        `EVTX workers ${w}: median ${wall.toFixed(2)} s, ${Math.round(built.records / wall).toLocaleString('en-US')} records/s, ` +
          `${cpu.toFixed(2)} CPU-s, ${(wall1 / wall).toFixed(2)}× the 1-worker speed (load ${list.map((r) => r.load.toFixed(1)).join(', ')})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
