// How many EVTX workers `analyze` and a server import start when none are asked for.

/**
 * One per core but one. The calling thread is busy beside its workers: `analyze`'s builds the graph,
 * hashes the file and unpacks the events; an import's stores the events in SQLite and analyses them.
 * Each thread is about as much CPU as one worker's parsing, so one worker per core adds a worker's
 * start and JIT warm-up to a run that already fills the cores: on 2 cores, 2 workers were slower
 * than 1 for both (docs/evtx-reader.md, "third step" and "fifth step").
 */
export function evtxWorkersBesideBusyThread(cores: number): number {
  return Math.max(1, Math.floor(cores) - 1);
}
