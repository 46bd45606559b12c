// EVTX workers started before they are needed. A worker thread takes ≈ 0.04 CPU-s and tens of
// milliseconds to start (a V8 isolate, Node's bootstrap, the reader's modules). The CLI starts them
// first thing, so that they boot on the other core while the calling thread loads its own modules
// (≈ 0.1 CPU-s for `analyze`) and opens the file, instead of after it. This module imports nothing
// of the reader itself: the CLI loads it before anything else.
import type { Worker } from 'node:worker_threads';
import { siblingModuleUrl, spawnModuleWorker } from '../jobs/spawn-worker.js';
import { markEvtxTimeline } from './evtx-timeline.js';

/** The workerData of a worker started before its options are known (it waits for a WorkerInit). */
export const IDLE_WORKER_DATA = { kind: 'logonlens-evtx-worker-idle' } as const;

/** The chunk worker beside this module (evtx-worker.ts from sources, .js when built). */
export const EVTX_WORKER_URL = siblingModuleUrl('evtx-worker', import.meta.url);

const idle: Worker[] = [];

/**
 * Starts `n` EVTX workers that wait for their options (readEvtxParallel hands them out first).
 * They do not keep the process alive, and a worker that fails to start is simply not there: the
 * reader then starts its own. Costs one thread's start-up each when no EVTX file follows.
 */
export function prestartEvtxWorkers(n: number): void {
  for (let i = idle.length; i < n; i++) {
    let w: Worker;
    markEvtxTimeline('worker started ahead');
    try {
      w = spawnModuleWorker(EVTX_WORKER_URL, { workerData: IDLE_WORKER_DATA });
    } catch {
      return;
    }
    const drop = (): void => {
      const at = idle.indexOf(w);
      if (at >= 0) idle.splice(at, 1);
    };
    w.once('error', drop);
    w.once('exit', drop);
    w.unref(); // an idle worker never holds the process open
    idle.push(w);
  }
}

/** A started idle worker, or undefined (none left). The caller owns it: it refs it and sends its init. */
export function takePrestartedWorker(): Worker | undefined {
  const w = idle.shift();
  if (w === undefined) return undefined;
  w.removeAllListeners('error');
  w.removeAllListeners('exit');
  w.ref();
  return w;
}
