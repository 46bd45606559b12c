import type { GraphParams } from './graph';

/**
 * react-query keys for server data, built from the parsed URL state (docs/architecture.md, rule 4).
 * Everything under ['api', 'datasets', id] belongs to one dataset, so invalidating that prefix after
 * an append or a delete refreshes its graph and events too.
 */
export const apiKeys = {
  all: ['api'] as const,
  datasets: () => ['api', 'datasets'] as const,
  dataset: (id: string) => ['api', 'datasets', id] as const,
  graph: (id: string, params: GraphParams) =>
    ['api', 'datasets', id, 'graph', normalizeGraph(params)] as const,
  /** Events per hour of the whole dataset (the timeline). */
  histogram: (id: string) => ['api', 'datasets', id, 'histogram'] as const,
  /** Every detection of the whole dataset (the detections panel). */
  detections: (id: string) => ['api', 'datasets', id, 'detections'] as const,
  /** One node's events per hour over the whole dataset (the node timeline). */
  timeline: (id: string, node: string) => ['api', 'datasets', id, 'timeline', node] as const,
  /** The drill-down of one selection (a node, or the edges behind a link) in a window. */
  events: (id: string, from: string | null, to: string | null, target: readonly string[]) =>
    ['api', 'datasets', id, 'events', from, to, ...target] as const,
  /** The analyst's notes and tags on the dataset. */
  annotations: (id: string) => ['api', 'datasets', id, 'annotations'] as const,
  job: (id: string) => ['api', 'jobs', id] as const,
};

/** A plain object with a fixed key order: equal views give equal keys whatever built them. */
function normalizeGraph(p: GraphParams): GraphParams {
  return {
    from: p.from,
    to: p.to,
    eventIds: p.eventIds === null ? null : [...p.eventIds],
    logonTypes: p.logonTypes === null ? null : [...p.logonTypes],
    outcome: p.outcome,
    minCount: p.minCount,
    search: p.search,
    showHidden: p.showHidden,
  };
}
