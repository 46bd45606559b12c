import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on a module URL. Built code (dist/node) runs .js files directly; when the
 * sources run through tsx or vitest the module is .ts, which a worker loads through tsx's loader
 * (the same way the EVTX reader's workers are started).
 */
export function spawnModuleWorker(url: URL, options: WorkerOptions = {}): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  return new Worker(url, { ...options, execArgv: [...(options.execArgv ?? []), '--import', 'tsx'] });
}
