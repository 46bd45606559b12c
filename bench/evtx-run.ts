// Child process of the EVTX benchmark: runs our reader once on the given files and prints one JSON
// line with records, wall and CPU time (all threads) and peak RSS, so each configuration is measured
// in a fresh process. Usage: evtx-run.ts <seq|par> <workers> <repeat> <idsFilter|-> <file>...
import { readFileSync } from 'node:fs';
import type { readEvtx as ReadEvtx } from '../src/core/readers/evtx/index.js';
import type { readEvtxParallel as ReadEvtxParallel } from '../src/server/ingest/evtx-parallel.js';

// LOGONLENS_BENCH_DIST=<dir>: measure the compiled code (dist/node), as `logonlens` runs it, so the
// workers do not compile TypeScript when they start; otherwise the sources through tsx.
const dist = process.env.LOGONLENS_BENCH_DIST;
const { readEvtx } = (await import(
  dist ? `${dist}/core/readers/evtx/index.js` : '../src/core/readers/evtx/index.js'
)) as { readEvtx: typeof ReadEvtx };
const { readEvtxParallel } = (await import(
  dist ? `${dist}/server/ingest/evtx-parallel.js` : '../src/server/ingest/evtx-parallel.js'
)) as { readEvtxParallel: typeof ReadEvtxParallel };

const [mode = 'seq', workersArg = '1', repeatArg = '1', idsArg = '-', ...files] = process.argv.slice(2);
const workers = Number(workersArg);
const repeat = Number(repeatArg);
const eventIds = idsArg === '-' ? null : new Set(idsArg.split(',').map(Number));

let records = 0;
let events = 0;
let bytes = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let r = 0; r < repeat; r++) {
  for (const f of files) {
    const result =
      mode === 'seq'
        ? readEvtx(new Uint8Array(readFileSync(f)), { eventIds })
        : await readEvtxParallel(f, { workers, eventIds });
    records += result.stats.recordsRead;
    events += result.events.length;
    bytes += result.stats.bytes;
  }
}
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    records,
    events,
    bytes,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKB: process.resourceUsage().maxRSS,
  }),
);
