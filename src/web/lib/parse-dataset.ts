import { rememberHourlyHistogram } from '../../core/analysis/index.js';
import { parseDatasetText, type ParseResult } from '../../core/dataset/index.js';
import { sha256Hex } from './hash';
import type { DatasetWorkerMessage, DatasetWorkerRequest } from './dataset-worker-messages';

/** Below this size parsing on the main thread is quicker than starting a worker. */
const WORKER_THRESHOLD = 512 * 1024;
export interface KeyedParse {
  result: ParseResult;
  /** SHA-256 of the text, when asked for (null when the text is not a valid dataset). */
  key: string | null;
}

function inWorker(text: string, hash: boolean): Promise<KeyedParse> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./dataset-worker.ts', import.meta.url), { type: 'module' });
    const slices = new Map<string, unknown[]>();
    worker.onmessage = (event: MessageEvent<DatasetWorkerMessage>) => {
      const m = event.data;
      if (m.kind === 'slice') {
        let list = slices.get(m.field);
        if (list === undefined) slices.set(m.field, (list = []));
        for (const item of m.items) list.push(item);
        return;
      }
      worker.terminate();
      const result: ParseResult = m.result.ok
        ? { ok: true, dataset: { ...m.result.dataset, ...Object.fromEntries(slices) } }
        : m.result;
      if (result.ok && m.hourly !== undefined) rememberHourlyHistogram(result.dataset, m.hourly);
      resolve({ result, key: m.key });
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'dataset worker failed'));
    };
    worker.postMessage({ text, hash } satisfies DatasetWorkerRequest);
  });
}

/**
 * JSON parse and schema validation of a dataset, in a Web Worker for large texts so that the page
 * stays responsive; inline when workers are unavailable (tests) or fail to start. Never throws.
 * With `hash`, also the text's SHA-256 (computed in the worker too: encoding 50 MB of text for it
 * on the page's thread was a 300 ms task).
 */
export async function parseDatasetKeyed(text: string, hash: boolean): Promise<KeyedParse> {
  if (typeof Worker !== 'undefined' && text.length > WORKER_THRESHOLD) {
    try {
      return await inWorker(text, hash);
    } catch {
      // A worker that cannot start (strict CSP, old browser) must not stop the file from opening.
    }
  }
  const result = parseDatasetText(text);
  return { result, key: hash && result.ok ? await sha256Hex(text) : null };
}

export async function parseDataset(text: string): Promise<ParseResult> {
  return (await parseDatasetKeyed(text, false)).result;
}
