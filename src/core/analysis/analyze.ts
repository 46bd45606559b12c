/**
 * The whole pipeline: events → graph → dataset (format v1) with rankings and detections; and the
 * cut of a dataset to a window (server /graph, exports).
 */
import type { LogonEvent } from '../events/logon-event.js';
import {
  DATASET_FORMAT_V1,
  type Dataset,
  type DatasetNode,
  type DatasetSource,
  type TimeRange,
} from '../dataset/schema.js';
import { GENERATOR } from '../version.js';
import { coverageOf } from './coverage.js';
import { createGraphBuilder, type LogonGraph } from './graph-builder.js';
import {
  detectExplicitCredentialSpray,
  detectFromEdges,
  detectFromFlags,
  detectKerberoasting,
  EDGE_DETECTION_KINDS,
  sortDetections,
} from './detections.js';
import type { PageRankMode } from './scores.js';
import type { SigmaRuleSet } from '../sigma/engine.js';
import { computeView, cutEdge, DEFAULT_FILTERS } from './view.js';
import { HOUR_MS, isoToMs, msToIso, unixHourOf, windowHours } from './time.js';

export interface AnalyzeMeta {
  sources: DatasetSource[];
  readStats: { recordsRead: number; eventsSkipped: Record<string, number>; warnings: number };
  window?: TimeRange | null;
  title?: string | null;
  /** PageRank mode of the stored rankings (default standard). */
  pagerank?: PageRankMode;
  /** createdAt (tests pin it); default now. */
  now?: string;
}

/** Reads every event into a dataset: graph, rankings for the whole range (or `window`), detections. */
export function analyzeEvents(
  events: Iterable<LogonEvent>,
  meta: AnalyzeMeta,
  options: { sigma?: SigmaRuleSet | null } = {},
): Dataset {
  return analyzeEventsLinked(events, meta, options).dataset;
}

/**
 * analyzeEvents, with the graph builder's answer to "which edge was this event counted in": stores
 * that keep events beside the roll-ups link each one to its edge with the analysis' own identity.
 */
export function analyzeEventsLinked(
  events: Iterable<LogonEvent>,
  meta: AnalyzeMeta,
  options: { sigma?: SigmaRuleSet | null } = {},
): { dataset: Dataset; edgeIdOf: LogonGraph['edgeIdOf'] } {
  const builder = createGraphBuilder({ window: meta.window ?? null, sigma: options.sigma ?? null });
  for (const e of events) builder.add(e);
  const graph = builder.finish();
  return { dataset: datasetFromGraph(graph, meta), edgeIdOf: (e) => graph.edgeIdOf(e) };
}

/** The event IDs the analysis reads (readers may drop the rest early). */
export { ANALYSED_EVENT_IDS } from './graph-builder.js';

/** The dataset for a finished graph (for callers that stream events into a builder themselves). */
export function datasetFromGraph(graph: LogonGraph, meta: AnalyzeMeta): Dataset {
  const window = meta.window ?? null;
  const nodeMap = new Map(graph.nodes.map((n) => [n.id, n]));
  const detections = sortDetections([
    ...detectFromFlags(graph.nodes),
    ...detectKerberoasting(graph.rc4Tickets, nodeMap),
    ...detectFromEdges(graph.edges, nodeMap),
    ...detectExplicitCredentialSpray(graph.edges, nodeMap),
    ...graph.eventDetections,
  ]);

  // Records read = events used + every skip reason, the reader's and ours.
  const eventsSkipped: Record<string, number> = { ...meta.readStats.eventsSkipped };
  for (const [k, v] of Object.entries(graph.stats.skipped)) eventsSkipped[k] = (eventsSkipped[k] ?? 0) + v;
  const accounted = graph.stats.used + Object.values(eventsSkipped).reduce((s, v) => s + v, 0);
  let recordsRead = meta.readStats.recordsRead;
  if (recordsRead > accounted) eventsSkipped['unaccounted'] = recordsRead - accounted;
  else recordsRead = accounted;

  const dataset: Dataset = {
    format: DATASET_FORMAT_V1,
    generator: { name: GENERATOR.name, version: GENERATOR.version },
    createdAt: meta.now ?? msToIso(Date.now()),
    title: meta.title ?? null,
    sources: meta.sources,
    timeRange: graph.timeRange,
    window,
    readStats: {
      recordsRead,
      eventsUsed: graph.stats.used,
      eventsSkipped,
      warnings: meta.readStats.warnings,
    },
    nodes: graph.nodes,
    edges: graph.edges,
    rankings: [],
    detections,
    coverage: coverageOf(graph.eventCounts, graph.sigma),
  };
  const view = computeView(dataset, window, DEFAULT_FILTERS, { pagerank: meta.pagerank ?? 'standard' });
  dataset.rankings = [...view.rankings.values()];
  return dataset;
}

/**
 * The dataset cut to a window: edges restricted to its hours, nodes touched by them or flagged in
 * it, flags inside it, rankings and edge-based detections recomputed, other detections kept when
 * they overlap. `window` null re-ranks the whole dataset.
 */
export function rankDataset(
  dataset: Dataset,
  window: TimeRange | null,
  options?: { pagerank?: PageRankMode },
): Dataset {
  const mode = options?.pagerank ?? 'standard';
  const { fromHour, toHour } = windowHours(window);
  const inWindow = (t: string): boolean => {
    if (window === null) return true;
    const h = unixHourOf(t);
    return h >= fromHour && h < toHour;
  };
  const edges =
    window === null
      ? dataset.edges
      : dataset.edges.map((e) => cutEdge(e, fromHour, toHour)).filter((e) => e !== null);
  const touched = new Set<string>();
  for (const e of edges) {
    touched.add(e.account);
    if (e.source !== null) touched.add(e.source);
    if (e.target !== null) touched.add(e.target);
    if (e.subject !== undefined) touched.add(e.subject);
  }
  const nodes: DatasetNode[] = [];
  for (const n of dataset.nodes) {
    const flags = window === null ? n.flags : n.flags.filter((f) => inWindow(f.time));
    if (touched.has(n.id) || flags.length > 0 || (n.kind === 'domain' && window === null)) {
      nodes.push(flags === n.flags ? n : { ...n, flags });
    }
  }
  const nodeMap = new Map(nodes.map((n) => [n.id, n]));
  const overlaps = (first: string, last: string): boolean => {
    if (window === null) return true;
    const a = Math.floor(isoToMs(first) / HOUR_MS);
    const b = Math.floor(isoToMs(last) / HOUR_MS);
    return b >= fromHour && a < toHour;
  };
  const detections = sortDetections([
    ...dataset.detections.filter((d) => !EDGE_DETECTION_KINDS.has(d.kind) && overlaps(d.first, d.last)),
    ...detectFromEdges(edges, nodeMap),
    ...detectExplicitCredentialSpray(edges, nodeMap),
  ]);
  const rankings = [
    ...computeView(dataset, window, DEFAULT_FILTERS, { pagerank: mode }).rankings.values(),
  ].filter((r) => nodeMap.has(r.node));
  return { ...dataset, window, nodes, edges, rankings, detections };
}
