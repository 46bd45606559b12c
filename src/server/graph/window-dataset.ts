import { detectFromFlags } from '../../core/analysis/index.js';
import { DATASET_FORMAT_V1, type Dataset, type Detection, type TimeRange } from '../../core/dataset/index.js';
import { GENERATOR } from '../../core/version.js';
import { edgeFilter, windowHours, type ViewFilters } from '../../core/analysis/index.js';
import type { Store, WindowEdgeRow } from '../store/store.js';

/** Cuts a dataset to a window and recomputes rankings and detections (the analysis' rankDataset). */
export type RankFn = (dataset: Dataset, window: TimeRange | null) => Dataset;

function ends(e: WindowEdgeRow): string[] {
  const out = [e.account];
  if (e.source !== null) out.push(e.source);
  if (e.target !== null) out.push(e.target);
  return out;
}

/**
 * The dataset for a window, from the hourly roll-ups: the edges with events in the window (filtered
 * on their stored attributes, then capped to the busiest `maxEdges`, so only kept edges are parsed),
 * their nodes and the nodes flagged in the window, cut and ranked by the analysis. `caps` is set
 * when the cap left edges out.
 */
export function windowDataset(
  store: Store,
  datasetId: string,
  window: TimeRange | null,
  filters: ViewFilters,
  options: { maxEdges: number; rank: RankFn; now: Date },
): Dataset {
  const info = store.getDataset(datasetId);
  const { fromHour, toHour } = windowHours(window);
  const candidates = store.windowEdgeRows(datasetId, fromHour, toHour).filter(edgeFilter(filters));

  const ids = new Set<string>();
  for (const e of candidates) for (const id of ends(e)) ids.add(id);
  const flagged = store.flaggedNodes(datasetId, fromHour, toHour);
  for (const id of flagged) ids.add(id);
  const facts = store.nodeFacts(datasetId, [...ids]);

  const visible = (id: string): boolean => {
    const n = facts.get(id);
    return n !== undefined && (filters.showHidden || n.hidden === null);
  };
  const found = (id: string): boolean =>
    filters.search === '' || (facts.get(id)?.search.includes(filters.search) ?? false);
  const matching = candidates.filter((e) => {
    const endIds = ends(e);
    return endIds.every(visible) && endIds.some(found);
  });
  matching.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  const kept = matching.slice(0, options.maxEdges);

  const keptNodes = new Set<string>();
  for (const e of kept) for (const id of ends(e)) keptNodes.add(id);
  const totalNodes = new Set(keptNodes);
  for (const e of matching) for (const id of ends(e)) totalNodes.add(id);
  for (const id of flagged) {
    if (!visible(id) || !found(id)) continue;
    keptNodes.add(id);
    totalNodes.add(id);
  }

  const nodes = store.nodesByIds(datasetId, [...keptNodes]);
  const base: Dataset = {
    format: DATASET_FORMAT_V1,
    generator: { name: GENERATOR.name, version: GENERATOR.version },
    createdAt: options.now.toISOString(),
    title: info.name,
    sources: store.sources(datasetId),
    timeRange: info.timeRange,
    window: null,
    readStats: store.readStats(datasetId),
    nodes,
    edges: store
      .edgesByIds(
        datasetId,
        kept.map((e) => e.id),
      )
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    rankings: [],
    // The import's detections overlapping the window (event-based ones such as pass-the-hash or
    // Sigma hits exist only there), and the flag-based ones of these nodes (DCSync, log cleared, ...)
    // for datasets imported before detections were stored; the rank keeps those that overlap the
    // window and recomputes the edge-based ones for exactly this window.
    detections: uniqueById([...store.detections(datasetId, fromHour, toHour), ...detectFromFlags(nodes)]),
  };
  const coverage = store.coverage(datasetId);
  if (coverage !== null) base.coverage = coverage;
  const ranked = options.rank(base, window);
  const capped = matching.length > kept.length;
  return {
    ...ranked,
    caps: capped
      ? {
          edgesShown: kept.length,
          edgesTotal: matching.length,
          nodesShown: keptNodes.size,
          nodesTotal: totalNodes.size,
        }
      : null,
  };
}

/** The first of each id (stored detections come first: they are the import's own). */
function uniqueById(detections: readonly Detection[]): Detection[] {
  const seen = new Set<string>();
  return detections.filter((d) => !seen.has(d.id) && (seen.add(d.id), true));
}
