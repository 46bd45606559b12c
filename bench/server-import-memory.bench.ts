// `npm run bench -- server-import-memory`: peak resident memory of the server while it imports
// generated NDJSON logs of the same graph (400 edges × 48 hours) and different sizes: memory must
// follow the graph, not the number of events. Sizes in MB from BENCH_IMPORT_MB (default "200";
// e.g. "200,2048" for the 2 GB run). Peak = the process's VmHWM (all threads) over its idle RSS.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFixedGraphNdjson } from './fixed-graph-ndjson.js';
import { memoryOf, startServerProcess, uploadFile, waitForJobDone } from './server-process.js';

const SIZES = (process.env.BENCH_IMPORT_MB ?? '200').split(',').map(Number);
const MB = 1_000_000;

async function main(): Promise<void> {
  for (const size of SIZES) {
    const dir = mkdtempSync(path.join(tmpdir(), 'logonlens-bench-memory-'));
    const log = path.join(dir, 'fixed.ndjson');
    const written = await writeFixedGraphNdjson(log, size * MB);
    const server = await startServerProcess(path.join(dir, 'data'));
    try {
      const pid = server.proc.pid ?? 0;
      await new Promise((r) => setTimeout(r, 500));
      const idle = memoryOf(pid).rss;
      // Peak from here on: Linux resets VmHWM to the current RSS when 5 is written to clear_refs.
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      const t0 = performance.now();
      const up = await uploadFile(server.url, log, `fixed ${size} MB`);
      const done = await waitForJobDone(server.url, up.jobId);
      const seconds = (performance.now() - t0) / 1000;
      if (done.state !== 'done') throw new Error(`import failed: ${done.error}`);
      const peak = memoryOf(pid).hwm;
      console.log(
        `${(written.bytes / MB).toFixed(0)} MB NDJSON, ${written.events} events → ${done.result?.counts.edges} edges: ` +
          `idle RSS ${(idle / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB, rise ${((peak - idle) / MB).toFixed(0)} MB` +
          ` (${seconds.toFixed(0)} s; ${server.mode})`,
      );
    } finally {
      server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

await main();
