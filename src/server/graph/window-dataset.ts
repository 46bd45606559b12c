import {
  DATASET_FORMAT_V1,
  type Dataset,
  type DatasetEdge,
  type DatasetNode,
  type TimeRange,
} from '../../core/dataset/index.js';
import { GENERATOR } from '../../core/version.js';
import type { GraphFilters } from '../http/query.js';
import type { Store } from '../store/store.js';

/** Cuts a dataset to a window and recomputes rankings and detections (the analysis' rankDataset). */
export type RankFn = (dataset: Dataset, window: TimeRange | null) => Dataset;

const HOUR = 3_600_000;

export function windowHours(window: TimeRange | null): [number, number] {
  if (window === null) return [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  return [Math.floor(Date.parse(window.from) / HOUR), Math.ceil(Date.parse(window.to) / HOUR)];
}

function edgeMatches(e: DatasetEdge, f: GraphFilters): boolean {
  if (f.eventIds !== null && !f.eventIds.includes(e.eventId)) return false;
  if (f.logonTypes !== null && (e.logonType === null || !f.logonTypes.includes(e.logonType))) return false;
  if (f.outcome === 'success' && e.failure) return false;
  if (f.outcome === 'failure' && !e.failure) return false;
  return true;
}

function nodeText(n: DatasetNode | undefined): string {
  return n === undefined ? '' : [n.label, n.name, ...n.ips, ...n.names].join('\u0000').toLowerCase();
}

/**
 * The dataset for a window, from the hourly roll-ups: the edges with events in the window (filtered,
 * then capped to the busiest `maxEdges`), their nodes and the nodes flagged in the window, cut and
 * ranked by the analysis. `caps` is set when the cap left edges out.
 */
export function windowDataset(
  store: Store,
  datasetId: string,
  window: TimeRange | null,
  filters: GraphFilters,
  options: { maxEdges: number; rank: RankFn; now: Date },
): Dataset {
  const info = store.getDataset(datasetId);
  const [fromHour, toHour] = windowHours(window);
  const counts = store.windowEdgeCounts(datasetId, fromHour, toHour);
  const candidates = store.edgesByIds(datasetId, [...counts.keys()]).filter((e) => edgeMatches(e, filters));

  const nodeIds = new Set<string>();
  for (const e of candidates) {
    nodeIds.add(e.account);
    if (e.source !== null) nodeIds.add(e.source);
    if (e.target !== null) nodeIds.add(e.target);
  }
  const flagged = store.flaggedNodes(datasetId, fromHour, toHour);
  for (const id of flagged) nodeIds.add(id);
  const nodes = new Map(store.nodesByIds(datasetId, [...nodeIds]).map((n) => [n.id, n]));

  const visible = (id: string | null): boolean => {
    if (id === null) return true;
    const n = nodes.get(id);
    return n !== undefined && (filters.showHidden || n.hidden === null);
  };
  const searched = (e: DatasetEdge): boolean => {
    if (filters.search === '') return true;
    return [e.account, e.source, e.target].some(
      (id) => id !== null && nodeText(nodes.get(id)).includes(filters.search),
    );
  };
  const matching = candidates.filter(
    (e) =>
      (counts.get(e.id) ?? 0) >= filters.minCount &&
      visible(e.account) &&
      visible(e.source) &&
      visible(e.target) &&
      searched(e),
  );
  matching.sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1));
  const kept = matching.slice(0, options.maxEdges);

  const keptNodes = new Set<string>();
  for (const e of kept) {
    keptNodes.add(e.account);
    if (e.source !== null) keptNodes.add(e.source);
    if (e.target !== null) keptNodes.add(e.target);
  }
  const totalNodes = new Set(keptNodes);
  for (const e of matching) {
    totalNodes.add(e.account);
    if (e.source !== null) totalNodes.add(e.source);
    if (e.target !== null) totalNodes.add(e.target);
  }
  for (const id of flagged) {
    const n = nodes.get(id);
    if (n === undefined || !visible(id)) continue;
    if (filters.search !== '' && !nodeText(n).includes(filters.search)) continue;
    keptNodes.add(id);
    totalNodes.add(id);
  }

  const base: Dataset = {
    format: DATASET_FORMAT_V1,
    generator: { name: GENERATOR.name, version: GENERATOR.version },
    createdAt: options.now.toISOString(),
    title: info.name,
    sources: store.sources(datasetId),
    timeRange: info.timeRange,
    window: null,
    readStats: store.readStats(datasetId),
    nodes: [...keptNodes].sort().flatMap((id) => {
      const n = nodes.get(id);
      return n === undefined ? [] : [n];
    }),
    edges: kept,
    rankings: [],
    detections: [],
  };
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
