import type { Dataset } from '../../../core/dataset/index.js';
import { hourlyHistogram } from '../../../core/analysis/index.js';
import { datasetFacets, type Facets } from '../../lib/facets';
import { SLICE_WEIGHT } from '../../lib/weighted-slices';
import { DatasetAssembler, type DatasetPart } from './dataset-parts';
import { ViewEncoder, type ViewWire } from './view-wire';
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

/** A window graph as the worker sends it: the view as positions in the dataset (view-wire.ts). */
export type WindowGraphWire = Omit<WindowGraph, 'view'> & { view: ViewWire };

/** What the page draws of the whole dataset (the timeline and the filter choices), computed here. */
export interface DatasetSummary {
  version: number;
  hourly: Array<[number, number]>;
  facets: Facets;
}

/** The big parts of a window view, sent in slices (see ResultSlice). */
const VIEW_SLICED = [
  ['view', 'rankings'],
  ['view', 'nodeCopies'],
  ['view', 'edgeCopies'],
  ['graph', 'elements'],
];
/**
 * Weight per slice (weighted-slices.ts). Receiving a message is one task on the page (its structured
 * clone): a ranking with its reasons weighs about 90, an element 12, so a slice holds some 220
 * rankings or 1,600 elements (1,000 rankings took 170–270 ms to receive on a busy two-core machine).
 */
export const VIEW_SLICE_WEIGHT = SLICE_WEIGHT;

/** The view worker's message handling, apart from `self` so that unit tests drive it directly. */

export function createViewHandler(
  post: (reply: WorkerReply) => void,
  sliceWeight = VIEW_SLICE_WEIGHT,
): (data: unknown) => void {
  let held: { version: number; graphs: WindowGraphs; encoder: ViewEncoder; dataset: Dataset } | null = null;
  const hold = (version: number, dataset: Dataset) => {
    held = { version, graphs: new WindowGraphs(dataset), encoder: new ViewEncoder(dataset), dataset };
  };
  const assembler = new DatasetAssembler();
  return serveLanes(
    {
      // A big dataset comes in parts (dataset-parts.ts); the last one makes it the held dataset.
      'dataset-part': (payload) => {
        const whole = assembler.add(payload as DatasetPart);
        if (whole !== null) hold(whole.version, whole.dataset);
        return null;
      },
      dataset: (payload) => {
        const { version, dataset } = payload as DatasetMessage;
        hold(version, dataset);
        return version;
      },
      view: (payload) => {
        const { version, params } = payload as ViewRequest;
        if (held === null || held.version !== version)
          throw new Error('The graph worker does not hold this dataset (it was replaced); try again.');
        const graph: WindowGraph = held.graphs.compute(params);
        const wire: WindowGraphWire = { ...graph, view: held.encoder.encode(graph.view) };
        return sliceResult(wire, VIEW_SLICED, sliceWeight);
      },
      // Over the whole dataset: 100–200 ms each on the page's thread for a 26k-node dataset.
      summary: (payload) => {
        const { version } = payload as { version: number };
        if (held === null || held.version !== version)
          throw new Error('The graph worker does not hold this dataset (it was replaced); try again.');
        return {
          version,
          hourly: hourlyHistogram(held.dataset),
          facets: datasetFacets(held.dataset),
        } satisfies DatasetSummary;
      },
    },
    post,
  );
}
