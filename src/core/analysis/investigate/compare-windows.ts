/**
 * Compare windows: what is new in a window compared with the previous one of the same length, and
 * what vanished (docs/analysis.md, "Investigation").
 *
 * Both windows go through `computeView` with the same filters, so "new" means new in what the
 * analyst sees. An edge or node is new when it is shown in this window and not in the previous
 * one; gone when it was shown in the previous one and is not now. `firstSeenEdges`/`firstSeenNodes`
 * are the stricter subset never seen before this window in the whole dataset (the ranking's
 * "logon path first seen in this window"). Rank changes compare one score (PageRank by default) of
 * each node between the two windows; a node absent from a window scores 0 there.
 */
import type { Dataset, TimeRange } from '../../dataset/schema.js';
import type { RankScore } from '../../dataset/schema.js';
import type { PageRankMode } from '../scores.js';
import { HOUR_MS, isoToMs, msToIso } from '../time.js';
import { computeView, type ViewFilters, type WindowView } from '../view.js';

export interface RankChange {
  node: string;
  /** The score in the previous window and in this one (0 when absent). */
  before: number;
  after: number;
  delta: number;
  /** 1-based place by that score, null when absent from the window. */
  beforeRank: number | null;
  afterRank: number | null;
}

export interface WindowDiff {
  /** The window of the same length just before. */
  previous: TimeRange;
  newEdges: string[];
  goneEdges: string[];
  newNodes: string[];
  goneNodes: string[];
  /** Edges shown whose first event in the whole dataset lies in this window. */
  firstSeenEdges: string[];
  /** Nodes shown none of whose edges in the whole dataset is older than this window. */
  firstSeenNodes: string[];
  /** Biggest changes first (by |delta|, then node id), at most `maxRankChanges`. */
  rankChanges: RankChange[];
}

export interface CompareOptions {
  /** The score whose changes are listed (default pagerank). */
  score?: RankScore;
  /** Rank changes listed at most (default 20). */
  maxRankChanges?: number;
  pagerank?: PageRankMode;
}

/** The window of the same length that ends where `window` starts. */
export function previousWindow(window: TimeRange): TimeRange {
  const from = isoToMs(window.from);
  const to = isoToMs(window.to);
  if (Number.isNaN(from) || Number.isNaN(to))
    throw new RangeError(`not a time window: ${JSON.stringify(window.from)} to ${JSON.stringify(window.to)}`);
  // Whole hours, as windows are cut on hourly buckets.
  const length = Math.max(HOUR_MS, Math.ceil((to - from) / HOUR_MS) * HOUR_MS);
  return { from: msToIso(from - length), to: window.from };
}

export function compareWindows(
  dataset: Dataset,
  window: TimeRange,
  filters: ViewFilters,
  opts: CompareOptions = {},
): WindowDiff {
  const previous = previousWindow(window);
  const viewOpts = opts.pagerank === undefined ? {} : { pagerank: opts.pagerank };
  const now = computeView(dataset, window, filters, viewOpts);
  const before = computeView(dataset, previous, filters, viewOpts);
  return diffViews(dataset, now, before, previous, opts);
}

/** The diff of two views already computed (the app may hold them). */
export function diffViews(
  dataset: Dataset,
  now: WindowView,
  before: WindowView,
  previous: TimeRange,
  opts: CompareOptions = {},
): WindowDiff {
  const score = opts.score ?? 'pagerank';
  const limit = Math.max(0, Math.floor(opts.maxRankChanges ?? 20));
  const edgesBefore = new Set(before.edges.map((e) => e.id));
  const edgesNow = new Set(now.edges.map((e) => e.id));
  const nodesBefore = new Set(before.nodes.map((n) => n.id));
  const nodesNow = new Set(now.nodes.map((n) => n.id));
  const startHour = Math.floor(isoToMs(previous.to) / HOUR_MS);
  const firstHour = firstHours(dataset);

  const newEdges = [...edgesNow].filter((id) => !edgesBefore.has(id)).sort();
  const firstSeenEdges = newEdges.filter((id) => (firstHour.edges.get(id) ?? -Infinity) >= startHour);
  const newNodes = [...nodesNow].filter((id) => !nodesBefore.has(id)).sort();

  const rankOf = (view: WindowView): Map<string, { value: number; place: number }> => {
    const rows = [...view.rankings.values()]
      .map((r) => ({ node: r.node, value: r.scores[score] ?? 0 }))
      .sort((a, b) => b.value - a.value || cmp(a.node, b.node));
    return new Map(rows.map((r, i) => [r.node, { value: r.value, place: i + 1 }]));
  };
  const rb = rankOf(before);
  const ra = rankOf(now);
  const changes: RankChange[] = [];
  for (const node of new Set([...rb.keys(), ...ra.keys()])) {
    const b = rb.get(node);
    const a = ra.get(node);
    const delta = (a?.value ?? 0) - (b?.value ?? 0);
    if (delta === 0) continue;
    changes.push({
      node,
      before: b?.value ?? 0,
      after: a?.value ?? 0,
      delta,
      beforeRank: b?.place ?? null,
      afterRank: a?.place ?? null,
    });
  }
  changes.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || cmp(x.node, y.node));

  return {
    previous,
    newEdges,
    goneEdges: [...edgesBefore].filter((id) => !edgesNow.has(id)).sort(),
    newNodes,
    goneNodes: [...nodesBefore].filter((id) => !nodesNow.has(id)).sort(),
    firstSeenEdges,
    firstSeenNodes: newNodes.filter((id) => (firstHour.nodes.get(id) ?? -Infinity) >= startHour),
    rankChanges: changes.slice(0, limit),
  };
}

const firstHourCache = new WeakMap<Dataset, { edges: Map<string, number>; nodes: Map<string, number> }>();

/** The first bucket hour of every edge and of every node's edges, over the whole dataset. */
function firstHours(dataset: Dataset): { edges: Map<string, number>; nodes: Map<string, number> } {
  let cached = firstHourCache.get(dataset);
  if (cached !== undefined) return cached;
  const edges = new Map<string, number>();
  const nodes = new Map<string, number>();
  const touch = (id: string | null, h: number): void => {
    if (id === null) return;
    const old = nodes.get(id);
    if (old === undefined || h < old) nodes.set(id, h);
  };
  for (const e of dataset.edges) {
    if (e.hourly.length === 0) continue;
    const h = e.hourly[0]![0];
    edges.set(e.id, h);
    touch(e.account, h);
    touch(e.source, h);
    touch(e.target, h);
  }
  cached = { edges, nodes };
  firstHourCache.set(dataset, cached);
  return cached;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
