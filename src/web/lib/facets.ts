import type { Dataset } from '../../core/dataset/index.js';

export interface Facets {
  eventIds: number[];
  logonTypes: string[];
}

const cache = new WeakMap<Dataset, Facets>();

/** The event IDs and logon types present in a dataset (the filter choices). */
export function datasetFacets(dataset: Dataset): Facets {
  const hit = cache.get(dataset);
  if (hit) return hit;
  const ids = new Set<number>();
  const types = new Set<string>();
  for (const e of dataset.edges) {
    ids.add(e.eventId);
    if (e.logonType !== null) types.add(e.logonType);
  }
  const facets = {
    eventIds: [...ids].sort((a, b) => a - b),
    logonTypes: [...types].sort((a, b) => (Number(a) || 0) - (Number(b) || 0) || a.localeCompare(b)),
  };
  cache.set(dataset, facets);
  return facets;
}
