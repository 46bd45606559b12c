/// <reference lib="webworker" />
import { hourlyHistogram } from '../../core/analysis/index.js';
import { parseDatasetText } from '../../core/dataset/index.js';
import { sha256Hex } from './hash';
import {
  DATASET_SLICE_ITEMS,
  type DatasetWorkerMessage,
  type DatasetWorkerRequest,
} from './dataset-worker-messages';
import { weightedSlices } from './weighted-slices';

/**
 * Parses and validates dataset text off the main thread. The dataset's big arrays are sent back in
 * slices of about the same weight (weighted-slices.ts), one message each, then the rest: receiving a 50 MB dataset in one message would cost the
 * page a long task of structured cloning. The file's key (SHA-256 of its text) is computed here too.
 */
self.onmessage = async (event: MessageEvent<DatasetWorkerRequest>) => {
  const post = (m: DatasetWorkerMessage) => self.postMessage(m);
  const { text, hash } = event.data;
  const result = parseDatasetText(text);
  if (!result.ok) {
    post({ kind: 'done', result, key: null });
    return;
  }
  // Here, not on the page: where the dataset opens (its busiest window) and its timeline need it.
  const hourly = hourlyHistogram(result.dataset);
  const head: Record<string, unknown> = { ...result.dataset };
  for (const [field, value] of Object.entries(result.dataset)) {
    if (!Array.isArray(value) || value.length <= DATASET_SLICE_ITEMS) continue;
    for (const items of weightedSlices(value as unknown[])) post({ kind: 'slice', field, items });
    head[field] = [];
  }
  const key = hash ? await sha256Hex(text) : null;
  post({ kind: 'done', result: { ok: true, dataset: head as typeof result.dataset }, key, hourly });
};
