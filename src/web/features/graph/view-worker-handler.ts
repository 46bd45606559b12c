import type { Dataset } from '../../../core/dataset/index.js';
import { WindowGraphs, type WindowGraph, type WindowParams } from './window-graph';
import { serveLanes, type WorkerReply } from './worker-protocol';

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
export function createViewHandler(post: (reply: WorkerReply) => void): (data: unknown) => void {
  let held: { version: number; graphs: WindowGraphs } | null = null;
  return serveLanes(
    {
      dataset: (payload) => {
        const { version, dataset } = payload as DatasetMessage;
        held = { version, graphs: new WindowGraphs(dataset) };
        return version;
      },
      view: (payload): WindowGraph => {
        const { version, params } = payload as ViewRequest;
        if (held === null || held.version !== version)
          throw new Error('The graph worker does not hold this dataset (it was replaced); try again.');
        return held.graphs.compute(params);
      },
    },
    post,
  );
}
