import { parseDatasetText, type ParseResult } from '../../core/dataset/index.js';

/** Below this size parsing on the main thread is quicker than starting a worker. */
const WORKER_THRESHOLD = 512 * 1024;

function inWorker(text: string): Promise<ParseResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./dataset-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ParseResult>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'dataset worker failed'));
    };
    worker.postMessage(text);
  });
}

/**
 * JSON parse and schema validation of a dataset, in a Web Worker for large texts so that the page
 * stays responsive; inline when workers are unavailable (tests) or fail to start. Never throws.
 */
export async function parseDataset(text: string): Promise<ParseResult> {
  if (typeof Worker !== 'undefined' && text.length > WORKER_THRESHOLD) {
    try {
      return await inWorker(text);
    } catch {
      // A worker that cannot start (strict CSP, old browser) must not stop the file from opening.
    }
  }
  return parseDatasetText(text);
}
