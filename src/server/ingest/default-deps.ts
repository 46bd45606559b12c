import { availableParallelism } from 'node:os';
import { analyzeEventsLinked, ANALYSED_EVENT_IDS } from '../../core/analysis/index.js';
import { SECURITY_EVENT_IDS } from '../../core/events/index.js';
import { streamInputFile } from './read-input-file.js';
import type { ImportDeps } from './import-files.js';
import { eventIdsWithRules, loadSigmaDir } from '../sigma/rules-dir.js';
import { evtxWorkersBesideBusyThread } from './evtx-default-workers.js';

/**
 * Sigma rules of the server (LOGONLENS_SIGMA: a directory of rules), read once per import worker;
 * problems with single rules are kept in each dataset's coverage.
 */
const sigmaDir = process.env['LOGONLENS_SIGMA'];
const sigma = sigmaDir === undefined || sigmaDir === '' ? null : loadSigmaDir(sigmaDir);

/**
 * EVTX worker threads per import (LOGONLENS_EVTX_WORKERS, a whole number ≥ 1; default one per core
 * but one, since the import's own thread is busy storing beside them): lets an operator keep cores
 * for the request loop, and the benchmark compare 1 and 2 workers.
 */
const evtxWorkers =
  evtxWorkersOf(process.env['LOGONLENS_EVTX_WORKERS']) ?? evtxWorkersBesideBusyThread(availableParallelism());

export function evtxWorkersOf(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 256 ? n : null;
}

/** The real readers and analysis, as the import worker uses them. */
export const defaultImportDeps: ImportDeps = {
  readFile: (path, opts) => streamInputFile(path, { ...opts, workers: evtxWorkers }),
  analyze: (events, meta) => analyzeEventsLinked(events, { ...meta, window: null }, { sigma }),
  eventIds: eventIdsWithRules(new Set<number>([...SECURITY_EVENT_IDS, ...ANALYSED_EVENT_IDS]), sigma),
};
