/**
 * The window view the app draws: edges cut to a time window on their hourly buckets, filtered, and
 * ranked again for exactly what is shown. Runs in the browser on every window change, so it does one
 * pass over the edges and caches per-dataset lookups (node map, search text) in a WeakMap.
 */
import type { Dataset, DatasetEdge, DatasetNode, Detection, Ranking, TimeRange } from '../dataset/schema.js';
import { computeRankings, type PageRankMode } from './scores.js';
import { hourEndIso, hourToIso, unixHourOf, windowHours } from './time.js';

import { edgeFilter, type ViewFilters } from './view-filters.js';

export * from './view-filters.js';

/** An edge with count/first/last/hourly restricted to the window. */
export type ViewEdge = DatasetEdge;

export interface WindowView {
  window: TimeRange | null;
  /** Only nodes touched by a shown edge (or flagged in the window). */
  nodes: DatasetNode[];
  edges: ViewEdge[];
  /** By node id, recomputed for the window and filters. */
  rankings: Map<string, Ranking>;
  /** Those overlapping the window. */
  detections: Detection[];
  /** In the window before filters (for "N of M"). */
  totals: { nodes: number; edges: number };
}

interface DatasetIndex {
  nodes: Map<string, DatasetNode>;
  /** Lower-cased label, name, IPs and names of each node, separated so a match cannot span two. */
  searchText: Map<string, string>;
  /** Each flagged node's flags sorted by hour (parsing and scanning on every view is too slow). */
  flagIndex: Map<string, FlagIndex>;
  /** Nodes with at least one flag other than `privileged`. */
  flagged: DatasetNode[];
  /** The node number (as in edgeEnds) of each flagged node (same order). */
  flaggedNumbers: Int32Array;
  /** Per dataset edge (same order): 1 when one of its ends is a hidden node. */
  edgeHidden: Uint8Array;
  /** First and last Unix hour of each detection (same order). */
  detectionHours: Array<[number, number]>;
  /** First and last bucket hour of each edge (same order): edges outside a window are skipped
   * without touching their objects. */
  edgeFirstHour: Float64Array;
  edgeLastHour: Float64Array;
  /** Node numbers of each edge's account, source and target (-1 = none), for counting totals. */
  edgeEnds: Int32Array;
  nodeCount: number;
}

interface FlagIndex {
  /** Indices into node.flags, sorted by hour. */
  order: Int32Array;
  /** Unix hours of the flags in that order. */
  hours: Float64Array;
  /** privilegedPrefix[k] = privileged (4672) events among the first k flags in that order. */
  privilegedPrefix: Float64Array;
  /** Sorted hours of the flags other than `privileged`. */
  otherHours: Float64Array;
}

function buildFlagIndex(n: DatasetNode): FlagIndex {
  const hoursOf = n.flags.map((f) => unixHourOf(f.time));
  const order = Int32Array.from(n.flags.keys()).sort((a, b) => hoursOf[a]! - hoursOf[b]! || a - b);
  const hours = Float64Array.from(order, (i) => hoursOf[i]!);
  const privilegedPrefix = new Float64Array(order.length + 1);
  const other: number[] = [];
  order.forEach((i, k) => {
    const f = n.flags[i]!;
    privilegedPrefix[k + 1] = privilegedPrefix[k]! + (f.kind === 'privileged' ? f.count : 0);
    if (f.kind !== 'privileged') other.push(hoursOf[i]!);
  });
  return { order, hours, privilegedPrefix, otherHours: Float64Array.from(other) };
}

/** First index whose value is >= x in a sorted array (its length when none; -Infinity → 0). */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a node has a flag other than `privileged` in the hours [fromHour, toHour). */
function flaggedIn(fi: FlagIndex, fromHour: number, toHour: number): boolean {
  const at = lowerBound(fi.otherHours, fromHour);
  return at < fi.otherHours.length && fi.otherHours[at]! < toHour;
}

const indexCache = new WeakMap<Dataset, DatasetIndex>();

function indexOf(dataset: Dataset): DatasetIndex {
  let idx = indexCache.get(dataset);
  if (idx === undefined) {
    const nodes = new Map<string, DatasetNode>();
    const searchText = new Map<string, string>();
    const flagIndex = new Map<string, FlagIndex>();
    const flagged: DatasetNode[] = [];
    for (const n of dataset.nodes) {
      nodes.set(n.id, n);
      searchText.set(n.id, [n.label, n.name, ...n.ips, ...n.names].join('\u0000').toLowerCase());
      if (n.flags.length > 0) {
        const fi = buildFlagIndex(n);
        flagIndex.set(n.id, fi);
        if (fi.otherHours.length > 0) flagged.push(n);
      }
    }
    const m = dataset.edges.length;
    const edgeHidden = new Uint8Array(m);
    const edgeFirstHour = new Float64Array(m);
    const edgeLastHour = new Float64Array(m);
    const edgeEnds = new Int32Array(3 * m);
    const numbers = new Map<string, number>();
    const numberOf = (id: string | null): number => {
      if (id === null) return -1;
      let k = numbers.get(id);
      if (k === undefined) numbers.set(id, (k = numbers.size));
      return k;
    };
    const isHidden = (id: string | null): boolean => id !== null && (nodes.get(id)?.hidden ?? null) !== null;
    dataset.edges.forEach((e, k) => {
      if (isHidden(e.account) || isHidden(e.source) || isHidden(e.target)) edgeHidden[k] = 1;
      edgeFirstHour[k] = e.hourly.length === 0 ? Infinity : e.hourly[0]![0];
      edgeLastHour[k] = e.hourly.length === 0 ? -Infinity : e.hourly[e.hourly.length - 1]![0];
      edgeEnds[3 * k] = numberOf(e.account);
      edgeEnds[3 * k + 1] = numberOf(e.source);
      edgeEnds[3 * k + 2] = numberOf(e.target);
    });
    const flaggedNumbers = Int32Array.from(flagged, (n) => numberOf(n.id));
    const detectionHours = dataset.detections.map((d): [number, number] => [
      unixHourOf(d.first),
      unixHourOf(d.last),
    ]);
    idx = {
      nodes,
      searchText,
      flagIndex,
      flagged,
      flaggedNumbers,
      edgeHidden,
      detectionHours,
      edgeFirstHour,
      edgeLastHour,
      edgeEnds,
      nodeCount: numbers.size,
    };
    indexCache.set(dataset, idx);
  }
  return idx;
}

/**
 * Cuts an edge to the hours [fromHour, toHour); null when nothing is left. Returns the edge itself
 * when it lies wholly inside. first/last stay exact when the edge's own first/last hour is inside,
 * else they become the start/end of the first/last hour kept.
 */
export function cutEdge(edge: DatasetEdge, fromHour: number, toHour: number): DatasetEdge | null {
  const h = edge.hourly;
  if (h.length === 0) return null;
  const firstH = h[0]![0];
  const lastH = h[h.length - 1]![0];
  if (firstH >= fromHour && lastH < toHour) return edge;
  if (lastH < fromHour || firstH >= toHour) return null;
  // Binary search the first bucket >= fromHour.
  let lo = 0;
  let hi = h.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (h[mid]![0] < fromHour) lo = mid + 1;
    else hi = mid;
  }
  let count = 0;
  let end = lo;
  while (end < h.length && h[end]![0] < toHour) count += h[end++]![1];
  if (count === 0) return null;
  const hourly = h.slice(lo, end);
  const keptFirst = hourly[0]![0];
  const keptLast = hourly[hourly.length - 1]![0];
  return {
    ...edge,
    count,
    hourly,
    first: keptFirst === firstH ? edge.first : hourToIso(keptFirst),
    last: keptLast === lastH ? edge.last : hourEndIso(keptLast),
  };
}

/** The dataset's nodes, edges, rankings and detections for a window and filters. */
export function computeView(
  dataset: Dataset,
  window: TimeRange | null,
  filters: ViewFilters,
  options?: {
    pagerank?: PageRankMode;
    /** Rankings already computed for exactly this window and filters (a server's /graph): used as
     * they are instead of ranking again. */
    rankings?: Map<string, Ranking>;
  },
): WindowView {
  const idx = indexOf(dataset);
  const { fromHour, toHour } = windowHours(window);
  const hours = window === null ? null : { fromHour, toHour };
  const passes = edgeFilter(filters);
  const search = filters.search.trim().toLowerCase();

  const inWindowNode = new Uint8Array(idx.nodeCount);
  let totalNodes = 0;
  let totalEdges = 0;
  const mark = (k: number): void => {
    if (k >= 0 && inWindowNode[k] === 0) {
      inWindowNode[k] = 1;
      totalNodes++;
    }
  };
  const shown: DatasetEdge[] = [];
  const newEdgeIds = window === null ? null : new Set<string>();
  const matches = (id: string | null): boolean =>
    id !== null && (idx.searchText.get(id)?.includes(search) ?? false);

  const all = dataset.edges;
  for (let k = 0; k < all.length; k++) {
    const first = idx.edgeFirstHour[k]!;
    const last = idx.edgeLastHour[k]!;
    if (window !== null && (last < fromHour || first >= toHour)) continue;
    const edge = all[k]!;
    const e =
      window === null || (first >= fromHour && last < toHour) ? edge : cutEdge(edge, fromHour, toHour);
    if (e === null) continue;
    totalEdges++;
    mark(idx.edgeEnds[3 * k]!);
    mark(idx.edgeEnds[3 * k + 1]!);
    mark(idx.edgeEnds[3 * k + 2]!);
    if (!passes(e)) continue;
    if (!filters.showHidden && idx.edgeHidden[k] === 1) continue;
    if (search !== '' && !matches(e.account) && !matches(e.source) && !matches(e.target)) continue;
    shown.push(e);
    if (newEdgeIds !== null && first >= fromHour) newEdgeIds.add(e.id);
  }

  // A node flagged in the window is in it even without a logon (the view draws it): counted here
  // too, so that the view, whatever its filters, never holds more nodes than "in window" says.
  idx.flagged.forEach((n, i) => {
    if (flaggedIn(idx.flagIndex.get(n.id)!, fromHour, toHour)) mark(idx.flaggedNumbers[i]!);
  });

  const nodeIds = new Set<string>();
  for (const e of shown) {
    nodeIds.add(e.account);
    if (e.source !== null) nodeIds.add(e.source);
    if (e.target !== null) nodeIds.add(e.target);
  }
  // Nodes flagged in the window (an account created, a group changed) appear even without logons;
  // privileged-logon flags alone do not pull a node in (its logons do).
  for (const n of idx.flagged) {
    if (nodeIds.has(n.id)) continue;
    if (!filters.showHidden && n.hidden !== null) continue;
    if (search !== '' && !matches(n.id)) continue;
    if (flaggedIn(idx.flagIndex.get(n.id)!, fromHour, toHour)) nodeIds.add(n.id);
  }

  const nodes: DatasetNode[] = [];
  for (const id of nodeIds) {
    const n = idx.nodes.get(id);
    if (n === undefined) continue;
    const fi = idx.flagIndex.get(id);
    if (window === null || fi === undefined) {
      nodes.push(n);
      continue;
    }
    const a = lowerBound(fi.hours, fromHour);
    const b = lowerBound(fi.hours, toHour);
    if (a === 0 && b === fi.hours.length) nodes.push(n);
    else {
      const keep = Array.from(fi.order.subarray(a, b)).sort((x, y) => x - y);
      nodes.push({ ...n, flags: keep.map((i) => n.flags[i]!) });
    }
  }

  const rankAll = () => {
    return computeRankings({
      nodes: idx.nodes,
      edges: shown,
      hours,
      newEdgeIds,
      mode: options?.pagerank ?? 'standard',
      privileged: (id) => {
        const fi = idx.flagIndex.get(id);
        if (fi === undefined) return 0;
        const a = window === null ? 0 : lowerBound(fi.hours, fromHour);
        const b = window === null ? fi.hours.length : lowerBound(fi.hours, toHour);
        return fi.privilegedPrefix[b]! - fi.privilegedPrefix[a]!;
      },
    });
  };
  const rankings = options?.rankings ?? rankAll();

  const detections =
    window === null
      ? dataset.detections
      : dataset.detections.filter((_, i) => {
          const [a, b] = idx.detectionHours[i]!;
          return b >= fromHour && a < toHour;
        });

  return {
    window,
    nodes,
    edges: shown,
    rankings,
    detections,
    totals: { nodes: totalNodes, edges: totalEdges },
  };
}

const histogramCache = new WeakMap<Dataset, Array<[number, number]>>();

/** Events per Unix hour over all edges of the dataset, sorted by hour (for the timeline). */
export function hourlyHistogram(dataset: Dataset): Array<[unixHour: number, count: number]> {
  const cached = histogramCache.get(dataset);
  if (cached !== undefined) return cached;
  const sums = new Map<number, number>();
  for (const e of dataset.edges) for (const [h, c] of e.hourly) sums.set(h, (sums.get(h) ?? 0) + c);
  const out = [...sums.entries()].sort((a, b) => a[0] - b[0]);
  histogramCache.set(dataset, out);
  return out;
}

/**
 * Records a dataset's histogram computed elsewhere from the same data (the browser's parse worker
 * computes it beside the parsing: on the page's thread it was a 100 ms task for a 26k-node dataset).
 * hourlyHistogram then answers from it.
 */
export function rememberHourlyHistogram(dataset: Dataset, hours: Array<[number, number]>): void {
  histogramCache.set(dataset, hours);
}
