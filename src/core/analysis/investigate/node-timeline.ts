/**
 * Node timeline: one account's or host's events per hour over the whole dataset, successes and
 * failures apart, by event ID, with its ChangeFinder anomaly score over time (LogonTracer's
 * timeline page; docs/analysis.md, "Investigation").
 *
 * A node's events are those of the edges it is an end of (account, source or target), each counted
 * once per edge, so the sums equal the counts of its edges. The anomaly score is the ranking's own
 * (scores.ts `anomalyScores`, same parameters and warm-up), run over the whole dataset: accounts
 * only, as in the ranking; 0 for hosts and addresses and at hours the model does not score. The
 * population the warm-up averages is that of the default view (edges touching hidden nodes left
 * out) unless the node is itself hidden or `showHidden` is set. A window's ranking runs the same
 * model over that window only, so its figure for an hour can differ from the timeline's.
 */
import type { Dataset, DatasetEdge, DatasetNode } from '../../dataset/schema.js';
import { anomalyScores } from '../scores.js';

export interface NodeTimeline {
  /** Unix hours, ascending, only hours with events of the node. */
  hours: number[];
  /** Per hour (same order): successful and failed events. */
  success: number[];
  failure: number[];
  /** Per event ID (decimal string): events per hour, same order as `hours`. */
  byEventId: Record<string, number[]>;
  /** ChangeFinder score per hour (same order), 0 where none. */
  anomaly: number[];
  /** The highest score and its hour, also when that hour has no events (null when none). */
  anomalyPeak: { hour: number; score: number } | null;
}

interface TimelineIndex {
  /** Per node id, the positions of its edges. */
  edgesOf: Map<string, number[]>;
  nodes: Map<string, DatasetNode>;
}

interface Population {
  edges: DatasetEdge[];
  accountIndex: Int32Array;
  accounts: Map<string, number>;
}

const indexCache = new WeakMap<Dataset, TimelineIndex>();
const populationCache = new WeakMap<Dataset, { shown?: Population; all?: Population }>();

function timelineIndex(dataset: Dataset): TimelineIndex {
  let idx = indexCache.get(dataset);
  if (idx !== undefined) return idx;
  const edgesOf = new Map<string, number[]>();
  const add = (id: string | null, k: number): void => {
    if (id === null) return;
    let list = edgesOf.get(id);
    if (list === undefined) edgesOf.set(id, (list = []));
    if (list[list.length - 1] !== k) list.push(k);
  };
  dataset.edges.forEach((e, k) => {
    add(e.account, k);
    add(e.source, k);
    add(e.target, k);
  });
  idx = { edgesOf, nodes: new Map(dataset.nodes.map((n) => [n.id, n])) };
  indexCache.set(dataset, idx);
  return idx;
}

function population(dataset: Dataset, nodes: Map<string, DatasetNode>, showHidden: boolean): Population {
  let entry = populationCache.get(dataset);
  if (entry === undefined) populationCache.set(dataset, (entry = {}));
  const key = showHidden ? 'all' : 'shown';
  const cached = entry[key];
  if (cached !== undefined) return cached;
  const hidden = (id: string | null): boolean => id !== null && (nodes.get(id)?.hidden ?? null) !== null;
  const edges = showHidden
    ? dataset.edges.slice()
    : dataset.edges.filter((e) => !hidden(e.account) && !hidden(e.source) && !hidden(e.target));
  const accounts = new Map<string, number>();
  const accountIndex = Int32Array.from(edges, (e) => {
    let i = accounts.get(e.account);
    if (i === undefined) accounts.set(e.account, (i = accounts.size));
    return i;
  });
  const p = { edges, accountIndex, accounts };
  entry[key] = p;
  return p;
}

export function nodeTimeline(
  dataset: Dataset,
  nodeId: string,
  opts: { showHidden?: boolean } = {},
): NodeTimeline {
  const idx = timelineIndex(dataset);
  const perHour = new Map<number, { success: number; failure: number; byEvent: Map<number, number> }>();
  const eventIds = new Set<number>();
  for (const k of idx.edgesOf.get(nodeId) ?? []) {
    const e = dataset.edges[k]!;
    eventIds.add(e.eventId);
    for (const [h, c] of e.hourly) {
      let cell = perHour.get(h);
      if (cell === undefined) perHour.set(h, (cell = { success: 0, failure: 0, byEvent: new Map() }));
      if (e.failure) cell.failure += c;
      else cell.success += c;
      cell.byEvent.set(e.eventId, (cell.byEvent.get(e.eventId) ?? 0) + c);
    }
  }
  const hours = [...perHour.keys()].sort((a, b) => a - b);
  const cells = hours.map((h) => perHour.get(h)!);
  const byEventId: Record<string, number[]> = {};
  for (const id of [...eventIds].sort((a, b) => a - b))
    byEventId[String(id)] = cells.map((c) => c.byEvent.get(id) ?? 0);

  const anomaly = new Array<number>(hours.length).fill(0);
  let anomalyPeak: NodeTimeline['anomalyPeak'] = null;
  const node = idx.nodes.get(nodeId);
  if (node?.kind === 'account' && hours.length > 0) {
    const pop = population(dataset, idx.nodes, opts.showHidden ?? node.hidden !== null);
    const account = pop.accounts.get(nodeId);
    if (account !== undefined) {
      const byHour = new Map<number, number>();
      anomalyScores(pop.edges, null, pop.accountIndex, pop.accounts.size, {
        account,
        onScore: (hour, score) => {
          byHour.set(hour, score);
          if (score > 0 && (anomalyPeak === null || score > anomalyPeak.score)) anomalyPeak = { hour, score };
        },
      });
      hours.forEach((h, i) => (anomaly[i] = byHour.get(h) ?? 0));
    }
  }
  return {
    hours,
    success: cells.map((c) => c.success),
    failure: cells.map((c) => c.failure),
    byEventId,
    anomaly,
    anomalyPeak,
  };
}
