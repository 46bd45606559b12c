import type { Dataset } from '../../../core/dataset/index.js';
import { DatasetAssembler, type DatasetPart } from './dataset-parts';
import { WindowGraphs, type WindowGraph, type WindowParams } from './window-graph';
import { serveLanes, sliceResult, type WorkerReply } from './worker-protocol';

/** The dataset message: sent once per dataset, before the views that use it. */
export interface DatasetMessage {
  version: number;
  dataset: Dataset;
}

export interface ViewRequest {
  /** The dataset version the params are for: a view is never computed over another dataset. */
  version: number;
  params: WindowParams;
}

/** The view worker's message handling, apart from `self` so that unit tests drive it directly. */
/** The big parts of a window view, sent in slices (see ResultSlice). */
const VIEW_SLICED = [
  ['view', 'nodes'],
  ['view', 'edges'],
  ['view', 'rankings'],
  ['view', 'detections'],
  ['graph', 'elements'],
];
/** Items per slice: a window edge carries its hourly buckets, so a few thousand make a short task. */
export const VIEW_SLICE_ITEMS = 2000;

export function createViewHandler(
  post: (reply: WorkerReply) => void,
  sliceItems = VIEW_SLICE_ITEMS,
): (data: unknown) => void {
  let held: { version: number; graphs: WindowGraphs } | null = null;
  const assembler = new DatasetAssembler();
  return serveLanes(
    {
      // A big dataset comes in parts (dataset-parts.ts); the last one makes it the held dataset.
      'dataset-part': (payload) => {
        const whole = assembler.add(payload as DatasetPart);
        if (whole !== null) held = { version: whole.version, graphs: new WindowGraphs(whole.dataset) };
        return null;
      },
      dataset: (payload) => {
        const { version, dataset } = payload as DatasetMessage;
        held = { version, graphs: new WindowGraphs(dataset) };
        return version;
      },
      view: (payload) => {
        const { version, params } = payload as ViewRequest;
        if (held === null || held.version !== version)
          throw new Error('The graph worker does not hold this dataset (it was replaced); try again.');
        const graph: WindowGraph = held.graphs.compute(params);
        return sliceResult(graph, VIEW_SLICED, sliceItems);
      },
    },
    post,
  );
}
