/**
 * The detections listing (docs/analysis.md, "Investigation"): every detection of the dataset,
 * most severe and earliest first, each marked in or out of the window on screen, with counts per
 * kind and severity; and the evidence of one detection in a list of edges, for the graph.
 */
import type { DatasetEdge, Detection, TimeRange } from '../../dataset/schema.js';
import { HOUR_MS, isoToMs, windowHours } from '../time.js';

type Severity = Detection['severity'];
/** Most severe first. */
const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

export interface DetectionRow {
  detection: Detection;
  /** True when the detection overlaps the window (always true without a window). */
  inWindow: boolean;
}

export interface DetectionListing {
  /** Those matching the filter, by severity (high first), then first time, then id. */
  rows: DetectionRow[];
  /** Over the whole dataset, before the filter (a filter never hides what exists). */
  byKind: Record<string, number>;
  bySeverity: Record<Severity, number>;
  /** Rows in the window. */
  inWindow: number;
  total: number;
}

export interface DetectionListFilter {
  /** null/absent = all. */
  severities?: readonly Severity[] | null;
  kinds?: readonly string[] | null;
}

/** The name ui9 imports (kept: renaming it would break that branch when merged). */
export type DetectionFilter = DetectionListFilter;

const order = new WeakMap<readonly Detection[], Array<{ d: Detection; first: number; last: number }>>();

function sorted(detections: readonly Detection[]): Array<{ d: Detection; first: number; last: number }> {
  let list = order.get(detections);
  if (list !== undefined) return list;
  const rank = (s: Severity): number => SEVERITIES.indexOf(s);
  list = detections
    .map((d) => ({
      d,
      first: Math.floor(isoToMs(d.first) / HOUR_MS),
      last: Math.floor(isoToMs(d.last) / HOUR_MS),
    }))
    .sort(
      (a, b) =>
        rank(a.d.severity) - rank(b.d.severity) ||
        a.first - b.first ||
        (a.d.id < b.d.id ? -1 : a.d.id > b.d.id ? 1 : 0),
    );
  order.set(detections, list);
  return list;
}

export function listDetections(
  detections: readonly Detection[],
  window: TimeRange | null,
  filter: DetectionListFilter = {},
): DetectionListing {
  const { fromHour, toHour } = windowHours(window);
  const severities = filter.severities == null ? null : new Set(filter.severities);
  const kinds = filter.kinds == null ? null : new Set(filter.kinds);
  const byKind: Record<string, number> = {};
  const bySeverity: Record<Severity, number> = { high: 0, medium: 0, low: 0, info: 0 };
  const rows: DetectionRow[] = [];
  let inWindowCount = 0;
  for (const { d, first, last } of sorted(detections)) {
    byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
    bySeverity[d.severity] += 1;
    if (severities !== null && !severities.has(d.severity)) continue;
    if (kinds !== null && !kinds.has(d.kind)) continue;
    // The same overlap rule as computeView's detections (hour buckets).
    const inWindow = window === null || (last >= fromHour && first < toHour);
    if (inWindow) inWindowCount++;
    rows.push({ detection: d, inWindow });
  }
  return { rows, byKind, bySeverity, inWindow: inWindowCount, total: detections.length };
}

/**
 * What a detection points at in a list of edges: its nodes, and the edges of its evidence event IDs
 * in its time span (hours) that join them. Flag-only detections (DCSync, log cleared) have nodes
 * and no evidence edges.
 */
export function detectionEvidence(
  edges: readonly DatasetEdge[],
  d: Detection,
): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set(d.nodes);
  const eventIds = new Set(d.evidence.eventIds);
  const from = Math.floor(isoToMs(d.first) / HOUR_MS);
  const to = Math.floor(isoToMs(d.last) / HOUR_MS);
  const out = new Set<string>();
  const has = (id: string | null): boolean => id !== null && nodes.has(id);
  for (const e of edges) {
    if (!eventIds.has(e.eventId)) continue;
    // A one-node detection owns every such edge of its node; a detection naming an account and
    // its sources (guessing, spraying, Kerberoasting) owns the edges between them only.
    const touches =
      nodes.size === 1
        ? has(e.account) || has(e.source) || has(e.target)
        : has(e.account) && (has(e.source) || has(e.target));
    if (!touches) continue;
    if (e.hourly.some(([h]) => h >= from && h <= to)) out.add(e.id);
  }
  return { nodes, edges: out };
}
