import { runExportJob, type ExportJob } from './export-job';

/**
 * Runs an export job in a Web Worker of its own (started for the job, ended after: exports are rare
 * and a worker holding a copy of a large dataset should not stay), or on this thread when no worker
 * can start (jsdom, a strict CSP). Resolves with the file's text; rejects with a message for people.
 */
export function runJob(job: ExportJob): Promise<string> {
  let worker: Worker | null = null;
  if (typeof Worker !== 'undefined') {
    try {
      worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = null;
    }
  }
  if (worker === null) {
    const result = runExportJob(job);
    return result.ok ? Promise.resolve(result.text) : Promise.reject(new Error(result.message));
  }
  const w = worker;
  return new Promise<string>((resolve, reject) => {
    w.onmessage = (event: MessageEvent<{ ok: boolean; text?: string; message?: string }>) => {
      w.terminate();
      const r = event.data;
      if (r.ok && typeof r.text === 'string') resolve(r.text);
      else reject(new Error(r.message ?? 'the export failed'));
    };
    w.onerror = (event) => {
      w.terminate();
      reject(new Error(event.message || 'the export worker failed'));
    };
    w.postMessage(job);
  });
}
