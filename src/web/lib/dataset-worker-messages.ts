import type { ParseResult } from '../../core/dataset/index.js';

// The messages between parse-dataset.ts and its worker, apart so that the worker bundles no page code.

/** Arrays longer than this are sent in slices (weighted-slices.ts: each message is one task to receive). */
export const DATASET_SLICE_ITEMS = 1000;

export interface DatasetWorkerRequest {
  text: string;
  /** Also compute the text's SHA-256 (the key a file is kept under). */
  hash: boolean;
}

/** From the worker: slices of the dataset's big arrays, then the result with those arrays empty. */
export type DatasetWorkerMessage =
  | { kind: 'slice'; field: string; items: unknown[] }
  | {
      kind: 'done';
      result: ParseResult;
      key: string | null;
      /** The dataset's events per hour (hourlyHistogram), computed in the worker. */
      hourly?: Array<[number, number]>;
    };
