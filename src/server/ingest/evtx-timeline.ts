// When each step of an EVTX read happens, for the benchmarks (LOGONLENS_EVTX_TIMELINE=1): the CLI's
// start, when the workers are started and ready, when each piece is sent, parsed and back, and the
// exit, one line each on stderr, in milliseconds since the process started (performance.now() counts
// from the process's start in worker threads too). The fixed costs of a run (process, modules,
// worker start, JIT warm-up) show there, where per-thread CPU seconds cannot tell them apart.
// Off by default: then each mark is one comparison.
import { writeSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

const ON = process.env.LOGONLENS_EVTX_TIMELINE === '1';

/** Writes `evtx-timeline <ms> <thread id> <what>` to stderr when the timeline is on. */
export function markEvtxTimeline(what: string): void {
  if (!ON) return;
  writeSync(2, `evtx-timeline ${performance.now().toFixed(2)} ${threadId} ${what}\n`);
}

/** Marks the process's exit too (the CLI, once). */
export function markEvtxTimelineExit(): void {
  if (ON) process.once('exit', () => markEvtxTimeline('exit'));
}
