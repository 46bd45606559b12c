// Child process of the EVTX benchmark: runs our reader once on the given files and prints one JSON
// line with records, wall and CPU time (all threads) and peak RSS, so each configuration is measured
// in a fresh process. Usage: evtx-run.ts <seq|par> <workers> <repeat> <idsFilter|-> <file>...
import { readFileSync } from 'node:fs';
import { readEvtx } from '../src/core/readers/evtx/index.js';
import { readEvtxParallel } from '../src/server/ingest/evtx-parallel.js';

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
