import type { Dataset } from '../../../core/dataset/index.js';
import { SLICE_WEIGHT, weightedSlices } from '../../lib/weighted-slices';

/**
 * A dataset sent to the view worker in parts. Posting a 26k-node / 126k-edge dataset in one message
 * costs the page about half a second of structured cloning in one task (measured in the graph
 * bench's CPU profile); sent as slices of its big arrays, one task each, no task is long.
 */
export type DatasetPart =
  | { version: number; kind: 'head'; head: Record<string, unknown>; arrays: string[] }
  | { version: number; kind: 'slice'; key: string; items: unknown[] }
  | { version: number; kind: 'end' };

/** Arrays longer than this go in slices; shorter ones with the head. */
export const SLICED_MIN_ITEMS = 256;

/**
 * The parts of a dataset: the small fields first, then each long array in slices of about `budget`
 * in weight (weighted-slices.ts: posting is a structured clone on the page's thread too, and an edge
 * with a week of hourly buckets weighs as much as ten without). Lazy: each slice is cut (and weighed)
 * when it is asked for, in the task that posts it, not all before the first.
 */
export function* datasetParts(
  version: number,
  dataset: Dataset,
  budget = SLICE_WEIGHT,
  minItems = SLICED_MIN_ITEMS,
): Generator<DatasetPart> {
  const head: Record<string, unknown> = {};
  const arrays: string[] = [];
  for (const [key, value] of Object.entries(dataset)) {
    if (Array.isArray(value) && value.length > minItems) arrays.push(key);
    else head[key] = value;
  }
  yield { version, kind: 'head', head, arrays };
  for (const key of arrays)
    for (const items of weightedSlices((dataset as unknown as Record<string, unknown[]>)[key]!, budget))
      yield { version, kind: 'slice', key, items };
  yield { version, kind: 'end' };
}

/**
 * Puts the parts back together, in the order they were sent. `add` returns the whole dataset on the
 * `end` part, null before; parts of another version than the last head are errors (a dataset that
 * was replaced while being sent must not be mixed with the next one).
 */
export class DatasetAssembler {
  private current: { version: number; head: Record<string, unknown>; arrays: Map<string, unknown[]> } | null =
    null;

  add(part: DatasetPart): { version: number; dataset: Dataset } | null {
    if (part.kind === 'head') {
      this.current = {
        version: part.version,
        head: part.head,
        arrays: new Map(part.arrays.map((k) => [k, []])),
      };
      return null;
    }
    const current = this.current;
    if (current === null || current.version !== part.version)
      throw new Error(`a part of dataset ${part.version} arrived without its beginning`);
    if (part.kind === 'slice') {
      const list = current.arrays.get(part.key);
      if (list === undefined) throw new Error(`dataset part "${part.key}" was not announced`);
      for (const item of part.items) list.push(item);
      return null;
    }
    this.current = null;
    const dataset = { ...current.head, ...Object.fromEntries(current.arrays) } as unknown as Dataset;
    return { version: current.version, dataset };
  }
}
