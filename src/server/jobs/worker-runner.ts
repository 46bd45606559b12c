import type { ImportRunner } from './job-manager.js';
import type { ImportWorkerData, ImportWorkerMessage } from './import-worker.js';
import { siblingModuleUrl, spawnModuleWorker } from './spawn-worker.js';
import { inProcessImportRunner } from './in-process-runner.js';
import { defaultImportDeps } from '../ingest/default-deps.js';

/** The worker module beside this one: .ts when running from sources, .js when built. */
const WORKER_URL = siblingModuleUrl('import-worker', import.meta.url);

/**
 * Runs each import in its own worker thread. From the sources (vitest, tsx) a worker cannot load the
 * .ts worker module and the readers' own EVTX workers, so imports run in-process there.
 */
export function workerImportRunner(dataDir: string): ImportRunner {
  if (WORKER_URL.pathname.endsWith('.ts')) return inProcessImportRunner(dataDir, defaultImportDeps);
  return (job, onMessage) =>
    new Promise<void>((resolve, reject) => {
      const data: ImportWorkerData = { dataDir, job };
      const worker = spawnModuleWorker(WORKER_URL, { workerData: data });
      let settled = false;
      const settle = (error: Error | null): void => {
        if (settled) return;
        settled = true;
        if (error === null) resolve();
        else reject(error);
      };
      worker.on('message', (m: ImportWorkerMessage) => {
        if (m.type === 'finished') settle(null);
        else if (m.type === 'failed') settle(new Error(m.message));
        else onMessage(m);
      });
      worker.on('error', (e) => settle(e));
      worker.on('exit', (code) =>
        settle(new Error(`the import worker stopped before finishing (exit code ${code})`)),
      );
    });
}
